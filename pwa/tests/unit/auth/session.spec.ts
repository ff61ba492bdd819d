import { beforeEach, describe, expect, it } from 'vitest'

import { SessionState, webStorageSessionStore } from '@/auth/session'

import { STAFF_USER } from '../support/graphql-server'

const KEY = 'doorstep.session.v1'

describe('session storage', () => {
  beforeEach(() => {
    window.localStorage.clear()
  })

  it('survives a reload', () => {
    new SessionState(webStorageSessionStore(window.localStorage)).set({
      token: 't',
      refreshToken: 'r',
      user: STAFF_USER,
    })

    const reloaded = new SessionState(webStorageSessionStore(window.localStorage))

    expect(reloaded.current.value).toEqual({ token: 't', refreshToken: 'r', user: STAFF_USER })
  })

  it.each([
    ['not JSON', '{'],
    ['no token', JSON.stringify({ refreshToken: 'r', user: STAFF_USER })],
    [
      'an unknown role',
      JSON.stringify({ token: 't', refreshToken: null, user: { ...STAFF_USER, role: 'ROOT' } }),
    ],
  ])('treats a stored entry with %s as signed out', (_case, raw) => {
    window.localStorage.setItem(KEY, raw)

    expect(new SessionState(webStorageSessionStore(window.localStorage)).current.value).toBeNull()
  })

  it('forgets the session everywhere on clear', () => {
    const session = new SessionState(webStorageSessionStore(window.localStorage))
    session.set({ token: 't', refreshToken: null, user: STAFF_USER })

    session.clear()

    expect(session.current.value).toBeNull()
    expect(window.localStorage.getItem(KEY)).toBeNull()
  })
})
