import type { Change, JsonValue } from "./protocol";
import { prefixRange, type Store, type WriteTransaction } from "./storage/store";

/**
 * The device's copy of server state. A delete leaves a tombstone with its version so
 * that an older `put` arriving later cannot bring the row back.
 */
export interface EntityRecord {
  entity: string;
  id: string;
  version: number;
  deleted: boolean;
  data: JsonValue | null;
}

function recordOf(change: Change): EntityRecord {
  const deleted = change.op === "delete";
  return { entity: change.entity, id: change.id, version: change.version, deleted, data: deleted ? null : (change.data ?? null) };
}

/** Applies one change unless the stored version is newer; returns whether it applied. */
export async function applyChange(tx: WriteTransaction, change: Change): Promise<boolean> {
  return (await applyChanges(tx, [change])) === 1;
}

/**
 * The version of every row the entity table holds, known without reading it: the table
 * was empty (a first sync, or just cleared by a reset) and every write since went through
 * applyChanges with this map. Pull keeps one per run; nothing else writes entities.
 */
export type KnownVersions = Map<string, number>;

const rowKey = (change: Change): string => `${change.entity}\u0000${change.id}`;

/**
 * Applies a page of changes in order, as `applyChange` one after the other would (a later
 * change of the same row sees the earlier one), but without waiting on each read and write
 * in turn: all stored versions are asked for at once, then all writes issued at once
 * (IndexedDB runs a transaction's requests in the order they were made). With `known`
 * (see KnownVersions) nothing is read at all: a 10,000-case first sync is mostly this
 * loop, and 10,000 reads of rows that cannot exist cost as much as the writes. Returns
 * how many changes applied.
 */
export async function applyChanges(tx: WriteTransaction, changes: readonly Change[], known?: KnownVersions): Promise<number> {
  const stored = known ? [] : await Promise.all(changes.map((c) => tx.get<EntityRecord>("entities", [c.entity, c.id])));
  const versions: KnownVersions = known ?? new Map(); // without `known`: rows this page has written
  const writes: Promise<void>[] = [];
  changes.forEach((change, i) => {
    const row = rowKey(change);
    const current = versions.has(row) ? versions.get(row) : stored[i]?.version;
    if (current !== undefined && current > change.version) return;
    versions.set(row, change.version);
    writes.push(tx.put("entities", [change.entity, change.id], recordOf(change)));
  });
  await Promise.all(writes);
  return writes.length;
}

export async function getEntity(store: Store, entity: string, id: string): Promise<EntityRecord | undefined> {
  const record = await store.read((tx) => tx.get<EntityRecord>("entities", [entity, id]));
  return record && !record.deleted ? record : undefined;
}

export async function listEntities(store: Store, entity: string): Promise<EntityRecord[]> {
  const rows = await store.read((tx) => tx.scan<EntityRecord>("entities", prefixRange(entity)));
  return rows.filter((r) => !r.deleted);
}
