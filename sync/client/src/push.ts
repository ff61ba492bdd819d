import { ClientErrorCode, ServerErrorCode, SyncError } from "./errors";
import { graphqlRequest, type TransportConfig } from "./graphql-transport";
import { acknowledgeUpTo, applyPushResult, ensureClientId, pendingMutations, renumberIfGap } from "./outbox";
import { PROTOCOL_VERSION, PUSH_DOCUMENT, type PushInput, type PushResult } from "./protocol";
import type { Store } from "./storage/store";

export interface PushOptions {
  batchSize: number;
  /** Asks the server for its lastMutationId when an OUT_OF_ORDER error did not carry it. */
  fetchLastMutationId: () => Promise<number>;
}

/** How many OUT_OF_ORDER recoveries one push round tries before giving up until later. */
const MAX_GAP_RECOVERIES = 3;

async function recoverFromGap(store: Store, lastMutationId: number): Promise<void> {
  await acknowledgeUpTo(store, lastMutationId);
  await renumberIfGap(store, lastMutationId);
}

/**
 * Sends the outbox in id order, in batches, until it is empty. Throws a SyncError on
 * anything that should stop this round (transport failure, auth, protocol); the
 * outbox then still holds every mutation that was not acknowledged.
 */
export async function pushPending(store: Store, transport: TransportConfig, options: PushOptions): Promise<number> {
  let pushed = 0;
  let recoveries = 0;
  for (;;) {
    const batch = await pendingMutations(store, options.batchSize);
    const first = batch[0];
    if (!first) return pushed;
    const input: PushInput = {
      clientId: await ensureClientId(store),
      protocolVersion: PROTOCOL_VERSION,
      mutations: batch.map((m) => ({ id: m.id, name: m.name, args: m.args })),
    };
    let lastMutationId: number | undefined;
    try {
      const result = await graphqlRequest<PushResult>(transport, PUSH_DOCUMENT, { input }, "push");
      if (!Array.isArray(result.results) || typeof result.lastMutationId !== "number") {
        throw new SyncError(ClientErrorCode.BAD_RESPONSE);
      }
      const outOfOrder = await applyPushResult(store, batch, result);
      if (outOfOrder) lastMutationId = result.lastMutationId;
    } catch (error) {
      if (!(error instanceof SyncError) || error.code !== ServerErrorCode.OUT_OF_ORDER) throw error;
      lastMutationId = error.lastMutationId ?? (await options.fetchLastMutationId());
    }
    if (lastMutationId !== undefined) {
      if (++recoveries > MAX_GAP_RECOVERIES) throw new SyncError(ServerErrorCode.OUT_OF_ORDER, "同步顺序错误，稍后重试");
      await recoverFromGap(store, lastMutationId);
      continue;
    }
    const after = await pendingMutations(store, 1);
    // A response that acknowledged nothing would loop forever: stop and retry later.
    if (after[0]?.id === first.id) throw new SyncError(ClientErrorCode.BAD_RESPONSE);
    pushed += batch.length;
  }
}
