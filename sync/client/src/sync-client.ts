import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import { SYNC_TAG } from "./background-sync";
import { getEntity, listEntities, type EntityRecord } from "./entities";
import {
  isOnline,
  listenForWake,
  registerBackgroundSync,
  requestPersistentStorage,
  watchConnectivity,
  withCrossTabLock,
} from "./environment";
import { ServerErrorCode, SyncError, toCodedError, UPDATE_APP_MESSAGE, type CodedError } from "./errors";
import type { TokenProvider, TransportConfig } from "./graphql-transport";
import { setMeta } from "./meta";
import {
  dismissRejected,
  enqueueMutation,
  ensureClientId,
  pendingMutations,
  rejectedMutations,
  type PendingMutation,
  type RejectedMutation,
} from "./outbox";
import type { MutationArgs, MutatorName } from "./protocol";
import { runSyncRound } from "./round";
import { Emitter, readStoredStatus, type SyncState, type SyncStatus } from "./status";
import { IndexedDbStore } from "./storage/indexeddb-store";
import type { Store } from "./storage/store";
import { addUpload, listUploads, retryUpload, type NewUpload, type StoredUpload } from "./uploads/upload-queue";

export interface SyncClientOptions {
  store: Store;
  /** Bearer token of the signed-in user; null/undefined = not signed in. */
  getToken: TokenProvider;
  /** Called once when the server refuses the token; syncing pauses until resume(). */
  onUnauthenticated?: () => void;
  graphqlEndpoint?: string;
  uploadEndpoint?: string;
  fetch?: typeof fetch;
  /** Mutations per push request (default 100). */
  batchSize?: number;
  backoff?: Partial<BackoffOptions>;
  /** Pull this often while idle and started (default 60 s; 0 = only on demand). */
  pollIntervalMs?: number;
  uploadChunkSize?: number;
  /** Progress of the running upload, after each accepted chunk. */
  onUploadProgress?: (sha256: string, bytesAccepted: number, bytesTotal: number) => void;
  backgroundSyncTag?: string;
  /** Tabs sharing this channel name refresh each other's status (open() uses the database name). */
  broadcastChannel?: string;
  random?: () => number;
  now?: () => number;
}

/** Options for SyncClient.open: one IndexedDB database per user on the device. */
export type OpenSyncClientOptions = Omit<SyncClientOptions, "store"> & {
  userId: string;
  databasePrefix?: string;
  /** Wraps the IndexedDB store before use, e.g. the app's encrypting store (data at rest). */
  wrapStore?: (store: Store) => Promise<Store>;
};


/**
 * The device-side sync engine: an outbox of numbered mutations, a push/pull loop with
 * backoff, uploads of photos, and a status the UI can subscribe to.
 */
export class SyncClient {
  private readonly store: Store;
  private readonly transport: TransportConfig;
  private readonly backoff: BackoffOptions;
  private readonly emitter = new Emitter<SyncStatus>();
  private status: SyncStatus = {
    state: "idle",
    online: true,
    pendingMutations: 0,
    pendingUploads: 0,
    failedUploads: 0,
    rejectedMutations: 0,
    lastSyncAt: null,
    lastError: null,
    storagePersisted: null,
    entityRevision: 0,
  };
  private state: SyncState = "idle";
  private storagePersisted: boolean | null = null;
  private entityRevision = 0;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<boolean> | null = null;
  private rerun = false;
  private started = false;
  private unwatch: (() => void)[] = [];
  private readonly channel: BroadcastChannel | null;
  /** One round at a time per user database, across tabs. */
  private readonly lockName: string;

  constructor(private readonly options: SyncClientOptions) {
    this.store = options.store;
    this.transport = { endpoint: options.graphqlEndpoint ?? "/graphql", getToken: options.getToken, fetch: options.fetch };
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.channel = options.broadcastChannel && typeof BroadcastChannel === "function" ? new BroadcastChannel(options.broadcastChannel) : null;
    if (this.channel) this.channel.onmessage = () => this.quietly(this.refreshStatus());
    this.lockName = `doorstep-sync-round:${options.broadcastChannel ?? ""}`;
  }

  static async open(options: OpenSyncClientOptions): Promise<SyncClient> {
    const { userId, databasePrefix, wrapStore, ...rest } = options;
    const name = `${databasePrefix ?? "doorstep-sync"}:${userId}`;
    const raw = await IndexedDbStore.open(name);
    const store = wrapStore === undefined ? raw : await wrapStore(raw);
    const client = new SyncClient({ broadcastChannel: name, ...rest, store });
    await client.refreshStatus();
    return client;
  }

  clientId(): Promise<string> {
    return ensureClientId(this.store);
  }

  /** Queues a mutation (durable before this resolves) and nudges the loop. */
  async mutate(name: MutatorName, args: MutationArgs): Promise<PendingMutation> {
    const mutation = await enqueueMutation(this.store, name, args, this.now());
    await this.afterLocalChange();
    return mutation;
  }

  /** Keeps the photo on the device until the server verifies it; returns its record (sha256). */
  async addUpload(blob: Blob, info: NewUpload): Promise<StoredUpload> {
    const upload = await addUpload(this.store, blob, info, this.now());
    await this.afterLocalChange();
    return upload;
  }

  pendingMutations(): Promise<PendingMutation[]> {
    return pendingMutations(this.store);
  }

  rejectedMutations(): Promise<RejectedMutation[]> {
    return rejectedMutations(this.store);
  }

  async dismissRejected(key: string): Promise<void> {
    await dismissRejected(this.store, key);
    await this.refreshStatus();
    this.notifyOtherTabs();
  }

  uploads(): Promise<StoredUpload[]> {
    return listUploads(this.store);
  }

