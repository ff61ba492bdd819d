// The bottom tab bar. Later issues add 任务 (cases) and 消息 (inbox) here.
export interface TabItem {
  routeName: string
  icon: string
  labelKey: string
}

export const TABS: readonly TabItem[] = [
  { routeName: 'home', icon: 'home-o', labelKey: 'tabs.home' },
  { routeName: 'me', icon: 'user-o', labelKey: 'tabs.me' },
]
