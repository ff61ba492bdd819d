import { isWakeMessage, SYNC_TAG, type WakeReply } from "./background-sync";

/**
 * Browser facilities the loop uses where they exist. Each degrades to a no-op where
 * missing (Node tests, old browsers, non-secure contexts), never throws.
 */

export function isOnline(): boolean {
  return typeof navigator === "undefined" || typeof navigator.onLine !== "boolean" || navigator.onLine;
}

/** Subscribes to "online"/"offline"/"visible again"; returns an unsubscribe function. */
export function watchConnectivity(onOnline: () => void, onOffline: () => void, onVisible: () => void): () => void {
  const target = globalThis as Partial<Pick<Window, "addEventListener" | "removeEventListener">>;
  if (typeof target.addEventListener !== "function" || typeof target.removeEventListener !== "function") return () => undefined;
  const add = target.addEventListener.bind(globalThis);
  const remove = target.removeEventListener.bind(globalThis);
  const visibility = (): void => {
    if (typeof document !== "undefined" && document.visibilityState === "visible") onVisible();
  };
  add("online", onOnline);
  add("offline", onOffline);
  if (typeof document !== "undefined") document.addEventListener("visibilitychange", visibility);
  return () => {
    remove("online", onOnline);
    remove("offline", onOffline);
    if (typeof document !== "undefined") document.removeEventListener("visibilitychange", visibility);
  };
}

/** Asks the browser not to evict our IndexedDB under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === "undefined" ? undefined : navigator.storage;
  if (!storage || typeof storage.persist !== "function") return false;
  try {
    if (typeof storage.persisted === "function" && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Registers a Background Sync tag where supported (Chromium); returns whether it did. */
export async function registerBackgroundSync(tag: string = SYNC_TAG): Promise<boolean> {
  const container = typeof navigator === "undefined" ? undefined : navigator.serviceWorker;
  if (!container) return false;
  try {
    // `ready` never settles without an active worker, so only ask when one controls us.
    if (!container.controller) return false;
    const registration = (await container.ready) as ServiceWorkerRegistration & { sync?: SyncManagerLike };
    if (!registration.sync) return false;
    await registration.sync.register(tag);
    return true;
  } catch {
    return false;
  }
}

/**
 * Listens for the service worker's wake message (see service-worker.ts), runs `sync`
 * and answers on the message's port so the worker can tell the browser whether to
 * retry the Background Sync later.
 */
export function listenForWake(sync: () => Promise<boolean>): () => void {
  const container = typeof navigator === "undefined" ? undefined : navigator.serviceWorker;
  if (!container) return () => undefined;
  const handler = (event: MessageEvent): void => {
    if (!isWakeMessage(event.data)) return;
    const port = event.ports[0];
    void sync().then(
      (ok) => port?.postMessage({ ok } satisfies WakeReply),
      () => port?.postMessage({ ok: false } satisfies WakeReply),
    );
  };
  container.addEventListener("message", handler);
  return () => container.removeEventListener("message", handler);
}

/** Runs `fn` while holding a lock shared by all tabs of the origin, where Web Locks exist. */
export function withCrossTabLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === "undefined" ? undefined : navigator.locks;
  if (!locks) return fn();
  return locks.request(name, fn) as Promise<T>;
}
