import { ServerErrorCode, SyncError } from "./errors";
import type { TransportConfig } from "./graphql-transport";
import { getMeta } from "./meta";
import { fetchPullPage, pullChanges } from "./pull";
import { pushPending } from "./push";
import type { Store } from "./storage/store";
import { runUploads, type UploadConfig } from "./uploads/upload-queue";

export interface RoundConfig {
  transport: TransportConfig;
  uploads: UploadConfig;
  batchSize: number;
}

export interface RoundOutcome {
  /** The error that should decide what the loop does next, or null when all went through. */
  error: SyncError | null;
  /** Entity changes the pull applied. */
  changesApplied: number;
}

/** Errors after which nothing else in the round should be tried. */
export function isStopping(error: SyncError): boolean {
  return error.code === ServerErrorCode.UNAUTHENTICATED || error.code === ServerErrorCode.PROTOCOL_OUTDATED;
}

async function attempt<T>(step: () => Promise<T>): Promise<{ value?: T; error: SyncError | null }> {
  try {
    return { value: await step(), error: null };
  } catch (error) {
    if (error instanceof SyncError) return { error };
    // A bug or a storage failure: report it as retryable rather than kill the loop.
    console.error("sync step failed", error);
    return { error: new SyncError("CLIENT_ERROR", error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * One round: uploads, then push followed by pull. Uploads and the mutation queue are
 * independent: a failure of one does not skip the other (unless it stops everything).
 */
export async function runSyncRound(store: Store, config: RoundConfig): Promise<RoundOutcome> {
  const uploads = await attempt(() => runUploads(store, config.uploads));
  if (uploads.error && isStopping(uploads.error)) return { error: uploads.error, changesApplied: 0 };
  const queue = await attempt(async () => {
    await pushPending(store, config.transport, {
      batchSize: config.batchSize,
      fetchLastMutationId: async () => {
        const cursor = (await store.read((tx) => getMeta(tx, "cursor"))) ?? null;
        return (await fetchPullPage(store, config.transport, cursor)).lastMutationId;
      },
    });
    return pullChanges(store, config.transport);
  });
  return { error: queue.error ?? uploads.error, changesApplied: queue.value ?? 0 };
}
