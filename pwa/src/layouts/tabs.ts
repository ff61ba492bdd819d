// The bottom tab bar. Later issues add 任务 (cases) and 消息 (inbox) here.
export interface TabItem {
  routeName: string
  icon: string
  labelKey: string
}

export const TABS: readonly TabItem[] = [
  { routeName: 'home', icon: 'home-o', labelKey: 'tabs.home' },
  { routeName: 'cases', icon: 'todo-list-o', labelKey: 'staff.tabs.cases' },
  { routeName: 'knowledge', icon: 'bookmark-o', labelKey: 'staff.tabs.knowledge' },
  { routeName: 'inbox', icon: 'chat-o', labelKey: 'staff.tabs.inbox' },
  { routeName: 'me', icon: 'user-o', labelKey: 'tabs.me' },
]
