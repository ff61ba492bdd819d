// The Vue side of the sync client: one SyncClient per signed-in user on this device, its
// status as reactive state, and a revision that goes up whenever local data may have changed
// (a pull, a queued mutation, a rejection), so views know when to re-read.
import {
  SyncClient,
  type Store,
  type SyncClientOptions,
  type SyncStatus,
} from '@doorstep/sync-client'
import { effectScope, reactive, shallowRef, watch, type ShallowRef } from 'vue'
import { useRouter, type Router } from 'vue-router'

import type { SessionState } from '@/auth/session'
import { useSession } from '@/auth/use-session'
import { needsBackgroundSync, registerSyncTag } from '@/pwa/register-sync-tag'

export interface SyncHandle {
  client: Promise<SyncClient>
  status: ShallowRef<SyncStatus | null>
  revision: ShallowRef<number>
  /** Bytes accepted per photo (sha256) while it uploads. */
  uploadProgress: Record<string, { accepted: number; total: number }>
}

let handle: (SyncHandle & { userId: string }) | null = null
let storeProvider: ((userId: string) => Promise<Store>) | null = null

/**
 * Where the sync client keeps its data: IndexedDB by default; the PIN/encryption layer
 * (features/security) sets an encrypting Store here before the first useSync().
 */
export function setSyncStoreProvider(provider: ((userId: string) => Promise<Store>) | null): void {
  storeProvider = provider
}

async function openClient(
  options: Omit<SyncClientOptions, 'store'>,
  userId: string,
): Promise<SyncClient> {
  if (storeProvider === null) return SyncClient.open({ ...options, userId })
  const client = new SyncClient({
    broadcastChannel: `doorstep-sync:${userId}`,
    ...options,
    store: await storeProvider(userId),
  })
  await client.refreshStatus()
  return client
}
const status = shallowRef<SyncStatus | null>(null)
const revision = shallowRef(0)
const uploadProgress = reactive<Record<string, { accepted: number; total: number }>>({})

function open(
  session: SessionState,
  router: Router,
  userId: string,
): SyncHandle & { userId: string } {
  const client = openClient(
    {
      getToken: () => session.current.value?.token ?? null,
      onUnauthenticated: () => {
        void router.replace({ name: 'login' })
      },
      onUploadProgress: (sha256, accepted, total) => {
        uploadProgress[sha256] = { accepted, total }
      },
    },
    userId,
  ).then((sync) => {
    status.value = sync.getStatus()
    if (needsBackgroundSync(status.value)) void registerSyncTag()
    sync.subscribe((next) => {
      // Queued work waiting for the network: the worker wakes this window when it returns.
      if (needsBackgroundSync(next) && !needsBackgroundSync(status.value)) void registerSyncTag()
      status.value = next
      revision.value += 1
    })
    sync.start()
    return sync
  })
  return { userId, client, status, revision, uploadProgress }
}

function closeCurrent(): void {
  const closing = handle
  handle = null
  status.value = null
  if (closing !== null) void closing.client.then((sync) => sync.close())
}

/** The sync client of the signed-in user (opened on first use, closed on sign-out). */
export function useSync(): SyncHandle {
  const session = useSession()
  const router = useRouter()
  const userId = session.current.value?.user.id
  if (userId === undefined) throw new Error('useSync needs a session')
  if (handle?.userId !== userId) {
    closeCurrent()
    handle = open(session, router, userId)
    const opened = handle
    // A new sign-in resumes a loop paused by UNAUTHENTICATED; signing out closes it. In a
    // detached scope: the watcher must outlive the view that happened to open the client.
    effectScope(true).run(() => {
      const stop = watch(
        () => session.current.value?.token,
        (token) => {
          if (handle !== opened) return stop()
          if (token === undefined) {
            closeCurrent()
            stop()
          } else void opened.client.then((sync) => sync.resume())
        },
      )
    })
  }
  return handle
}

/** Runs after a local write so views re-read at once, before the next status event. */
export function bumpRevision(): void {
  revision.value += 1
}
