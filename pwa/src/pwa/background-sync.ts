// Background Sync in the service worker, and why it cannot send anything itself.
//
// The page registers the tag `doorstep-sync` when a round fails or it is offline (sync
// client, environment.ts). The worker cannot push the queued work: the outbox values are
// sealed with the data key, which exists only in an unlocked window (unwrapped with the
// PIN), and the session token lives in that window's (sealed) Web Storage, which no worker
// can read. Only the outbox keys are in the clear, and they send nothing. So on the sync
// event the worker wakes the open windows (postMessage with a reply port, sync client
// service-worker.ts); an unlocked window syncs at once and answers. If none managed it
// (closed, locked, or the round failed) the event rejects, and the browser fires it again
// later; the work stays queued on the device either way (it is never dropped here) and
// the app sends it when it is next opened and unlocked. On the browser's last try a
// notification says so, when notifications are allowed.
import { SYNC_TAG } from '@doorstep/sync-client/service-worker'

import type { NotificationSpec } from '../features/push/notification'

export { SYNC_TAG }

export const UNSENT_URL = '/unsent'

export const UNSENT_REMINDER = {
  title: '有未发送的工作',
  body: '网络已恢复。请打开应用并输入 PIN 解锁，已保存的工作会自动发送。',
  tag: 'doorstep-unsent',
} as const

export interface BackgroundSyncWorker {
  /** Wakes the open windows; true when one of them synced everything. */
  wake(): Promise<boolean>
  /** Tells the person that work is waiting for the app (a notification). */
  remind(): Promise<void>
}

export interface SyncEventInfo {
  tag: string
  /** The browser will not fire this sync again (Chromium's `lastChance`). */
  lastChance?: boolean
}

/** Thrown (rejecting waitUntil) so the browser retries the sync later. */
export class SyncPending extends Error {
  constructor() {
    super('queued work not sent: no open, unlocked window finished syncing')
    this.name = 'SyncPending'
  }
}

/**
 * What the worker does for one sync event: null when the tag is not ours, else the promise
 * for `waitUntil` — resolved when a window synced, rejected (SyncPending) otherwise.
 */
export function onBackgroundSync(
  event: SyncEventInfo,
  worker: BackgroundSyncWorker,
): Promise<void> | null {
  if (event.tag !== SYNC_TAG) return null
  return worker.wake().then(async (synced) => {
    if (synced) return
    if (event.lastChance === true) {
      // A reminder that cannot be shown must not hide that the work is still pending.
      await worker.remind().catch(() => undefined)
    }
    throw new SyncPending()
  })
}

/** A reminder is shown like any other notification. */
export type ReminderSpec = NotificationSpec

export function unsentReminder(): ReminderSpec {
  const icon = '/icons/icon-192.png'
  return {
    title: UNSENT_REMINDER.title,
    options: {
      body: UNSENT_REMINDER.body,
      tag: UNSENT_REMINDER.tag,
      lang: 'zh-CN',
      icon,
      badge: icon,
      data: { url: UNSENT_URL },
    },
  }
}
