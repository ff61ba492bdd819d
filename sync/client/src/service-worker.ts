import { isWakeMessage, SYNC_TAG, WAKE_MESSAGE_TYPE, type WakeMessage, type WakeReply } from "./background-sync";

/**
 * The service worker's whole part in sync: when the browser fires a Background Sync
 * event for our tag, wake the open app windows and let them sync. No app logic runs
 * here. The event stays open until a window reports back, so the browser retries the
 * sync later when no window managed it.
 *
 * In the PWA's service worker:
 *   import { handleBackgroundSync } from "@doorstep/sync-client/service-worker";
 *   handleBackgroundSync(self);
 */

interface WindowClientLike {
  postMessage(message: WakeMessage, transfer: Transferable[]): void;
}

interface SyncEventLike extends Event {
  tag: string;
  waitUntil(promise: Promise<unknown>): void;
}

export interface ServiceWorkerScopeLike {
  clients: { matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]> };
  addEventListener(type: "sync", listener: (event: SyncEventLike) => void): void;
}

/** Posts the wake message to one window and waits for its reply (false after timeoutMs). */
function wakeWindow(client: WindowClientLike, tag: string, timeoutMs: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), timeoutMs);
    channel.port1.onmessage = (event: MessageEvent<WakeReply>) => {
      clearTimeout(timer);
      resolve(event.data.ok === true);
    };
    client.postMessage({ type: WAKE_MESSAGE_TYPE, tag }, [channel.port2]);
  });
}

/** Wakes every window; resolves true when at least one synced everything. */
export async function wakeClients(scope: ServiceWorkerScopeLike, tag: string = SYNC_TAG, timeoutMs = 60_000): Promise<boolean> {
  const windows = await scope.clients.matchAll({ type: "window", includeUncontrolled: true });
  const replies = await Promise.all(windows.map((w) => wakeWindow(w, tag, timeoutMs)));
  return replies.some(Boolean);
}

export function handleBackgroundSync(scope: ServiceWorkerScopeLike, tag: string = SYNC_TAG): void {
  scope.addEventListener("sync", (event) => {
    if (event.tag !== tag) return;
    event.waitUntil(
      wakeClients(scope, tag).then((ok) => {
        // Rejecting tells the browser to try this sync again later.
        if (!ok) throw new Error("no window finished syncing");
      }),
    );
  });
}

export { isWakeMessage, SYNC_TAG, WAKE_MESSAGE_TYPE };
