import 'fake-indexeddb/auto'

import { IndexedDbStore, MemoryStore } from '@doorstep/sync-client'
import { describe, expect, it } from 'vitest'

import { generateDataKey, openValue, sealValue } from '@/features/security/crypto'
import { EncryptedSessionStore } from '@/features/security/encrypted-session-store'
import { EncryptedStore } from '@/features/security/encrypted-store'
import { MAX_ATTEMPTS, PinVault, lockDuration } from '@/features/security/pin-vault'
import {
  ExportFileError,
  collectUnsentWork,
  openUnsentWork,
  restoreUnsentWork,
  sealUnsentWork,
} from '@/features/security/unsent-export'

import { freshStorage } from '../support/storage'

const SESSION = {
  token: 'access-token',
  refreshToken: 'refresh-token',
  user: { id: 'u1', username: 'staff1', role: 'FIELD_STAFF' as const, displayName: '王芳' },
}

describe('sealed values', () => {
  it('round-trips photos and bytes, and gives every record its own IV', async () => {
    const key = await generateDataKey()
    const value = {
      blob: new Blob(['照片'], { type: 'image/jpeg' }),
      n: 1,
      bytes: new Uint8Array([1, 2]),
    }
    const a = await sealValue(key, value)
    const b = await sealValue(key, value)
    expect(a.iv).not.toEqual(b.iv)
    const back = (await openValue(key, a)) as typeof value
    expect(back.n).toBe(1)
    expect(await back.blob.text()).toBe('照片')
    expect(back.blob.type).toBe('image/jpeg')
    expect([...back.bytes]).toEqual([1, 2])
  })

  it('refuses another key', async () => {
    const sealed = await sealValue(await generateDataKey(), 'secret')
    await expect(openValue(await generateDataKey(), sealed)).rejects.toThrow()
  })
})

describe('PIN vault', () => {
  it('unlocks the same data key with the PIN, and again after the PIN changed', async () => {
    const vault = new PinVault(freshStorage())
    const dataKey = await vault.create('u1', '1234')
    const sealed = await sealValue(dataKey, 'draft')
    const first = await vault.unlock('1234', false)
    expect(first.kind).toBe('unlocked')
    await vault.changePin('u1', dataKey, '987654')
    expect((await vault.unlock('1234', false)).kind).toBe('wrong')
    const second = await vault.unlock('987654', false)
    if (second.kind !== 'unlocked') throw new Error(second.kind)
    expect(await openValue(second.dataKey, sealed)).toBe('draft')
  })

  it('counts wrong PINs, then locks while work is unsent and wipes only when none is', async () => {
    const vault = new PinVault(freshStorage())
    await vault.create('u1', '1234')
    for (let left = MAX_ATTEMPTS - 1; left >= 1; left--) {
      expect(await vault.unlock('0000', false, 0)).toEqual({ kind: 'wrong', attemptsLeft: left })
    }
    expect(await vault.unlock('0000', false, 0)).toEqual({ kind: 'locked', until: lockDuration(5) })
    // Locked: even the right PIN waits.
    expect((await vault.unlock('1234', false, 1)).kind).toBe('locked')
    expect(await vault.unlock('0000', true, lockDuration(5) + 1)).toEqual({ kind: 'wipe' })
    expect(lockDuration(6)).toBe(2 * lockDuration(5))
  })

  it('accepts only 4–6 digit PINs', async () => {
    const vault = new PinVault(freshStorage())
    await expect(vault.create('u1', '123')).rejects.toThrow()
    await expect(vault.create('u1', '12a4')).rejects.toThrow()
  })
})

