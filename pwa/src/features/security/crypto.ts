// WebCrypto building blocks for data at rest: PBKDF2-SHA256 → AES-GCM-256, a random
// 96-bit IV per record, and a portable form of stored values (Blobs and bytes as base64)
// so that any record, photos included, can be sealed as one JSON document.

export const PBKDF2_ITERATIONS = 310_000 // OWASP 2023 minimum for PBKDF2-HMAC-SHA256
const IV_BYTES = 12

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>
  data: ArrayBuffer
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length))
}

/** A key-encryption key from a PIN or passphrase; never extractable. */
export async function deriveKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'PBKDF2',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  )
}

/** The data key every record is sealed with; extractable only to be wrapped. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt'])
}

export async function seal(key: CryptoKey, plain: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES)
  return { iv, data: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) }
}

/** Throws (OperationError) when the key is wrong or the record was altered. */
export async function open(key: CryptoKey, sealed: Sealed): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data),
  )
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES)
  return { iv, data: await crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv }) }
}

export function unwrapDataKey(wrapped: Sealed, kek: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey(
    'raw',
    wrapped.data,
    kek,
    { name: 'AES-GCM', iv: wrapped.iv },
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  )
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A Blob, also one from another realm (a structured clone in tests, a worker). */
export function isBlob(value: unknown): value is Blob {
  if (value instanceof Blob) return true
  const candidate = value as Partial<Blob> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.arrayBuffer === 'function' &&
    typeof candidate.type === 'string'
  )
}

/** Blobs and byte arrays as tagged base64 objects; everything else as JSON has it. */
export async function toPortable(value: unknown): Promise<unknown> {
  if (isBlob(value)) {
    return { $blob: toBase64(new Uint8Array(await value.arrayBuffer())), type: value.type }
  }
  if (value instanceof Uint8Array) return { $bytes: toBase64(value) }
  if (value instanceof ArrayBuffer) return { $buffer: toBase64(new Uint8Array(value)) }
  if (Array.isArray(value)) return Promise.all(value.map(toPortable))
  if (typeof value === 'object' && value !== null) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([key, item]) => [key, await toPortable(item)] as const),
    )
    return Object.fromEntries(entries)
  }
  return value
}

export function fromPortable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPortable)
  if (typeof value === 'object' && value !== null) {
    const tagged = value as Record<string, unknown>
    if (typeof tagged.$blob === 'string') {
      return new Blob([fromBase64(tagged.$blob)], { type: String(tagged.type ?? '') })
    }
    if (typeof tagged.$bytes === 'string') return fromBase64(tagged.$bytes)
    if (typeof tagged.$buffer === 'string') return fromBase64(tagged.$buffer).buffer
    return Object.fromEntries(
      Object.entries(tagged).map(([key, item]) => [key, fromPortable(item)]),
    )
  }
  return value
}

export async function sealValue(key: CryptoKey, value: unknown): Promise<Sealed> {
  const json = JSON.stringify(await toPortable(value))
  return seal(key, new TextEncoder().encode(json))
}

export async function openValue(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  return fromPortable(JSON.parse(new TextDecoder().decode(await open(key, sealed))))
}
