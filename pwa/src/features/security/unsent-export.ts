// A dying tablet must never lose a visit: the unsent work (outbox mutations and photos not
// yet verified) as one file, sealed with a passphrase the person types (PBKDF2 → AES-GCM),
// that another tablet can import and send as its own.
import type { Store } from '@doorstep/sync-client'

import {
  PBKDF2_ITERATIONS,
  deriveKey,
  fromBase64,
  open,
  randomBytes,
  seal,
  toBase64,
  toPortable,
  fromPortable,
  isBlob,
} from './crypto'

export const EXPORT_FORMAT = 'doorstep-unsent-work'

export interface UnsentMutation {
  name: string
  args: Record<string, unknown>
  createdAt: number
}
export interface UnsentUpload {
  sha256: string
  filename: string
  contentType: string
  blob: Blob
}
export interface UnsentWork {
  userId: string
  exportedAt: string
  mutations: UnsentMutation[]
  uploads: UnsentUpload[]
}

/** Reads the unsent work straight from the sync client's store. */
export async function collectUnsentWork(
  store: Store,
  userId: string,
  now = new Date(),
): Promise<UnsentWork> {
  const [outbox, uploads] = await store.read(async (tx) => [
    await tx.scan<Record<string, unknown>>('outbox'),
    await tx.scan<Record<string, unknown>>('uploads'),
  ])
  return {
    userId,
    exportedAt: now.toISOString(),
    mutations: outbox.map((m) => ({
      name: String(m.name),
      args: (m.args ?? {}) as Record<string, unknown>,
      createdAt: Number(m.createdAt ?? 0),
    })),
    uploads: uploads
      .filter((u) => isBlob(u.blob))
      .map((u) => ({
        sha256: String(u.sha256),
        filename: String(u.filename ?? 'photo.jpg'),
        contentType: String(u.contentType ?? (u.blob as Blob).type),
        blob: u.blob as Blob,
      })),
  }
}

export async function sealUnsentWork(work: UnsentWork, passphrase: string): Promise<Blob> {
  const salt = randomBytes(16)
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS)
  const plain = new TextEncoder().encode(JSON.stringify(await toPortable(work)))
  const sealed = await seal(key, plain)
  const file = {
    format: EXPORT_FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2-SHA256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: 'AES-GCM-256',
    iv: toBase64(sealed.iv),
    data: toBase64(new Uint8Array(sealed.data)),
  }
  return new Blob([JSON.stringify(file)], { type: 'application/json' })
}

export class ExportFileError extends Error {
  constructor(readonly reason: 'format' | 'passphrase') {
    super(reason === 'format' ? 'not a Doorstep export file' : 'wrong passphrase')
  }
}

export async function openUnsentWork(file: Blob, passphrase: string): Promise<UnsentWork> {
  let parsed: Record<string, unknown>
  try {
    parsed = JSON.parse(await file.text()) as Record<string, unknown>
  } catch {
    throw new ExportFileError('format')
  }
  const kdf = parsed.kdf as { iterations?: number; salt?: string } | undefined
  if (parsed.format !== EXPORT_FORMAT || typeof kdf?.salt !== 'string') {
    throw new ExportFileError('format')
  }
  const key = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations ?? PBKDF2_ITERATIONS)
  let plain: Uint8Array
  try {
    plain = await open(key, {
      iv: fromBase64(String(parsed.iv)),
      data: fromBase64(String(parsed.data)).buffer,
    })
  } catch {
    throw new ExportFileError('passphrase')
  }
  return fromPortable(JSON.parse(new TextDecoder().decode(plain))) as UnsentWork
}

/** Queues the imported work on this tablet: photos first, then the mutations in order. */
export async function restoreUnsentWork(
  work: UnsentWork,
  queue: {
    mutate(name: string, args: Record<string, unknown>): Promise<unknown>
    addUpload(blob: Blob, info: { filename: string; contentType?: string }): Promise<unknown>
  },
): Promise<{ mutations: number; uploads: number }> {
  for (const upload of work.uploads) {
    await queue.addUpload(upload.blob, {
      filename: upload.filename,
      contentType: upload.contentType,
    })
  }
  for (const mutation of work.mutations) await queue.mutate(mutation.name, mutation.args)
  return { mutations: work.mutations.length, uploads: work.uploads.length }
}
