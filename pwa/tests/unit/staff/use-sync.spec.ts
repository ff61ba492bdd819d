import { MemoryStore, type Store } from '@doorstep/sync-client'
import { flushPromises, mount } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'

import { SessionState, webStorageSessionStore } from '@/auth/session'
import { SESSION_KEY } from '@/auth/use-session'
import { readLocal } from '@/features/staff/use-cases'
import { bumpRevision, setSyncStoreProvider, useSync, type SyncHandle } from '@/sync/use-sync'

import { STAFF_USER } from '../support/graphql-server'

const stores = new Map<string, Store>()
setSyncStoreProvider(async (userId) => {
  const store = stores.get(userId) ?? new MemoryStore()
  stores.set(userId, store)
  return store
})

function mountWithSync(session: SessionState): SyncHandle {
  let handle: SyncHandle | null = null
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/', component: { render: () => null } }],
  })
  const Probe = defineComponent({
    setup() {
      handle = useSync()
      return () => h('div')
    },
  })
  mount(Probe, { global: { plugins: [router], provide: { [SESSION_KEY]: session } } })
  return handle!
}

// The device is offline here: only the local side (outbox, overlay, lifecycle) is looked at.
beforeAll(() => {
  Object.defineProperty(navigator, 'onLine', { value: false, configurable: true })
})
afterAll(() => {
  Reflect.deleteProperty(navigator, 'onLine')
})
afterEach(() => {
  window.localStorage.clear()
})

describe('the sync wrapper', () => {
  it('gives the signed-in user one client whose local writes show in the case views at once', async () => {
    const session = new SessionState(webStorageSessionStore(window.localStorage))
    session.set({ token: 't', refreshToken: null, user: STAFF_USER })
    const sync = mountWithSync(session)
    expect(mountWithSync(session)).toBe(sync) // the same client for every view

    const client = await sync.client
    const id = '4b6f1f0e-0000-4000-8000-0000000000aa'
    await client.mutate('createCase', { id, kind: 'withdrawal', fields: { name: '熊瑶' } })
    const before = sync.revision.value
    bumpRevision()
    expect(sync.revision.value).toBe(before + 1)

    const local = await readLocal(sync)
    expect(local.cases.map((c) => [c.id, c.sync, c.fields.name])).toEqual([[id, 'pending', '熊瑶']])
    expect(local.pending.map((m) => m.name)).toEqual(['createCase'])
  })

  it('closes the client on sign-out and opens a fresh one for the next user', async () => {
    const session = new SessionState(webStorageSessionStore(window.localStorage))
    session.set({ token: 't', refreshToken: null, user: STAFF_USER })
    const first = mountWithSync(session)
    await first.client
    session.clear()
    await flushPromises()
    session.set({ token: 'u', refreshToken: null, user: { ...STAFF_USER, id: 'someone-else' } })
    const second = mountWithSync(session)
    expect(second).not.toBe(first)
    expect((await readLocal(second)).cases).toEqual([])
  })
})
