// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { GraphQLClient } from '@/api/client'
import { DoorstepApi } from '@/api/doorstep-api'
import { ApiError } from '@/api/errors'
import { SessionState, webStorageSessionStore } from '@/auth/session'

import {
  bearer,
  GraphQLTestServer,
  graphQLError,
  sessionPayload,
  STAFF_USER,
} from '../support/graphql-server'
import { freshStorage } from '../support/storage'

let server: GraphQLTestServer
beforeAll(async () => {
  server = await GraphQLTestServer.start()
})
afterAll(async () => {
  await server.stop()
})

function setUp(options: { signedIn?: { token: string; refreshToken: string | null } } = {}) {
  server.received.length = 0
  const session = new SessionState(webStorageSessionStore(freshStorage()))
  if (options.signedIn) session.set({ ...options.signedIn, user: STAFF_USER })
  const onSessionExpired = vi.fn()
  const client = new GraphQLClient({ endpoint: server.url, session, onSessionExpired })
  return { session, onSessionExpired, api: new DoorstepApi(client, session) }
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('login', () => {
  it('sends the credentials without a token and keeps the returned session', async () => {
    const { api, session } = setUp()
    server.handler = () => ({ json: { data: { login: sessionPayload('t1', 'r1') } } })

    const user = await api.login('staff1', 'doorstep-demo')

    expect(user).toEqual(STAFF_USER)
    expect(session.current.value).toEqual({ token: 't1', refreshToken: 'r1', user: STAFF_USER })
    const [request] = server.received
    expect(request?.operationName).toBe('Login')
    expect(request?.variables).toEqual({ u: 'staff1', p: 'doorstep-demo' })
    expect(request?.headers.authorization).toBeUndefined()
  })

  it('keeps the session across a reload of the page (same storage)', async () => {
    const storage = freshStorage()
    const session = new SessionState(webStorageSessionStore(storage))
    const client = new GraphQLClient({ endpoint: server.url, session })
    server.handler = () => ({ json: { data: { login: sessionPayload('t1', 'r1') } } })
    await new DoorstepApi(client, session).login('staff1', 'doorstep-demo')

    const reloaded = new SessionState(webStorageSessionStore(storage))

    expect(reloaded.current.value?.token).toBe('t1')
  })

  it('refuses a session payload without a token as a server error', async () => {
    const { api, session } = setUp()
    server.handler = () => ({ json: { data: { login: { user: STAFF_USER } } } })

    expect((await failure(api.login('staff1', 'x'))).code).toBe('SERVER_ERROR')
    expect(session.current.value).toBeNull()
  })
})

describe('logout', () => {
  it('revokes the tokens on the server and forgets the session', async () => {
    const { api, session } = setUp({ signedIn: { token: 't1', refreshToken: 'r1' } })
    server.handler = () => ({ json: { data: { logout: true } } })

    await api.logout()

    expect(server.operations()).toEqual(['Logout'])
    expect(bearer(server.received[0]!)).toBe('t1')
    expect(session.current.value).toBeNull()
  })

  it('still forgets the session when the server cannot be reached', async () => {
    const { api, session } = setUp({ signedIn: { token: 't1', refreshToken: 'r1' } })
    server.handler = () => ({ dropConnection: true })

    await api.logout()

    expect(session.current.value).toBeNull()
  })
})

describe('error mapping', () => {
  it("reports a GraphQL error's extensions.code and its Chinese message", async () => {
    const { api } = setUp()
    server.handler = () => graphQLError('INVALID_CREDENTIALS', '用户名或密码错误')

    const error = await failure(api.login('staff1', 'wrong'))

    expect(error.code).toBe('INVALID_CREDENTIALS')
    expect(error.serverMessage).toBe('用户名或密码错误')
  })

  it('keeps the other extensions as details', async () => {
    const { api } = setUp()
    server.handler = () => ({
      json: {
        data: null,
        errors: [
          { message: '尝试次数过多', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfter: 60 } },
        ],
      },
    })

    const error = await failure(api.login('staff1', 'wrong'))

    expect(error.code).toBe('TOO_MANY_ATTEMPTS')
    expect(error.details).toEqual({ retryAfter: 60 })
  })

  it('reads GraphQL errors from a non-200 graphql-response+json answer', async () => {
    const { api } = setUp()
    server.handler = () => ({
      status: 400,
      json: { errors: [{ message: '请求格式错误', extensions: { code: 'BAD_REQUEST' } }] },
    })

    expect((await failure(api.login('staff1', 'x'))).code).toBe('BAD_REQUEST')
  })

  it('calls an error without a code UNKNOWN', async () => {
    const { api } = setUp()
    server.handler = () => ({ json: { data: null, errors: [{ message: 'boom' }] } })

    const error = await failure(api.login('staff1', 'x'))

    expect(error.code).toBe('UNKNOWN')
    expect(error.serverMessage).toBe('boom')
  })

  it('maps HTTP 429 without a GraphQL body to TOO_MANY_ATTEMPTS', async () => {
    const { api } = setUp()
    server.handler = () => ({ status: 429, text: 'Too Many Requests' })

    const error = await failure(api.login('staff1', 'x'))

    expect(error.code).toBe('TOO_MANY_ATTEMPTS')
    expect(error.serverMessage).toBeNull()
  })

  it('maps an HTML error page to SERVER_ERROR with its status', async () => {
    const { api } = setUp()
    server.handler = () => ({ status: 502, text: '<html>Bad Gateway</html>' })

    const error = await failure(api.login('staff1', 'x'))

    expect(error.code).toBe('SERVER_ERROR')
    expect(error.details).toEqual({ status: 502 })
  })

  it('maps an unreachable server to NETWORK_ERROR', async () => {
    const closed = await GraphQLTestServer.start()
    const endpoint = closed.url
    await closed.stop()
    const session = new SessionState(webStorageSessionStore(freshStorage()))
    const api = new DoorstepApi(new GraphQLClient({ endpoint, session }), session)

    expect((await failure(api.login('staff1', 'x'))).code).toBe('NETWORK_ERROR')
  })

  it('maps a dropped connection to NETWORK_ERROR', async () => {
    const { api } = setUp()
    server.handler = () => ({ dropConnection: true })

    expect((await failure(api.login('staff1', 'x'))).code).toBe('NETWORK_ERROR')
  })
})

