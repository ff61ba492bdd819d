import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteRecordNameGeneric,
  type RouteRecordRaw,
  type Router,
} from 'vue-router'

import type { Role, SessionState } from '@/auth/session'
import { consultationPublicRoutes, consultationStaffRoutes } from '@/features/consultation/routes'
import { deviceRoutes } from '@/features/devices/routes'
import { knowledgeAdminRoutes } from '@/features/knowledge-admin/routes'
import { registryRoutes } from '@/features/registry/routes'
import { staffRoutes } from '@/features/staff/routes'
import { trainingRoutes } from '@/features/training/routes'
import { publicVisitRoutes, visitRoutes } from '@/features/visits/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** i18n key of the page title (nav bar and document title). */
    titleKey?: string
  }
}

// Views are loaded on first use, so the first paint only downloads the shell.
const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/LoginView.vue'),
    meta: { public: true, titleKey: 'login.title' },
  },
  {
    // Where the QR code staff show on site leads; open without an account (one-time code).
    path: '/employer/link/:id',
    name: 'employer-link',
    component: () => import('@/features/employer/EmployerLinkView.vue'),
    meta: { public: true, titleKey: 'employer.title' },
  },
  ...consultationPublicRoutes,
  ...publicVisitRoutes,
  {
    path: '/',
    component: () => import('@/layouts/TabLayout.vue'),
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('@/views/HomeView.vue'),
        meta: { titleKey: 'tabs.home' },
      },
      {
        path: 'review',
        name: 'review',
        component: () => import('@/features/review/ReviewView.vue'),
        meta: { titleKey: 'tabs.review' },
      },
      {
        path: 'review/:id',
        name: 'review-case',
        component: () => import('@/features/review/ReviewView.vue'),
        meta: { titleKey: 'review.caseTitle' },
      },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('@/features/dashboard/DashboardView.vue'),
        meta: { titleKey: 'tabs.dashboard' },
      },
      {
        path: 'employer/case/:id?',
        name: 'employer-case',
        component: () => import('@/features/employer/EmployerCaseView.vue'),
        meta: { titleKey: 'employer.title', localData: true },
      },
      {
        // Staff: the QR code and one-time code of a registration case, for its employer.
        path: 'cases/:id/employer-link',
        name: 'case-employer-link',
        component: () => import('@/features/employer/EmployerLinkOfferView.vue'),
        meta: { titleKey: 'employer.qrTitle', localData: true },
      },
      ...staffRoutes,
      ...knowledgeAdminRoutes,
      ...deviceRoutes,
      ...consultationStaffRoutes,
      ...registryRoutes,
      ...trainingRoutes,
      ...visitRoutes,
      {
        path: 'me',
        name: 'me',
        component: () => import('@/views/MeView.vue'),
        meta: { titleKey: 'tabs.me' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createDoorstepRouter(session: SessionState, base = '/'): Router {
  const router = createRouter({ history: createWebHistory(base), routes })
  router.beforeEach((to) => {
    const signedIn = session.current.value !== null
    if (!to.meta.public && !signedIn) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (to.name === 'login' && signedIn) return { name: 'home' }
    const caseView = caseViewFor(to.name, to.params.id, session.current.value?.user.role)
    if (caseView !== null) return caseView
    return true
  })
  return router
}

/**
 * A case link (`/cases/:id`, as in notifications and the inbox) opens the page of the
 * reader's role: supervisors and admins review it, employers see their registration.
 */
export function caseViewFor(
  name: RouteRecordNameGeneric | undefined,
  id: unknown,
  role: Role | undefined,
): RouteLocationRaw | null {
  if (name !== 'case-detail' || typeof id !== 'string') return null
  if (role === 'SUPERVISOR' || role === 'ADMIN') return { name: 'review-case', params: { id } }
  if (role === 'EMPLOYER') return { name: 'employer-case', params: { id } }
  return null
}

/** Where to go after signing in: the page that asked for it, if it is one of ours. */
export function redirectTarget(query: unknown): string {
  return typeof query === 'string' && query.startsWith('/') && !query.startsWith('//') ? query : '/'
}