  async retryUpload(sha256: string): Promise<void> {
    await retryUpload(this.store, sha256);
    await this.afterLocalChange();
  }

  getEntity(entity: string, id: string): Promise<EntityRecord | undefined> {
    return getEntity(this.store, entity, id);
  }

  listEntities(entity: string): Promise<EntityRecord[]> {
    return listEntities(this.store, entity);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    return this.emitter.subscribe(listener);
  }

  /** Starts the loop: listeners, persistent storage, a first sync, then polling. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.quietly(
      requestPersistentStorage().then((persisted) => {
        this.storagePersisted = persisted;
        return this.refreshStatus();
      }),
    );
    this.unwatch.push(
      watchConnectivity(
        () => this.wake(),
        () => this.quietly(this.setState("offline")),
        () => this.wake(),
      ),
      listenForWake(() => this.syncNow()),
    );
    void this.syncNow();
  }

  /** Stops timers and listeners; queued work stays stored. */
  stop(): void {
    this.started = false;
    this.clearTimer();
    for (const off of this.unwatch.splice(0)) off();
  }

  /** After a new login: leave the unauthenticated pause and sync. */
  resume(): void {
    if (this.state !== "unauthenticated") return;
    this.state = "idle";
    this.attempt = 0;
    void this.syncNow();
  }

  close(): void {
    this.stop();
    this.channel?.close();
    this.store.close();
  }

  /**
   * One sync round now (uploads, push, pull), or joins the running one and repeats it
   * once. Resolves true when everything went through.
   */
  syncNow(): Promise<boolean> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = (async () => {
      let ok = false;
      do {
        this.rerun = false;
        ok = await this.syncOnce().catch((error: unknown) => {
          // Storage closed or broken: report, keep the loop alive for the next trigger.
          console.error("sync round failed", error);
          return false;
        });
        this.notifyOtherTabs();
      } while (this.rerun);
      return ok;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async syncOnce(): Promise<boolean> {
    if (this.state === "outdated" || this.state === "unauthenticated") return false;
    this.clearTimer();
    if (!isOnline()) {
      await this.setState("offline");
      void registerBackgroundSync(this.options.backgroundSyncTag ?? SYNC_TAG);
      return false;
    }
    await this.setState("syncing");
    const { error, changesApplied } = await withCrossTabLock(this.lockName, () =>
      runSyncRound(this.store, {
        transport: this.transport,
        batchSize: this.options.batchSize ?? 100,
        uploads: {
          endpoint: this.options.uploadEndpoint ?? "/uploads/",
          getToken: this.options.getToken,
          fetch: this.options.fetch,
          chunkSize: this.options.uploadChunkSize,
          onProgress: this.options.onUploadProgress,
        },
      }),
    );
    if (changesApplied > 0) this.entityRevision++;
    if (!error) {
      this.attempt = 0;
      await this.store.write(async (tx) => {
        await setMeta(tx, "lastSyncAt", this.now());
        await setMeta(tx, "lastError", null);
      });
      // The link may have dropped while the round finished: the state says so.
      await this.setState(isOnline() ? "idle" : "offline");
      if (this.options.pollIntervalMs !== 0) this.schedule(this.options.pollIntervalMs ?? 60_000);
      return true;
    }
    await this.fail(error);
    return false;
  }

  private async fail(error: SyncError): Promise<void> {
    let coded: CodedError = toCodedError(error);
    if (error.code === ServerErrorCode.UNAUTHENTICATED) {
      await this.recordError(coded);
      await this.setState("unauthenticated");
      this.options.onUnauthenticated?.();
      return;
    }
    if (error.code === ServerErrorCode.PROTOCOL_OUTDATED) {
      coded = { code: error.code, message: UPDATE_APP_MESSAGE };
      await this.recordError(coded);
      await this.setState("outdated");
      return;
    }
    if (!isOnline()) {
      // The link dropped during the round: that is being offline, not a failure to show;
      // the "online" event starts the next round.
      await this.setState("offline");
      void registerBackgroundSync(this.options.backgroundSyncTag ?? SYNC_TAG);
      return;
    }
    await this.recordError(coded);
    await this.setState("error");
    this.schedule(backoffDelay(this.attempt++, this.backoff, this.options.random));
    void registerBackgroundSync(this.options.backgroundSyncTag ?? SYNC_TAG);
  }

  private async recordError(error: CodedError): Promise<void> {
    await this.store.write((tx) => setMeta(tx, "lastError", error));
  }

  private wake(): void {
    this.attempt = 0;
    if (this.state === "offline" || this.state === "error" || this.state === "idle") void this.syncNow();
  }

  private async afterLocalChange(): Promise<void> {
    await this.refreshStatus();
    this.notifyOtherTabs();
    if (this.started) void this.syncNow();
  }

  /** Other tabs of this user re-read counts from the shared database. */
  private notifyOtherTabs(): void {
    this.channel?.postMessage("changed");
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async setState(state: SyncState): Promise<void> {
    this.state = state;
    await this.refreshStatus();
  }

  /** Re-reads counts and meta from storage and tells subscribers. */
  async refreshStatus(): Promise<SyncStatus> {
    const stored = await readStoredStatus(this.store);
    this.status = {
      ...stored,
      state: this.state,
      online: isOnline(),
      storagePersisted: this.storagePersisted,
      entityRevision: this.entityRevision,
    };
    this.emitter.emit(this.status);
    return this.status;
  }

  /** For fire-and-forget work from event handlers: a closed store must not become an unhandled rejection. */
  private quietly(work: Promise<unknown>): void {
    work.catch((error: unknown) => console.error("sync client", error));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}
