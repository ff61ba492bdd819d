import type { CodedError } from "./errors";
import type { ReadTransaction, WriteTransaction } from "./storage/store";

/** Single values kept in the `meta` table, by key. */
export interface MetaValues {
  clientId: string;
  /** The id the next enqueued mutation gets; never goes down for a clientId. */
  nextMutationId: number;
  /** Pull cursor from the last page applied; absent = full sync. */
  cursor: string;
  lastSyncAt: number;
  lastError: CodedError | null;
}

export function getMeta<K extends keyof MetaValues>(tx: ReadTransaction, key: K): Promise<MetaValues[K] | undefined> {
  return tx.get<MetaValues[K]>("meta", key);
}

export function setMeta<K extends keyof MetaValues>(tx: WriteTransaction, key: K, value: MetaValues[K]): Promise<void> {
  return tx.put("meta", key, value);
}
