/// <reference lib="webworker" />
// The service worker: the precached app shell (as the generated worker did before: same
// cache names, navigation fallback and update prompt) plus Web Push. No app logic here:
// what a push shows and where a click leads are pure functions in features/push.
import { setCacheNameDetails } from 'workbox-core'
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

import {
  clickTarget,
  notificationFor,
  parsePushPayload,
  PUSH_RECEIVED_MESSAGE,
  SUBSCRIPTION_CHANGED_MESSAGE,
} from './features/push/notification'
import { openAppAt } from './features/push/open-app'
import { wakeClients } from '@doorstep/sync-client/service-worker'

import { onBackgroundSync, unsentReminder, type SyncEventInfo } from './pwa/background-sync'
import { SERVER_PATHS } from './pwa/server-paths'

declare const self: ServiceWorkerGlobalScope

// Versioned caches: every cache name carries this prefix, precache entries carry a content
// revision, and caches from older service worker versions are deleted.
setCacheNameDetails({ prefix: 'doorstep-shell' })

// registerType 'prompt': a new version waits until the person accepts the update dialog.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: SERVER_PATHS }),
)

function tellWindows(type: string): Promise<void> {
  return self.clients
    .matchAll({ type: 'window' })
    .then((windows) => windows.forEach((w) => w.postMessage({ type })))
}

self.addEventListener('push', (event) => {
  let text: string | null = null
  try {
    text = event.data?.text() ?? null
  } catch {
    text = null
  }
  const { title, options } = notificationFor(parsePushPayload(text))
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(title, options),
      // Open windows pull at once, so the 消息 list is current when the person looks.
      tellWindows(PUSH_RECEIVED_MESSAGE),
    ]),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(
    openAppAt(
      {
        list: () => self.clients.matchAll({ type: 'window', includeUncontrolled: true }),
        open: (url) => self.clients.openWindow(url),
      },
      self.location.origin,
      clickTarget(event.notification.data),
    ),
  )
})

// The browser replaced the subscription (expiry, key rotation). The worker holds no
// session, so it subscribes again with the same options and the app registers the new
// endpoint (now, in an open window, or at its next start); the old one ends with a 410.
self.addEventListener('pushsubscriptionchange', (event) => {
  const options = event.oldSubscription?.options
  const renewed =
    event.newSubscription !== null || options === undefined
      ? Promise.resolve()
      : self.registration.pushManager
          .subscribe({
            userVisibleOnly: options.userVisibleOnly,
            applicationServerKey: options.applicationServerKey,
          })
          .then(() => undefined)
  event.waitUntil(renewed.then(() => tellWindows(SUBSCRIPTION_CHANGED_MESSAGE)))
})

// Background Sync (pwa/background-sync.ts): the queued work is sealed with the PIN's data
// key, so the worker only wakes open windows; an unlocked one syncs and answers. Otherwise
// the event rejects and the browser tries again later; nothing queued is dropped.
interface SyncEvent extends ExtendableEvent, SyncEventInfo {}

self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent
  const settled = onBackgroundSync(sync, {
    wake: () => wakeClients(self),
    remind: () =>
      Notification.permission === 'granted'
        ? self.registration.showNotification(unsentReminder().title, unsentReminder().options)
        : Promise.resolve(),
  })
  if (settled !== null) sync.waitUntil(settled)
})
