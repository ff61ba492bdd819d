// notificationclick: bring the app to the front at the notification's page. Written against
// the few service worker calls it needs, so Vitest can drive it with plain objects.
import { OPEN_URL_MESSAGE, type OpenUrlMessage } from './notification'

export interface AppWindow {
  readonly url: string
  readonly focused: boolean
  focus(): Promise<unknown>
  postMessage(message: OpenUrlMessage): void
}

export interface AppWindows {
  /** Window clients of this origin, controlled or not (`clients.matchAll`). */
  list(): Promise<readonly AppWindow[]>
  /** `clients.openWindow` (absolute URL). */
  open(url: string): Promise<unknown>
}

/**
 * An open app window is focused and told (by message) to show `path` through the router,
 * so a half-typed form or an unlocked session survives; with no window, a new one opens.
 */
export async function openAppAt(windows: AppWindows, origin: string, path: string): Promise<void> {
  const ours = (await windows.list()).filter((w) => w.url.startsWith(`${origin}/`))
  const target = ours.find((w) => w.focused) ?? ours[0]
  if (target === undefined) {
    await windows.open(new URL(path, origin).href)
    return
  }
  try {
    await target.focus()
  } catch {
    // Focus is refused without a user gesture in some browsers; showing the page still helps.
  }
  target.postMessage({ type: OPEN_URL_MESSAGE, url: path })
}
