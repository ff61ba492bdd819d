// @vitest-environment node
// The page side of Web Push against a real local GraphQL server. The browser's push
// service cannot run here, so PushManager, the permission and the worker registration are
// small stand-ins; the browser test (tests/browser/test_push.py) covers real Chromium.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { GraphQLClient } from '@/api/client'
import { SessionState, webStorageSessionStore } from '@/auth/session'
import {
  disablePush,
  enablePush,
  reRegisterPush,
  stopPushBeforeSignOut,
} from '@/features/push/push-device'
import { PushError } from '@/features/push/push-failure'
import { vapidKeyBytes } from '@/features/push/push-keys'

import { bearer, GraphQLTestServer, STAFF_USER, type Reply } from '../support/graphql-server'
import { freshStorage } from '../support/storage'

const VAPID =
  'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM'
const OTHER_VAPID = `BA${VAPID.slice(2)}`
const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/device-1'

class FakeSubscription {
  unsubscribed = false
  readonly options: { applicationServerKey: ArrayBuffer; userVisibleOnly: boolean }
  constructor(
    readonly endpoint: string,
    key: Uint8Array,
  ) {
    this.options = { applicationServerKey: key.slice().buffer, userVisibleOnly: true }
  }
  toJSON() {
    return { endpoint: this.endpoint, keys: { p256dh: 'BPdevicekey', auth: 'authsecret' } }
  }
  unsubscribe() {
    this.unsubscribed = true
    push.current = null
    return Promise.resolve(true)
  }
}

/** The browser's PushManager; `answer` decides what its push service does. */
const push = {
  current: null as FakeSubscription | null,
  subscribeCalls: [] as { userVisibleOnly: boolean; applicationServerKey: Uint8Array }[],
  answer: 'ok' as 'ok' | 'never' | 'abort',
  getSubscription: () => Promise.resolve(push.current),
  subscribe(options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) {
    push.subscribeCalls.push(options)
    if (push.answer === 'never') return new Promise<never>(() => undefined)
    if (push.answer === 'abort') {
      const error = new Error('Registration failed - push service error')
      error.name = 'AbortError'
      return Promise.reject(error)
    }
    push.current = new FakeSubscription(ENDPOINT, options.applicationServerKey)
    return Promise.resolve(push.current)
  },
}

const notification = {
  permission: 'default' as NotificationPermission,
  answer: 'granted' as NotificationPermission,
  asked: 0,
  requestPermission() {
    notification.asked += 1
    notification.permission = notification.answer
    return Promise.resolve(notification.answer)
  },
}

let server: GraphQLTestServer
let serverAnswers: (operation: string | null) => Reply | Promise<Reply>

beforeAll(async () => {
  server = await GraphQLTestServer.start()
  server.handler = (request) => serverAnswers(request.operationName)
})
afterAll(async () => {
  await server.stop()
})

beforeEach(() => {
  server.received.length = 0
  push.current = null
  push.subscribeCalls = []
  push.answer = 'ok'
  notification.permission = 'default'
  notification.answer = 'granted'
  notification.asked = 0
  serverAnswers = (operation) => {
    if (operation === 'VapidPublicKey') return { json: { data: { vapidPublicKey: VAPID } } }
    if (operation === 'RegisterPushSubscription') {
      return { json: { data: { registerPushSubscription: { id: 'sub-1' } } } }
    }
    return { json: { data: { unregisterPushSubscription: true } } }
  }
  const registration = { pushManager: push }
  vi.stubGlobal('Notification', notification)
  vi.stubGlobal('window', { isSecureContext: true, PushManager: {}, Notification: notification })
  vi.stubGlobal('navigator', {
    serviceWorker: {
      ready: Promise.resolve(registration),
      getRegistration: () => Promise.resolve(registration),
    },
  })
})
afterEach(() => {
  vi.unstubAllGlobals()
})

function signedInClient(): GraphQLClient {
  const session = new SessionState(webStorageSessionStore(freshStorage()))
  session.set({ token: 'staff-token', refreshToken: null, user: STAFF_USER })
  return new GraphQLClient({ endpoint: server.url, session })
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  )
}

