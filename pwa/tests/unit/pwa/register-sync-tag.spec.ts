import type { SyncStatus } from '@doorstep/sync-client'
import { describe, expect, it } from 'vitest'

import { SYNC_TAG } from '@/pwa/background-sync'
import { needsBackgroundSync, registerSyncTag } from '@/pwa/register-sync-tag'

const IDLE: SyncStatus = {
  state: 'idle',
  online: true,
  pendingMutations: 0,
  pendingUploads: 0,
  failedUploads: 0,
  rejectedMutations: 0,
  lastSyncAt: null,
  lastError: null,
  storagePersisted: null,
  entityRevision: 0,
}

describe('needsBackgroundSync', () => {
  it('is true for queued mutations or photos while offline or failing', () => {
    expect(needsBackgroundSync({ ...IDLE, state: 'offline', pendingMutations: 1 })).toBe(true)
    expect(needsBackgroundSync({ ...IDLE, state: 'error', pendingUploads: 2 })).toBe(true)
  })

  it('is false with nothing queued, while syncing or idle, paused for a sign-in, or outdated', () => {
    expect(needsBackgroundSync(null)).toBe(false)
    expect(needsBackgroundSync({ ...IDLE, state: 'offline' })).toBe(false)
    expect(needsBackgroundSync({ ...IDLE, state: 'syncing', pendingMutations: 1 })).toBe(false)
    expect(needsBackgroundSync({ ...IDLE, pendingMutations: 1 })).toBe(false)
    // No worker wake can help: a new sign-in or an app update must come first.
    expect(needsBackgroundSync({ ...IDLE, state: 'unauthenticated', pendingMutations: 1 })).toBe(
      false,
    )
    expect(needsBackgroundSync({ ...IDLE, state: 'outdated', pendingMutations: 1 })).toBe(false)
  })
})

function container(registration: unknown) {
  return { getRegistration: () => Promise.resolve(registration as undefined) }
}

describe('registerSyncTag', () => {
  it('registers doorstep-sync through an active registration (controlled or not)', async () => {
    const tags: string[] = []
    const registration = {
      active: {},
      sync: {
        register: (tag: string) => {
          tags.push(tag)
          return Promise.resolve()
        },
      },
    }
    expect(await registerSyncTag(container(registration))).toBe(true)
    expect(tags).toEqual([SYNC_TAG])
  })

  it('does nothing without a container, a registration, an active worker or Background Sync', async () => {
    const register = () => Promise.reject(new Error('must not be called'))
    expect(await registerSyncTag(undefined)).toBe(false)
    expect(await registerSyncTag(container(undefined))).toBe(false)
    expect(await registerSyncTag(container({ active: null, sync: { register } }))).toBe(false)
    expect(await registerSyncTag(container({ active: {} }))).toBe(false)
  })

  it('a refused registration (e.g. permission) reports false instead of throwing', async () => {
    const refused = { active: {}, sync: { register: () => Promise.reject(new Error('denied')) } }
    expect(await registerSyncTag(container(refused))).toBe(false)
  })
})
