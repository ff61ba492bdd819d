import { describe, expect, it } from 'vitest'

import { SessionState, webStorageSessionStore } from '@/auth/session'
import { createDoorstepRouter, redirectTarget } from '@/router'

import { STAFF_USER } from '../support/graphql-server'

function routerWith(signedIn: boolean) {
  window.localStorage.clear()
  const session = new SessionState(webStorageSessionStore(window.localStorage))
  if (signedIn) session.set({ token: 't', refreshToken: 'r', user: STAFF_USER })
  return createDoorstepRouter(session)
}

describe('router', () => {
  it('sends a visitor without a session to the login screen, remembering the page', async () => {
    const router = routerWith(false)

    await router.push('/me')

    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query).toEqual({ redirect: '/me' })
  })

  it('sends a visitor without a session from the home page to a plain login URL', async () => {
    const router = routerWith(false)

    await router.push('/')

    expect(router.currentRoute.value.fullPath).toBe('/login')
  })

  it('sends a signed-in person away from the login screen to home', async () => {
    const router = routerWith(true)

    await router.push('/login')

    expect(router.currentRoute.value.name).toBe('home')
  })

  it('sends unknown paths to home', async () => {
    const router = routerWith(true)

    await router.push('/no/such/page')

    expect(router.currentRoute.value.name).toBe('home')
  })
})

describe('redirectTarget', () => {
  it.each([
    ['/me', '/me'],
    [undefined, '/'],
    ['https://example.com/', '/'],
    ['//example.com/', '/'],
    [['/me'], '/'],
  ])('turns %j into %j', (query, target) => {
    expect(redirectTarget(query)).toBe(target)
  })
})
