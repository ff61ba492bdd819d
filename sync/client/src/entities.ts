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

/** Applies one change unless the stored version is newer; returns whether it applied. */
export async function applyChange(tx: WriteTransaction, change: Change): Promise<boolean> {
  const key = [change.entity, change.id];
  const existing = await tx.get<EntityRecord>("entities", key);
  if (existing && existing.version > change.version) return false;
  const deleted = change.op === "delete";
  const record: EntityRecord = {
    entity: change.entity,
    id: change.id,
    version: change.version,
    deleted,
    data: deleted ? null : (change.data ?? null),
  };
  await tx.put("entities", key, record);
  return true;
}

export async function getEntity(store: Store, entity: string, id: string): Promise<EntityRecord | undefined> {
  const record = await store.read((tx) => tx.get<EntityRecord>("entities", [entity, id]));
  return record && !record.deleted ? record : undefined;
}

export async function listEntities(store: Store, entity: string): Promise<EntityRecord[]> {
  const rows = await store.read((tx) => tx.scan<EntityRecord>("entities", prefixRange(entity)));
  return rows.filter((r) => !r.deleted);
}
