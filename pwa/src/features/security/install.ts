// Wires the device lock into the app: its routes, the guard that sends a locked device to
// the PIN screen (and pages that keep data on the device to PIN setup first), the sealed
// store for the sync client, and the 5-minute idle lock.
import { IndexedDbStore } from '@doorstep/sync-client'
import { showDialog } from 'vant'
import 'vant/es/dialog/style'
import { inject, watch, type App, type InjectionKey } from 'vue'
import type { Router } from 'vue-router'

import type { SessionState } from '@/auth/session'
import { setSyncStoreProvider, useSync, type SyncHandle } from '@/sync/use-sync'

import { DeviceLock, SYNC_DB_PREFIX, startIdleLock } from './device-lock'

declare module 'vue-router' {
  interface RouteMeta {
    /** The page keeps data on the device: a PIN must protect it first. */
    localData?: boolean
  }
}

export const DEVICE_LOCK_KEY: InjectionKey<DeviceLock> = Symbol('DeviceLock')

export function useDeviceLock(): DeviceLock {
  const lock = inject(DEVICE_LOCK_KEY)
  if (lock === undefined) throw new Error('DeviceLock was not provided to the app')
  return lock
}

export function installDeviceLock(
  app: App,
  router: Router,
  session: SessionState,
  lock: DeviceLock,
): void {
  app.provide(DEVICE_LOCK_KEY, lock)
  router.addRoute({
    path: '/lock',
    name: 'lock',
    component: () => import('./LockView.vue'),
    meta: { public: true, titleKey: 'security.lockTitle' },
  })
  router.addRoute({
    path: '/security',
    name: 'security',
    component: () => import('./SecurityView.vue'),
    meta: { titleKey: 'security.title' },
  })

  router.beforeEach((to) => {
    const redirect = typeof to.query.redirect === 'string' ? to.query.redirect : to.fullPath
    if (lock.state.value === 'locked' && to.name !== 'lock') {
      return { name: 'lock', query: { redirect: to.name === 'login' ? redirect : to.fullPath } }
    }
    const signedIn = session.current.value !== null
    const needsPin = to.meta.localData === true || to.matched.some((r) => r.meta.localData)
    if (signedIn && needsPin && lock.state.value === 'no-pin') {
      return { name: 'security', query: { redirect: to.fullPath } }
    }
    return true
  })

  setSyncStoreProvider(async (userId) =>
    lock.wrapStore(await IndexedDbStore.open(`${SYNC_DB_PREFIX}:${userId}`)),
  )

  watchForRemoteWipe(app, router, session, lock)

  startIdleLock(() => {
    if (lock.state.value !== 'unlocked') return
    lock.lock()
    // Forget the tokens in memory (the sealed copy stays); the sync client closes with them.
    session.current.value = null
    const here = router.currentRoute.value.fullPath
    void router.replace({ name: 'lock', query: { redirect: here } })
  })
}

/**
 * Remote wipe (sync/PROTOCOL.md "Revoked devices"): on DEVICE_REVOKED the device sends
 * what it still can in one more round, then drops its data, session and key, and shows
 * the sign-in page with a dialog that says why.
 */
function watchForRemoteWipe(
  app: App,
  router: Router,
  session: SessionState,
  lock: DeviceLock,
): void {
  let watched: SyncHandle | null = null
  // Roles whose work lives in the sync client; after the router is installed (useSync uses it).
  const syncing = (): string | undefined => {
    const user = session.current.value?.user
    return user?.role === 'FIELD_STAFF' || user?.role === 'EMPLOYER' ? user.id : undefined
  }
  void router.isReady().then(() =>
    watch(
      syncing,
      (userId) => {
        if (userId === undefined) return
        const handle = app.runWithContext(() => useSync())
        if (handle === watched) return
        watched = handle
        const stop = watch(handle.status, async (status) => {
          if (status?.lastError?.code !== 'DEVICE_REVOKED') return
          stop()
          const sync = await handle.client
          await sync.syncNow().catch(() => false) // the final push, when the server allows it
          session.clear() // closes the sync client, so its database can be deleted
          await lock.wipe()
          await router.replace({ name: 'login' })
          // Stays over the sign-in page until read: the person must know why they are here.
          void showDialog({
            title: app.config.globalProperties.$t('security.wipedTitle'),
            message: app.config.globalProperties.$t('security.wipedMessage'),
            confirmButtonText: app.config.globalProperties.$t('security.wipedOk'),
            className: 'remote-wipe-dialog',
          })
        })
      },
      { immediate: true },
    ),
  )
}
