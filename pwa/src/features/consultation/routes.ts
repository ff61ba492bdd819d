import type { RouteRecordRaw } from 'vue-router'

// The member's pages: no account, mobile first (backend/consultation).
export const consultationPublicRoutes: RouteRecordRaw[] = [
  {
    path: '/ask',
    name: 'consultation-ask',
    component: () => import('./AskView.vue'),
    meta: { public: true, titleKey: 'consultation.ask' },
  },
  {
    path: '/ask/t/:ticket',
    name: 'consultation-ticket',
    component: () => import('./TicketView.vue'),
    meta: { public: true, titleKey: 'consultation.ticket' },
  },
  {
    path: '/feedback',
    name: 'feedback-public',
    component: () => import('./FeedbackView.vue'),
    meta: { public: true, titleKey: 'consultation.feedback' },
  },
]

// Staff pages inside the tab layout: 在线客服 queue and the channel log (offline).
export const consultationStaffRoutes: RouteRecordRaw[] = [
  {
    path: 'consultations',
    name: 'consultations',
    component: () => import('./QueueView.vue'),
    meta: { titleKey: 'consultation.queue' },
  },
  {
    path: 'feedback-queue',
    name: 'feedback-queue',
    component: () => import('./FeedbackQueueView.vue'),
    meta: { titleKey: 'consultation.handling' },
  },
  {
    path: 'consultations/insights',
    name: 'consultation-insights',
    component: () => import('./InsightsView.vue'),
    meta: { titleKey: 'consultation.insights' },
  },
  {
    path: 'consultations/roster',
    name: 'duty-roster',
    component: () => import('./DutyRosterView.vue'),
    meta: { titleKey: 'consultation.roster' },
  },
  {
    path: 'consultations/departments',
    name: 'departments',
    component: () => import('./DepartmentsView.vue'),
    meta: { titleKey: 'consultation.departments' },
  },
  {
    path: 'consultations/log',
    name: 'consultation-log',
    component: () => import('./LogView.vue'),
    meta: { titleKey: 'consultation.log', localData: true },
  },
]
