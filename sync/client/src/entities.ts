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
 * Applies a page of changes in order, as `applyChange` one after the other would (a later
 * change of the same row sees the earlier one), but without waiting on each read and write
 * in turn: all stored versions are asked for at once, then all writes issued at once
 * (IndexedDB runs a transaction's requests in the order they were made). A 10,000-case
 * first sync is mostly this loop. Returns how many changes applied.
 */
export async function applyChanges(tx: WriteTransaction, changes: readonly Change[]): Promise<number> {
  const stored = await Promise.all(changes.map((c) => tx.get<EntityRecord>("entities", [c.entity, c.id])));
  const versions = new Map<string, number>(); // rows this page has written already
  const writes: Promise<void>[] = [];
  changes.forEach((change, i) => {
    const row = `${change.entity}\u0000${change.id}`;
    const known = versions.has(row) ? versions.get(row) : stored[i]?.version;
    if (known !== undefined && known > change.version) return;
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