describe('authenticated calls and session refresh', () => {
  beforeEach(() => {
    server.received.length = 0
  })

  it('carry the bearer token', async () => {
    const { api } = setUp({ signedIn: { token: 't1', refreshToken: 'r1' } })
    server.handler = () => ({ json: { data: { me: STAFF_USER } } })

    await api.me()

    expect(bearer(server.received[0]!)).toBe('t1')
  })

  it('refresh once on UNAUTHENTICATED and retry the call with the new token', async () => {
    const { api, session, onSessionExpired } = setUp({
      signedIn: { token: 'old', refreshToken: 'r1' },
    })
    server.handler = ({ operationName, variables, ...request }) => {
      if (operationName === 'RefreshSession') {
        expect(variables).toEqual({ r: 'r1' })
        return { json: { data: { refreshSession: sessionPayload('new', 'r2') } } }
      }
      return bearer({ operationName, variables, ...request }) === 'new'
        ? { json: { data: { me: { ...STAFF_USER, displayName: '王外勤（新）' } } } }
        : graphQLError('UNAUTHENTICATED', '登录已过期')
    }

    const me = await api.me()

    expect(me.displayName).toBe('王外勤（新）')
    expect(server.operations()).toEqual(['Me', 'RefreshSession', 'Me'])
    expect(session.current.value?.token).toBe('new')
    expect(session.current.value?.refreshToken).toBe('r2')
    expect(onSessionExpired).not.toHaveBeenCalled()
  })

  it('share one refresh between calls rejected at the same time', async () => {
    const { api } = setUp({ signedIn: { token: 'old', refreshToken: 'r1' } })
    server.handler = async (request) => {
      if (request.operationName === 'RefreshSession') {
        await new Promise((resolve) => setTimeout(resolve, 50)) // let the other call queue up
        return { json: { data: { refreshSession: sessionPayload('new', 'r2') } } }
      }
      return bearer(request) === 'new'
        ? { json: { data: { me: STAFF_USER } } }
        : graphQLError('UNAUTHENTICATED', '登录已过期')
    }

    await Promise.all([api.me(), api.me(), api.me()])

    expect(server.operations().filter((name) => name === 'RefreshSession')).toHaveLength(1)
  })

  it('end the session when the refresh is refused, reporting the original message', async () => {
    const { api, session, onSessionExpired } = setUp({
      signedIn: { token: 'old', refreshToken: 'r1' },
    })
    server.handler = ({ operationName }) =>
      operationName === 'RefreshSession'
        ? graphQLError('UNAUTHENTICATED', '刷新令牌已失效')
        : graphQLError('UNAUTHENTICATED', '登录已过期，请重新登录')

    const error = await failure(api.me())

    expect(error.code).toBe('UNAUTHENTICATED')
    expect(error.serverMessage).toBe('登录已过期，请重新登录')
    expect(session.current.value).toBeNull()
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
  })

  it('end the session at once when there is no refresh token', async () => {
    const { api, session, onSessionExpired } = setUp({
      signedIn: { token: 'old', refreshToken: null },
    })
    server.handler = () => graphQLError('UNAUTHENTICATED', '登录已过期')

    expect((await failure(api.me())).code).toBe('UNAUTHENTICATED')
    expect(server.operations()).toEqual(['Me'])
    expect(session.current.value).toBeNull()
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
  })

  it('keep the session when the refresh fails for lack of network', async () => {
    const { api, session, onSessionExpired } = setUp({
      signedIn: { token: 'old', refreshToken: 'r1' },
    })
    server.handler = ({ operationName }) =>
      operationName === 'RefreshSession'
        ? { dropConnection: true }
        : graphQLError('UNAUTHENTICATED', '登录已过期')

    expect((await failure(api.me())).code).toBe('NETWORK_ERROR')
    expect(session.current.value?.token).toBe('old')
    expect(onSessionExpired).not.toHaveBeenCalled()
  })

  it('end the session when the new token is rejected too', async () => {
    const { api, session, onSessionExpired } = setUp({
      signedIn: { token: 'old', refreshToken: 'r1' },
    })
    server.handler = ({ operationName }) =>
      operationName === 'RefreshSession'
        ? { json: { data: { refreshSession: sessionPayload('new', 'r2') } } }
        : graphQLError('UNAUTHENTICATED', '登录已过期')

    expect((await failure(api.me())).code).toBe('UNAUTHENTICATED')
    expect(server.operations()).toEqual(['Me', 'RefreshSession', 'Me'])
    expect(session.current.value).toBeNull()
    expect(onSessionExpired).toHaveBeenCalledTimes(1)
  })

  it('pass FORBIDDEN through without refreshing', async () => {
    const { api, session } = setUp({ signedIn: { token: 't1', refreshToken: 'r1' } })
    server.handler = () => graphQLError('FORBIDDEN', '无权访问')

    expect((await failure(api.me())).code).toBe('FORBIDDEN')
    expect(server.operations()).toEqual(['Me'])
    expect(session.current.value?.token).toBe('t1')
  })
})