describe('turning push on', () => {
  it('asks permission, subscribes with the server key and registers the subscription', async () => {
    await enablePush(signedInClient())

    expect(notification.asked).toBe(1)
    expect(push.subscribeCalls).toHaveLength(1)
    expect(push.subscribeCalls[0]?.userVisibleOnly).toBe(true)
    expect([...(push.subscribeCalls[0]?.applicationServerKey ?? [])]).toEqual([
      ...(vapidKeyBytes(VAPID) ?? []),
    ])
    expect(server.operations()).toEqual(['VapidPublicKey', 'RegisterPushSubscription'])
    const register = server.received[1]
    expect(register?.variables).toEqual({
      endpoint: ENDPOINT,
      p256dh: 'BPdevicekey',
      auth: 'authsecret',
    })
    expect(register && bearer(register)).toBe('staff-token')
  })

  it('stops at a refused permission without subscribing or calling the server', async () => {
    notification.answer = 'denied'
    const error = await rejection(enablePush(signedInClient()))
    expect(error).toEqual(new PushError('denied'))
    expect(push.subscribeCalls).toHaveLength(0)
    expect(server.operations()).toEqual([])
  })

  it('does not ask again once notifications are blocked', async () => {
    notification.permission = 'denied'
    expect(await rejection(enablePush(signedInClient()))).toEqual(new PushError('denied'))
    expect(notification.asked).toBe(0)
  })

  it('gives up on a push service that never answers and registers nothing', async () => {
    push.answer = 'never'
    const error = await rejection(enablePush(signedInClient(), 50))
    expect(error).toEqual(new PushError('unreachable'))
    expect(server.operations()).toEqual(['VapidPublicKey'])
  })

  it('passes on the push service error', async () => {
    push.answer = 'abort'
    const error = (await rejection(enablePush(signedInClient()))) as Error
    expect(error.name).toBe('AbortError')
    expect(server.operations()).toEqual(['VapidPublicKey'])
  })

  it('replaces a subscription made for another server key', async () => {
    const stale = new FakeSubscription('https://push.example/stale', vapidKeyBytes(OTHER_VAPID)!)
    push.current = stale
    notification.permission = 'granted'

    await enablePush(signedInClient())

    expect(stale.unsubscribed).toBe(true)
    expect(server.received.at(-1)?.variables.endpoint).toBe(ENDPOINT)
  })

  it('keeps a subscription already made for this key', async () => {
    await enablePush(signedInClient())
    await enablePush(signedInClient())
    expect(push.subscribeCalls).toHaveLength(1)
    expect(server.operations()).toEqual([
      'VapidPublicKey',
      'RegisterPushSubscription',
      'VapidPublicKey',
      'RegisterPushSubscription',
    ])
  })
})

describe('turning push off', () => {
  it('ends the browser subscription and tells the server', async () => {
    await enablePush(signedInClient())
    const subscription = push.current
    server.received.length = 0

    await disablePush(signedInClient())

    expect(subscription?.unsubscribed).toBe(true)
    expect(server.operations()).toEqual(['UnregisterPushSubscription'])
    expect(server.received[0]?.variables).toEqual({ endpoint: ENDPOINT })
  })

  it('still ends the browser subscription when the server cannot be reached', async () => {
    await enablePush(signedInClient())
    const subscription = push.current
    serverAnswers = () => ({ dropConnection: true })

    await disablePush(signedInClient())

    expect(subscription?.unsubscribed).toBe(true)
  })

  it('before sign-out never waits long for a server that does not answer', async () => {
    await enablePush(signedInClient())
    serverAnswers = () => new Promise<Reply>(() => undefined)
    const started = Date.now()

    await stopPushBeforeSignOut(signedInClient(), 100)

    expect(Date.now() - started).toBeLessThan(2_000)
    expect(push.current).toBeNull()
  })
})

describe('after a sign-in', () => {
  it('the existing subscription is registered for the new user', async () => {
    await enablePush(signedInClient())
    server.received.length = 0

    expect(await reRegisterPush(signedInClient())).toBe(true)
    expect(server.operations()).toEqual(['RegisterPushSubscription'])
  })

  it('nothing is sent without permission or subscription', async () => {
    expect(await reRegisterPush(signedInClient())).toBe(false)
    expect(server.operations()).toEqual([])
  })
})
