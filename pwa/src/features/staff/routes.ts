// The field-staff pages, children of the tab layout (lazy: none of them is in the first load).
import type { RouteRecordRaw } from 'vue-router'

export const staffRoutes: RouteRecordRaw[] = [
  {
    path: 'cases',
    name: 'cases',
    component: () => import('./CasesView.vue'),
    meta: { titleKey: 'staff.titles.cases' },
  },
  {
    path: 'cases/new/:kind(withdrawal|unit_registration)',
    name: 'case-new',
    component: () => import('./CaseFormView.vue'),
    meta: { titleKey: 'staff.titles.edit' },
  },
  {
    path: 'cases/:id/edit',
    name: 'case-edit',
    component: () => import('./CaseFormView.vue'),
    meta: { titleKey: 'staff.titles.edit' },
  },
  {
    path: 'cases/:id',
    name: 'case-detail',
    component: () => import('./CaseDetailView.vue'),
    meta: { titleKey: 'staff.titles.detail' },
  },
  {
    path: 'unsent',
    name: 'unsent',
    component: () => import('./UnsentView.vue'),
    meta: { titleKey: 'staff.titles.unsent' },
  },
  {
    path: 'knowledge',
    name: 'knowledge',
    component: () => import('@/features/knowledge-view/KnowledgeView.vue'),
    meta: { titleKey: 'staff.titles.knowledge' },
  },
  {
    path: 'knowledge/:id',
    name: 'article',
    component: () => import('@/features/knowledge-view/ArticleView.vue'),
    meta: { titleKey: 'staff.titles.article' },
  },
  {
    path: 'inbox',
    name: 'inbox',
    component: () => import('@/features/inbox/InboxView.vue'),
    meta: { titleKey: 'staff.titles.inbox' },
  },
]
