// The whole service worker the browser test registers: take control at once, plus the Background Sync helper.
import { handleBackgroundSync, type ServiceWorkerScopeLike } from "../../src/service-worker";

interface Lifecycle {
  addEventListener(type: "install" | "activate", listener: (event: { waitUntil(p: Promise<unknown>): void }) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}

declare const self: ServiceWorkerScopeLike;
const worker = self as unknown as Lifecycle;

worker.addEventListener("install", (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener("activate", (event) => event.waitUntil(worker.clients.claim()));
handleBackgroundSync(self);
