import { describe, expect, it } from 'vitest'

import { OPEN_URL_MESSAGE, type OpenUrlMessage } from '@/features/push/notification'
import { openAppAt, type AppWindow } from '@/features/push/open-app'

const ORIGIN = 'https://doorstep.example'

class Window implements AppWindow {
  focusCalls = 0
  messages: OpenUrlMessage[] = []
  constructor(
    readonly url: string,
    readonly focused = false,
    private readonly refuseFocus = false,
  ) {}
  focus(): Promise<unknown> {
    this.focusCalls += 1
    return this.refuseFocus
      ? Promise.reject(new Error('InvalidAccessError'))
      : Promise.resolve(this)
  }
  postMessage(message: OpenUrlMessage): void {
    this.messages.push(message)
  }
}

function windows(list: Window[]) {
  const opened: string[] = []
  return {
    opened,
    list: () => Promise.resolve(list),
    open: (url: string) => {
      opened.push(url)
      return Promise.resolve(null)
    },
  }
}

describe('clicking a notification', () => {
  it('focuses the open app window and tells its router to show the page', async () => {
    const app = new Window(`${ORIGIN}/cases`)
    const clients = windows([app])

    await openAppAt(clients, ORIGIN, '/cases/42')

    expect(app.focusCalls).toBe(1)
    expect(app.messages).toEqual([{ type: OPEN_URL_MESSAGE, url: '/cases/42' }])
    expect(clients.opened).toEqual([])
  })

  it('prefers the window that has focus', async () => {
    const background = new Window(`${ORIGIN}/`)
    const front = new Window(`${ORIGIN}/inbox`, true)

    await openAppAt(windows([background, front]), ORIGIN, '/inbox')

    expect(front.messages).toHaveLength(1)
    expect(background.messages).toHaveLength(0)
  })

  it('still shows the page when the browser refuses focus', async () => {
    const app = new Window(`${ORIGIN}/`, false, true)
    await openAppAt(windows([app]), ORIGIN, '/inbox')
    expect(app.messages).toEqual([{ type: OPEN_URL_MESSAGE, url: '/inbox' }])
  })

  it('opens a new window at the page when no app window is open', async () => {
    const other = new Window('https://other.example/')
    const clients = windows([other])

    await openAppAt(clients, ORIGIN, '/cases/42')

    expect(clients.opened).toEqual([`${ORIGIN}/cases/42`])
    expect(other.messages).toEqual([])
  })
})
