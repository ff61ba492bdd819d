import {
  wakeClients,
  WAKE_MESSAGE_TYPE,
  type ServiceWorkerScopeLike,
} from '@doorstep/sync-client/service-worker'
import { describe, expect, it } from 'vitest'

import {
  onBackgroundSync,
  SYNC_TAG,
  SyncPending,
  unsentReminder,
  type BackgroundSyncWorker,
} from '@/pwa/background-sync'

function worker(synced: boolean, remindFails = false) {
  const calls = { wake: 0, remind: 0 }
  const w: BackgroundSyncWorker = {
    wake: () => {
      calls.wake += 1
      return Promise.resolve(synced)
    },
    remind: () => {
      calls.remind += 1
      return remindFails ? Promise.reject(new Error('no permission')) : Promise.resolve()
    },
  }
  return { w, calls }
}

describe('onBackgroundSync', () => {
  it('ignores tags that are not ours', () => {
    const { w, calls } = worker(true)
    expect(onBackgroundSync({ tag: 'workbox-background-sync:x' }, w)).toBeNull()
    expect(calls.wake).toBe(0)
  })

  it('resolves when an open, unlocked window synced everything', async () => {
    const { w, calls } = worker(true)
    await expect(onBackgroundSync({ tag: SYNC_TAG, lastChance: true }, w)).resolves.toBe(undefined)
    expect(calls).toEqual({ wake: 1, remind: 0 })
  })

  it('rejects so the browser retries when no window synced (closed, locked, failed)', async () => {
    const { w, calls } = worker(false)
    await expect(onBackgroundSync({ tag: SYNC_TAG }, w)).rejects.toBeInstanceOf(SyncPending)
    expect(calls).toEqual({ wake: 1, remind: 0 })
  })

  it('on the last try reminds the person and still reports the work as pending', async () => {
    const { w, calls } = worker(false)
    await expect(onBackgroundSync({ tag: SYNC_TAG, lastChance: true }, w)).rejects.toBeInstanceOf(
      SyncPending,
    )
    expect(calls).toEqual({ wake: 1, remind: 1 })
  })

  it('a reminder that cannot be shown does not turn the failure into success', async () => {
    const { w } = worker(false, true)
    await expect(onBackgroundSync({ tag: SYNC_TAG, lastChance: true }, w)).rejects.toBeInstanceOf(
      SyncPending,
    )
  })

  it('the reminder is Chinese and opens 未发送', () => {
    const { title, options } = unsentReminder()
    expect(title).toBe('有未发送的工作')
    expect(options.body).toContain('PIN')
    expect(options.data.url).toBe('/unsent')
    expect(options.lang).toBe('zh-CN')
  })
})

type Reply = { ok: boolean } | 'silent' | 'throws'

function scopeWith(replies: Reply[]) {
  const received: unknown[] = []
  const scope: ServiceWorkerScopeLike = {
    clients: {
      matchAll: (options) => {
        expect(options).toEqual({ type: 'window', includeUncontrolled: true })
        return Promise.resolve(
          replies.map((reply) => ({
            postMessage(message: unknown, transfer: Transferable[]) {
              received.push(message)
              const port = transfer[0] as MessagePort
              if (reply === 'silent') return
              // As listenForWake does: the window syncs, then answers on the port.
              setTimeout(() => port.postMessage(reply === 'throws' ? { ok: false } : reply), 5)
            },
          })),
        )
      },
    },
    addEventListener: () => undefined,
  }
  return { scope, received }
}

describe('waking windows (sync client service-worker part, as the PWA worker uses it)', () => {
  it('is false with no window open: the browser must retry', async () => {
    const { scope } = scopeWith([])
    expect(await wakeClients(scope, SYNC_TAG, 200)).toBe(false)
  })

  it('sends every window the wake message with our tag', async () => {
    const { scope, received } = scopeWith([{ ok: false }, { ok: false }])
    expect(await wakeClients(scope, SYNC_TAG, 500)).toBe(false)
    expect(received).toEqual([
      { type: WAKE_MESSAGE_TYPE, tag: SYNC_TAG },
      { type: WAKE_MESSAGE_TYPE, tag: SYNC_TAG },
    ])
  })

  it('is true when one window synced, even if a locked one never answers', async () => {
    const { scope } = scopeWith(['silent', { ok: true }])
    expect(await wakeClients(scope, SYNC_TAG, 300)).toBe(true)
  })

  it('is false when the only window is locked (no sync client to answer)', async () => {
    const { scope } = scopeWith(['silent'])
    expect(await wakeClients(scope, SYNC_TAG, 100)).toBe(false)
  })

  it('end to end: a window whose round failed → the sync event rejects', async () => {
    const { scope } = scopeWith(['throws'])
    const settled = onBackgroundSync(
      { tag: SYNC_TAG },
      { wake: () => wakeClients(scope, SYNC_TAG, 300), remind: () => Promise.resolve() },
    )
    await expect(settled).rejects.toBeInstanceOf(SyncPending)
  })
})
