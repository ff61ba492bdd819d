// The bottom tab bar. Later issues add 任务 (cases) and 消息 (inbox) here.
import type { Role } from '@/auth/session'

export interface TabItem {
  routeName: string
  icon: string
  labelKey: string
  /** Only these roles see the tab (all roles when absent). */
  roles?: readonly Role[]
}

export const TABS: readonly TabItem[] = [
  { routeName: 'home', icon: 'home-o', labelKey: 'tabs.home' },
  {
    routeName: 'review',
    icon: 'todo-list-o',
    labelKey: 'tabs.review',
    roles: ['SUPERVISOR', 'ADMIN'],
  },
  {
    routeName: 'dashboard',
    icon: 'chart-trending-o',
    labelKey: 'tabs.dashboard',
    roles: ['SUPERVISOR', 'ADMIN'],
  },
  {
    routeName: 'dispatch',
    icon: 'calendar-o',
    labelKey: 'visits.dispatch.title',
    roles: ['SUPERVISOR', 'ADMIN'],
  },
  { routeName: 'employer-case', icon: 'records-o', labelKey: 'tabs.employer', roles: ['EMPLOYER'] },
  { routeName: 'cases', icon: 'todo-list-o', labelKey: 'staff.tabs.cases', roles: ['FIELD_STAFF'] },
  { routeName: 'knowledge', icon: 'bookmark-o', labelKey: 'staff.tabs.knowledge' },
  {
    routeName: 'knowledge-admin',
    icon: 'edit',
    labelKey: 'knowledgeAdmin.tab',
    roles: ['ADMIN'],
  },
  {
    routeName: 'consultations',
    icon: 'service-o',
    labelKey: 'consultation.tab',
    roles: ['FIELD_STAFF', 'SUPERVISOR', 'ADMIN'],
  },
  { routeName: 'inbox', icon: 'chat-o', labelKey: 'staff.tabs.inbox' },
  { routeName: 'me', icon: 'user-o', labelKey: 'tabs.me' },
]

export function tabsFor(role: Role | undefined): TabItem[] {
  return TABS.filter(
    (tab) => tab.roles === undefined || (role !== undefined && tab.roles.includes(role)),
  )
}
