import { describe, expect, it } from 'vitest'

import { SessionState, webStorageSessionStore, type SessionUser } from '@/auth/session'
import { caseViewFor, createDoorstepRouter, redirectTarget } from '@/router'

import { STAFF_USER } from '../support/graphql-server'

function routerWith(signedIn: boolean, user: SessionUser = STAFF_USER) {
  window.localStorage.clear()
  const session = new SessionState(webStorageSessionStore(window.localStorage))
  if (signedIn) session.set({ token: 't', refreshToken: 'r', user })
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

describe('case links by role', () => {
  it('open the review page for supervisors and admins, the registration for employers', () => {
    expect(caseViewFor('case-detail', 'c1', 'SUPERVISOR')).toEqual({
      name: 'review-case',
      params: { id: 'c1' },
    })
    expect(caseViewFor('case-detail', 'c1', 'ADMIN')).toEqual({
      name: 'review-case',
      params: { id: 'c1' },
    })
    expect(caseViewFor('case-detail', 'c1', 'EMPLOYER')).toEqual({
      name: 'employer-case',
      params: { id: 'c1' },
    })
  })

  it('leave field staff, other pages and odd ids alone', () => {
    expect(caseViewFor('case-detail', 'c1', 'FIELD_STAFF')).toBeNull()
    expect(caseViewFor('case-edit', 'c1', 'SUPERVISOR')).toBeNull()
    expect(caseViewFor('case-detail', ['c1'], 'SUPERVISOR')).toBeNull()
  })

  it('take a supervisor from a notification link to the review page', async () => {
    const router = routerWith(true, { ...STAFF_USER, username: 'supervisor1', role: 'SUPERVISOR' })

    await router.push('/cases/abc')

    expect(router.currentRoute.value.name).toBe('review-case')
    expect(router.currentRoute.value.params.id).toBe('abc')
  })
})