describe('EncryptedStore', () => {
  it('keeps only ciphertext in IndexedDB and reads it back after reopening', async () => {
    const key = await generateDataKey()
    const name = `enc-test-${Math.random()}`
    const store = await EncryptedStore.open(await IndexedDbStore.open(name), key)
    await store.write(async (tx) => {
      await tx.put('outbox', 1, { id: 1, name: 'updateCase', args: { fields: { name: '张伟' } } })
      await tx.put('entities', ['case', 'c1'], { data: { phone: '13800138000' } })
    })
    store.close()

    const raw = await IndexedDbStore.open(name)
    const rows = await raw.read((tx) => tx.scan<unknown>('outbox'))
    const stored = JSON.stringify(rows, (_k, v: unknown) =>
      v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v,
    )
    expect(stored).not.toContain('updateCase')
    expect(rows).toHaveLength(1)

    const reopened = await EncryptedStore.open(raw, key)
    expect(await reopened.read((tx) => tx.get('outbox', 1))).toMatchObject({ name: 'updateCase' })
    expect(await reopened.read((tx) => tx.get('entities', ['case', 'c1']))).toEqual({
      data: { phone: '13800138000' },
    })
    await expect(EncryptedStore.open(raw, await generateDataKey())).rejects.toThrow()
    reopened.close()
  })

  it('leaves memory unchanged when the transaction fails', async () => {
    const store = await EncryptedStore.open(new MemoryStore(), await generateDataKey())
    await expect(
      store.write(async (tx) => {
        await tx.put('meta', 'x', 1)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await store.read((tx) => tx.get('meta', 'x'))).toBeUndefined()
  })
})

describe('encrypted session store', () => {
  it('stores the tokens sealed and gives them back only with the key', async () => {
    const storage = freshStorage()
    const key = await generateDataKey()
    const store = new EncryptedSessionStore(storage)
    await store.unlock(key)
    store.save(SESSION)
    await store.flushed()
    expect(
      JSON.stringify(
        [...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i)!)),
      ),
    ).not.toContain('refresh-token')
    const next = new EncryptedSessionStore(storage)
    expect(next.load()).toBeNull()
    expect(await next.unlock(key)).toEqual(SESSION)
    expect(await new EncryptedSessionStore(storage).unlock(await generateDataKey())).toBeNull()
  })
})

describe('unsent work export', () => {
  it('round-trips mutations and photos through a passphrase-sealed file', async () => {
    const source = new MemoryStore()
    await source.write(async (tx) => {
      await tx.put('outbox', 1, {
        id: 1,
        name: 'createCase',
        args: { id: 'c1', kind: 'withdrawal', fields: {} },
        createdAt: 5,
      })
      await tx.put('outbox', 2, { id: 2, name: 'submitCase', args: { id: 'c1' }, createdAt: 6 })
    })
    // Node's structuredClone cannot copy a Blob into the MemoryStore; the photo is added to
    // the collected work directly (the browser test covers photos from IndexedDB).
    const collected = await collectUnsentWork(source, 'u1')
    expect(collected.mutations.map((m) => m.name)).toEqual(['createCase', 'submitCase'])
    collected.uploads.push({
      sha256: 'abc',
      filename: 'id.jpg',
      contentType: 'image/jpeg',
      blob: new Blob(['jpeg-bytes'], { type: 'image/jpeg' }),
    })
    const file = await sealUnsentWork(collected, '正确的口令 123')
    expect(await file.text()).not.toContain('createCase')
    await expect(openUnsentWork(file, 'wrong')).rejects.toEqual(new ExportFileError('passphrase'))
    await expect(openUnsentWork(new Blob(['{}']), 'x')).rejects.toEqual(
      new ExportFileError('format'),
    )

    const work = await openUnsentWork(file, '正确的口令 123')
    const queued: string[] = []
    const counts = await restoreUnsentWork(work, {
      mutate: async (name) => queued.push(name),
      addUpload: async (blob, info) => queued.push(`${info.filename}:${await blob.text()}`),
    })
    expect(counts).toEqual({ mutations: 2, uploads: 1 })
    expect(queued).toEqual(['id.jpg:jpeg-bytes', 'createCase', 'submitCase'])
  })
})
