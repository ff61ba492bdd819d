import type { CodedError } from "./errors";
import { getMeta } from "./meta";
import type { Store } from "./storage/store";
import type { StoredUpload } from "./uploads/upload-queue";

/**
 * idle            — nothing running; everything sent that could be
 * syncing         — a push/pull/upload round is running
 * offline         — the browser says it is offline; waiting for "online" or Background Sync
 * error           — the last round failed; a retry is scheduled with backoff
 * unauthenticated — the server refused the token; paused until `resume()`
 * outdated        — the server needs a newer app (PROTOCOL_OUTDATED); stopped until reload
 */
export type SyncState = "idle" | "syncing" | "offline" | "error" | "unauthenticated" | "outdated";

export interface SyncStatus {
  state: SyncState;
  online: boolean;
  pendingMutations: number;
  /** Photos not yet verified by the server (including failed ones). */
  pendingUploads: number;
  failedUploads: number;
  rejectedMutations: number;
  lastSyncAt: number | null;
  lastError: CodedError | null;
  /** Whether the browser granted persistent storage; null until asked (start()). */
  storagePersisted: boolean | null;
  /** Goes up whenever a pull changed local entities: re-read views when it moves. */
  entityRevision: number;
}

export type Listener<T> = (value: T) => void;

/** The smallest framework-agnostic emitter: the PWA wraps it in Vue refs. */
export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        // One broken listener must not stop the others or the sync loop.
        console.error("sync status listener failed", error);
      }
    }
  }
}

/** The part of the status that lives in the database (shared by the user's tabs). */
export function readStoredStatus(
  store: Store,
): Promise<Pick<SyncStatus, "pendingMutations" | "pendingUploads" | "failedUploads" | "rejectedMutations" | "lastSyncAt" | "lastError">> {
  return store.read(async (tx) => {
    const uploads = await tx.scan<StoredUpload>("uploads");
    return {
      pendingMutations: await tx.count("outbox"),
      pendingUploads: uploads.length,
      failedUploads: uploads.filter((u) => u.status === "failed").length,
      rejectedMutations: await tx.count("rejected"),
      lastSyncAt: (await getMeta(tx, "lastSyncAt")) ?? null,
      lastError: (await getMeta(tx, "lastError")) ?? null,
    };
  });
}
