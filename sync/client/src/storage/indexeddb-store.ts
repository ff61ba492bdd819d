import { openDB, unwrap, type IDBPDatabase, type IDBPTransaction } from "idb";
import type { Key, KeyRange, ReadTransaction, Store, TableName, WriteTransaction } from "./store";
import { SCHEMA_VERSION, TABLES, upgradeSteps } from "./schema";

type AnyTx = IDBPTransaction<unknown, TableName[], IDBTransactionMode>;

function toIdbRange(range: KeyRange | undefined): IDBKeyRange | undefined {
  const lower = range?.lower as IDBValidKey | undefined;
  const upper = range?.upper as IDBValidKey | undefined;
  if (lower !== undefined && upper !== undefined) return IDBKeyRange.bound(lower, upper);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper);
  return undefined;
}

/**
 * Puts and deletes resolve once queued, not once done: IndexedDB runs a transaction's
 * requests in order (a later get sees an earlier put) and a failed request aborts the whole
 * transaction, which `write` reports when it awaits `tx.done`. Waiting on each request
 * instead costs a round trip to the browser's storage process per row (idb's promise per
 * request), the larger part of applying a 10,000-case first sync.
 */
function wrap(tx: AnyTx): WriteTransaction {
  const os = (name: TableName) => tx.objectStore(name);
  const raw = (name: TableName): IDBObjectStore => unwrap(tx.objectStore(name)) as IDBObjectStore;
  return {
    get: async <T>(name: TableName, key: Key) => (await os(name).get(key as IDBValidKey)) as T | undefined,
    scan: async <T>(name: TableName, range?: KeyRange, limit?: number) =>
      (await os(name).getAll(toIdbRange(range), limit)) as T[],
    count: (name: TableName) => os(name).count(),
    put: async (name: TableName, key: Key, value: unknown) => {
      raw(name).put(value, key as IDBValidKey);
    },
    del: async (name: TableName, key: Key) => {
      raw(name).delete(key as IDBValidKey);
    },
    clear: (name: TableName) => os(name).clear!(),
  };
}

/** A Store over one IndexedDB database (one per device user: see SyncClient). */
export class IndexedDbStore implements Store {
  private constructor(private readonly db: IDBPDatabase) {}

  static async open(name: string): Promise<IndexedDbStore> {
    const db = await openDB(name, SCHEMA_VERSION, {
      upgrade(database, oldVersion) {
        for (let version = oldVersion + 1; version <= SCHEMA_VERSION; version++) {
          for (const table of upgradeSteps[version - 1] ?? []) database.createObjectStore(table);
        }
      },
      // Another tab wants a newer schema: let it proceed; this tab's next call fails loudly.
      blocking() {
        db.close();
      },
    });
    return new IndexedDbStore(db);
  }

  async read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    const tx = this.db.transaction([...TABLES], "readonly") as unknown as AnyTx;
    const result = await fn(wrap(tx));
    await tx.done;
    return result;
  }

  async write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    const tx = this.db.transaction([...TABLES], "readwrite") as unknown as AnyTx;
    let result: R;
    try {
      result = await fn(wrap(tx));
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // already finished: nothing left to roll back
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
    await tx.done;
    return result;
  }

  close(): void {
    this.db.close();
  }
}
