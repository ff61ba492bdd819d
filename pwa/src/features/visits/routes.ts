// Visits: the public request and ticket pages (no account), the field worker's day
// (local data: needs the device PIN), and the supervisors' dispatch, handover and outreach.
import type { RouteRecordRaw } from 'vue-router'

export const publicVisitRoutes: RouteRecordRaw[] = [
  {
    path: '/visit/request',
    name: 'visit-request',
    component: () => import('./VisitRequestView.vue'),
    meta: { public: true, titleKey: 'visits.request.title' },
  },
  {
    path: '/visit/ticket/:ticket',
    name: 'visit-ticket',
    component: () => import('./VisitTicketView.vue'),
    meta: { public: true, titleKey: 'visits.ticket.title' },
  },
]

export const visitRoutes: RouteRecordRaw[] = [
  {
    path: 'today',
    name: 'today',
    component: () => import('./TodayView.vue'),
    meta: { titleKey: 'visits.today.title', localData: true },
  },
  {
    path: 'dispatch',
    name: 'dispatch',
    component: () => import('./DispatchView.vue'),
    meta: { titleKey: 'visits.dispatch.title' },
  },
  {
    path: 'handover',
    name: 'handover',
    component: () => import('./HandoverView.vue'),
    meta: { titleKey: 'visits.handover.title' },
  },
  {
    path: 'outreach',
    name: 'outreach',
    component: () => import('./OutreachView.vue'),
    meta: { titleKey: 'visits.outreach.title' },
  },
]
