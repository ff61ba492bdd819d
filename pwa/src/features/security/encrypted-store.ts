// An encrypting Store around the sync client's Store (IndexedDB on the device): every
// value is sealed with the data key (AES-GCM, own IV) before it reaches IndexedDB.
//
// IndexedDB commits a transaction as soon as it waits on anything else, and WebCrypto is
// asynchronous, so values cannot be decrypted inside an IndexedDB transaction. Instead the
// plaintext lives in memory while the app is unlocked (a MemoryStore, filled once on
// unlock) and each write transaction is sealed first, then applied to IndexedDB in one
// transaction of puts and deletes; the memory copy changes only if that succeeded.
// Keys (case ids, photo hashes, mutation numbers) stay readable: IndexedDB orders by them.
import {
  MemoryStore,
  type Key,
  type ReadTransaction,
  type Store,
  type TableName,
  type WriteTransaction,
} from '@doorstep/sync-client'

import { openValue, sealValue, type Sealed } from './crypto'

export const TABLE_NAMES = [
  'meta',
  'outbox',
  'rejected',
  'entities',
  'uploads',
  'tusUrls',
] as const satisfies readonly TableName[]

interface StoredRecord {
  key: Key
  sealed: Sealed
}

type Change =
  | { op: 'put'; table: TableName; key: Key; value: unknown }
  | { op: 'del'; table: TableName; key: Key }
  | { op: 'clear'; table: TableName }

function isSealed(value: unknown): value is StoredRecord {
  const record = value as Partial<StoredRecord> | null
  return typeof record === 'object' && record !== null && record.sealed?.iv instanceof Uint8Array
}

export class EncryptedStore implements Store {
  private constructor(
    private readonly inner: Store,
    private readonly memory: MemoryStore,
    private readonly key: CryptoKey,
  ) {}

  /** Decrypts everything the inner store holds; fails (OperationError) with a wrong key. */
  static async open(inner: Store, key: CryptoKey): Promise<EncryptedStore> {
    const rows = await inner.read(async (tx) => {
      const all: { table: TableName; record: unknown }[] = []
      for (const table of TABLE_NAMES) {
        for (const record of await tx.scan(table)) all.push({ table, record })
      }
      return all
    })
    const plain = await Promise.all(
      rows
        .filter((row): row is { table: TableName; record: StoredRecord } => isSealed(row.record))
        .map(async ({ table, record }) => ({
          table,
          key: record.key,
          value: await openValue(key, record.sealed),
        })),
    )
    const memory = new MemoryStore()
    await memory.write(async (tx) => {
      for (const row of plain) await tx.put(row.table, row.key, row.value)
    })
    return new EncryptedStore(inner, memory, key)
  }

  read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    return this.memory.read(fn)
  }

  write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    return this.memory.write(async (tx) => {
      const changes: Change[] = []
      const result = await fn({
        get: (table, key) => tx.get(table, key),
        scan: (table, range, limit) => tx.scan(table, range, limit),
        count: (table) => tx.count(table),
        put: async (table, key, value) => {
          await tx.put(table, key, value)
          changes.push({ op: 'put', table, key, value })
        },
        del: async (table, key) => {
          await tx.del(table, key)
          changes.push({ op: 'del', table, key })
        },
        clear: async (table) => {
          await tx.clear(table)
          changes.push({ op: 'clear', table })
        },
      })
      await this.persist(changes)
      return result
    })
  }

  close(): void {
    this.memory.close()
    this.inner.close()
  }

  private async persist(changes: Change[]): Promise<void> {
    if (changes.length === 0) return
    // Seal first (outside IndexedDB), then one transaction that only writes.
    const sealed = await Promise.all(
      changes.map(async (change) =>
        change.op === 'put'
          ? {
              ...change,
              record: { key: change.key, sealed: await sealValue(this.key, change.value) },
            }
          : change,
      ),
    )
    await this.inner.write(async (tx) => {
      for (const change of sealed) {
        if (change.op === 'put') await tx.put(change.table, change.key, change.record)
        else if (change.op === 'del') await tx.del(change.table, change.key)
        else await tx.clear(change.table)
      }
    })
  }
}
