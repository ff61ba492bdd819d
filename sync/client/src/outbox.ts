import type { CodedError } from "./errors";
import { ServerErrorCode } from "./errors";
import { newUuid } from "./ids";
import { getMeta, setMeta } from "./meta";
import type { MutationArgs, MutatorName, PushResult } from "./protocol";
import type { Store, WriteTransaction } from "./storage/store";

export interface PendingMutation {
  id: number;
  name: MutatorName;
  args: MutationArgs;
  createdAt: number;
}

export interface RejectedMutation extends PendingMutation {
  /** Unique across client-id changes: "<clientId>/<id>". */
  key: string;
  error: CodedError;
  rejectedAt: number;
}

async function clientIdIn(tx: WriteTransaction): Promise<string> {
  const existing = await getMeta(tx, "clientId");
  if (existing) return existing;
  const created = newUuid();
  await setMeta(tx, "clientId", created);
  return created;
}

/** The device's client id for this database, created on first use and kept. */
export function ensureClientId(store: Store): Promise<string> {
  return store.write(clientIdIn);
}

/**
 * Stores a mutation with the next id. The id is read and advanced in the same
 * transaction that stores the mutation, so ids are strictly increasing even across
 * tabs, reloads and crashes.
 */
export function enqueueMutation(store: Store, name: MutatorName, args: MutationArgs, now = Date.now()): Promise<PendingMutation> {
  return store.write(async (tx) => {
    await clientIdIn(tx);
    const id = (await getMeta(tx, "nextMutationId")) ?? 1;
    const mutation: PendingMutation = { id, name, args, createdAt: now };
    await tx.put("outbox", id, mutation);
    await setMeta(tx, "nextMutationId", id + 1);
    return mutation;
  });
}

export function pendingMutations(store: Store, limit?: number): Promise<PendingMutation[]> {
  return store.read((tx) => tx.scan<PendingMutation>("outbox", undefined, limit));
}

export function rejectedMutations(store: Store): Promise<RejectedMutation[]> {
  return store
    .read((tx) => tx.scan<RejectedMutation>("rejected"))
    .then((rows) => rows.sort((a, b) => a.rejectedAt - b.rejectedAt || a.id - b.id));
}

/** The user has seen a rejected mutation and lets it go. */
export function dismissRejected(store: Store, key: string): Promise<void> {
  return store.write((tx) => tx.del("rejected", key));
}

export async function dropProcessed(tx: WriteTransaction, lastMutationId: number): Promise<void> {
  const processed = await tx.scan<PendingMutation>("outbox", { upper: lastMutationId });
  for (const m of processed) await tx.del("outbox", m.id);
}

/** The server has processed every id up to lastMutationId (learnt from a pull or an OUT_OF_ORDER). */
export function acknowledgeUpTo(store: Store, lastMutationId: number): Promise<void> {
  return store.write((tx) => dropProcessed(tx, lastMutationId));
}

/**
 * Applies a push response in one transaction: applied and duplicate leave the outbox,
 * rejected move to the rejected table with their error, anything else at or below the
 * server's lastMutationId was processed and leaves too. Returns true when the server
 * reported OUT_OF_ORDER (those mutations stay to be sent again).
 */
export function applyPushResult(store: Store, sent: readonly PendingMutation[], result: PushResult, now = Date.now()): Promise<boolean> {
  return store.write(async (tx) => {
    const byId = new Map(sent.map((m) => [m.id, m]));
    const clientId = await clientIdIn(tx);
    let outOfOrder = false;
    for (const r of result.results) {
      const mutation = byId.get(r.id);
      if (!mutation) continue;
      if (r.error?.code === ServerErrorCode.OUT_OF_ORDER) {
        outOfOrder = true;
      } else if (r.status === "applied" || r.status === "duplicate") {
        await tx.del("outbox", r.id);
      } else if (r.status === "rejected") {
        const error = r.error ?? { code: "REJECTED", message: "服务器拒绝了此操作" };
        const key = `${clientId}/${r.id}`;
        const rejected: RejectedMutation = { ...mutation, key, error, rejectedAt: now };
        await tx.put("rejected", key, rejected);
        await tx.del("outbox", r.id);
      }
    }
    await dropProcessed(tx, result.lastMutationId);
    return outOfOrder;
  });
}

/**
 * The server's lastMutationId is below ids the outbox no longer holds (the server
 * lost acknowledged work, e.g. restored from a backup): the gap can never be filled.
 * Start a new client id and number the pending mutations 1, 2, 3… under it, so the
 * server sees them in order. Returns true when it renumbered.
 */
export function renumberIfGap(store: Store, lastMutationId: number): Promise<boolean> {
  return store.write(async (tx) => {
    const pending = await tx.scan<PendingMutation>("outbox");
    const first = pending[0];
    if (!first || first.id <= lastMutationId + 1) return false;
    await tx.clear("outbox");
    let id = 1;
    for (const m of pending) {
      await tx.put("outbox", id, { ...m, id });
      id++;
    }
    await setMeta(tx, "clientId", newUuid());
    await setMeta(tx, "nextMutationId", id);
    return true;
  });
}
