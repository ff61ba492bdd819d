/**
 * The small storage contract every part of the client is written against, in the
 * spirit of Replicache's kv/store.ts: a few named tables of structured-cloneable
 * values, read and write transactions, and ordered range scans. One IndexedDB and one
 * in-memory implementation share a single contract test suite.
 */

/** The table names of schema version 1 (see schema.ts for what each holds). */
export type TableName = "meta" | "outbox" | "rejected" | "entities" | "uploads" | "tusUrls";

/** A subset of IndexedDB keys: numbers, strings, and arrays of keys. */
export type Key = number | string | readonly Key[];

/** Inclusive bounds; either may be omitted. */
export interface KeyRange {
  lower?: Key;
  upper?: Key;
}

export interface ReadTransaction {
  get<T>(table: TableName, key: Key): Promise<T | undefined>;
  /** Values in ascending key order, optionally within a range and up to a limit. */
  scan<T>(table: TableName, range?: KeyRange, limit?: number): Promise<T[]>;
  count(table: TableName): Promise<number>;
}

export interface WriteTransaction extends ReadTransaction {
  put(table: TableName, key: Key, value: unknown): Promise<void>;
  del(table: TableName, key: Key): Promise<void>;
  clear(table: TableName): Promise<void>;
}

/**
 * A transaction commits when its callback's promise resolves and rolls back when it
 * rejects. Callbacks must await only the transaction's own operations: IndexedDB
 * commits a transaction as soon as it has nothing left to do.
 */
export interface Store {
  read<R>(fn: (tx: ReadTransaction) => Promise<R>): Promise<R>;
  write<R>(fn: (tx: WriteTransaction) => Promise<R>): Promise<R>;
  close(): void;
}

/** IndexedDB's key order for the key types we use: numbers < strings < arrays. */
export function compareKeys(a: Key, b: Key): number {
  const rank = (k: Key): number => (typeof k === "number" ? 0 : typeof k === "string" ? 1 : 2);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  const aa = a as readonly Key[];
  const bb = b as readonly Key[];
  for (let i = 0; i < Math.min(aa.length, bb.length); i++) {
    const c = compareKeys(aa[i] as Key, bb[i] as Key);
    if (c !== 0) return c;
  }
  return aa.length - bb.length;
}

/** Range covering every array key that starts with `prefix` (arrays sort after strings). */
export function prefixRange(prefix: string): KeyRange {
  return { lower: [prefix], upper: [prefix, []] };
}
