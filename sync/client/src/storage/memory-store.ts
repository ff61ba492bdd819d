import { compareKeys, type Key, type KeyRange, type ReadTransaction, type Store, type TableName, type WriteTransaction } from "./store";
import { TABLES } from "./schema";

type Table = Map<string, { key: Key; value: unknown }>;

/** Keys are kept in a map under a canonical string form; order comes from compareKeys. */
function mapKey(key: Key): string {
  return JSON.stringify(key);
}

function inRange(key: Key, range: KeyRange | undefined): boolean {
  if (range?.lower !== undefined && compareKeys(key, range.lower) < 0) return false;
  if (range?.upper !== undefined && compareKeys(key, range.upper) > 0) return false;
  return true;
}

/**
 * An in-memory Store for tests and for browsers without IndexedDB. Writes are
 * serialised and applied to a copy that replaces the data only on success, so a
 * failing transaction leaves nothing behind, as in IndexedDB.
 */
export class MemoryStore implements Store {
  private tables = new Map<TableName, Table>(TABLES.map((t) => [t, new Map()]));
  private writeQueue: Promise<unknown> = Promise.resolve();
  private closed = false;

  async read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R> {
    this.assertOpen();
    return fn(this.transaction(this.tables, false));
  }

  write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R> {
    if (this.closed) return Promise.reject(new Error("store is closed"));
    const run = async (): Promise<R> => {
      const draft = new Map<TableName, Table>([...this.tables].map(([name, table]) => [name, new Map(table)]));
      const result = await fn(this.transaction(draft, true));
      this.tables = draft;
      return result;
    };
    const next = this.writeQueue.then(run, run);
    this.writeQueue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.closed = true;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("store is closed");
  }

  private transaction(tables: Map<TableName, Table>, writable: boolean): WriteTransaction {
    const table = (name: TableName): Table => {
      const t = tables.get(name);
      if (!t) throw new Error(`unknown table ${name}`);
      return t;
    };
    const denyWrite = (): void => {
      if (!writable) throw new Error("read-only transaction");
    };
    return {
      get: async <T>(name: TableName, key: Key) => structuredClone(table(name).get(mapKey(key))?.value) as T | undefined,
      scan: async <T>(name: TableName, range?: KeyRange, limit?: number) => {
        const rows = [...table(name).values()].filter((r) => inRange(r.key, range));
        rows.sort((a, b) => compareKeys(a.key, b.key));
        return rows.slice(0, limit ?? rows.length).map((r) => structuredClone(r.value) as T);
      },
      count: async (name: TableName) => table(name).size,
      put: async (name: TableName, key: Key, value: unknown) => {
        denyWrite();
        table(name).set(mapKey(key), { key: structuredClone(key), value: structuredClone(value) });
      },
      del: async (name: TableName, key: Key) => {
        denyWrite();
        table(name).delete(mapKey(key));
      },
      clear: async (name: TableName) => {
        denyWrite();
        table(name).clear();
      },
    };
  }
}
