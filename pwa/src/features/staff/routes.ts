// The field-staff pages, children of the tab layout (lazy: none of them is in the first load).
// Every one reads or writes the sync client's data on this device (cases, photos, the
// knowledge base, the inbox), so each is `localData`: a PIN must protect the device first.
import type { RouteRecordRaw } from 'vue-router'

export const staffRoutes: RouteRecordRaw[] = [
  {
    path: 'cases',
    name: 'cases',
    component: () => import('./CasesView.vue'),
    meta: { titleKey: 'staff.titles.cases', localData: true },
  },
  {
    path: 'cases/new/:kind(withdrawal|unit_registration)',
    name: 'case-new',
    component: () => import('./CaseFormView.vue'),
    meta: { titleKey: 'staff.titles.edit', localData: true },
  },
  {
    path: 'cases/:id/edit',
    name: 'case-edit',
    component: () => import('./CaseFormView.vue'),
    meta: { titleKey: 'staff.titles.edit', localData: true },
  },
  {
    path: 'cases/:id',
    name: 'case-detail',
    component: () => import('./CaseDetailView.vue'),
    meta: { titleKey: 'staff.titles.detail', localData: true },
  },
  {
    path: 'unsent',
    name: 'unsent',
    component: () => import('./UnsentView.vue'),
    meta: { titleKey: 'staff.titles.unsent', localData: true },
  },
  {
    path: 'knowledge',
    name: 'knowledge',
    component: () => import('@/features/knowledge-view/KnowledgeView.vue'),
    meta: { titleKey: 'staff.titles.knowledge', localData: true },
  },
  {
    path: 'knowledge/:id',
    name: 'article',
    component: () => import('@/features/knowledge-view/ArticleView.vue'),
    meta: { titleKey: 'staff.titles.article', localData: true },
  },
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('@/features/inbox/InboxView.vue'),
    meta: { titleKey: 'staff.titles.inbox', localData: true },
  },
]
