// What the service worker shows for a push message and where a click on it leads. Pure: no
// service worker, DOM or network here, so the rules are tested with Vitest.
//
// The payload is the one backend/notifications/README.md documents (decrypted
// `event.data`): {title, body, caseId, url}. The push service and the browser are outside
// our control, so every field is checked; a message that cannot be read still shows a
// generic notification (Chrome requires one for every push when userVisibleOnly is set).

export interface PushPayload {
  title: string
  body: string
  caseId: string | null
  url: string
}

export interface NotificationSpec {
  title: string
  options: {
    body: string
    tag: string
    lang: string
    icon: string
    badge: string
    data: { url: string }
  }
}

/** Shown when a push arrives without a readable payload. */
export const GENERIC_NOTIFICATION = {
  title: '您有新消息',
  body: '请打开「消息」查看。',
} as const

export const INBOX_URL = '/inbox'
const INBOX_TAG = 'inbox'
const ICON = '/icons/icon-192.png'
const TITLE_LIMIT = 60
const BODY_LIMIT = 120

/** `event.data.text()` → the payload, or null when it is not the documented JSON object. */
export function parsePushPayload(text: string | null | undefined): PushPayload | null {
  if (text === null || text === undefined || text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  const record = value as Record<string, unknown>
  const title = typeof record.title === 'string' ? record.title.trim() : ''
  if (title === '') return null
  const caseId = typeof record.caseId === 'string' && record.caseId !== '' ? record.caseId : null
  return {
    title: title.slice(0, TITLE_LIMIT),
    body: typeof record.body === 'string' ? record.body.slice(0, BODY_LIMIT) : '',
    caseId,
    url: appUrl(record.url, caseId),
  }
}

/**
 * A path inside the app: the payload's `url` when it is same-origin and relative, else the
 * case's page, else the inbox. Never an absolute or protocol-relative URL (a notification
 * must not open another site).
 */
export function appUrl(url: unknown, caseId: string | null = null): string {
  if (typeof url === 'string' && isAppPath(url)) return url
  if (caseId !== null) return `/cases/${encodeURIComponent(caseId)}`
  return INBOX_URL
}

function isAppPath(url: string): boolean {
  // "/x" but not "//host" or "/\host" (browsers treat a backslash like a slash), and no
  // control characters or whitespace that URL parsing would strip.
  return /^\/(?![/\\])[^\s\\]*$/.test(url) && url.length <= 2048
}

/** The notification for a payload (null: the generic one). One per case, replacing older. */
export function notificationFor(payload: PushPayload | null): NotificationSpec {
  const common = { lang: 'zh-CN', icon: ICON, badge: ICON }
  if (payload === null) {
    return {
      title: GENERIC_NOTIFICATION.title,
      options: {
        ...common,
        body: GENERIC_NOTIFICATION.body,
        tag: INBOX_TAG,
        data: { url: INBOX_URL },
      },
    }
  }
  return {
    title: payload.title,
    options: {
      ...common,
      body: payload.body,
      tag: payload.caseId === null ? INBOX_TAG : `case:${payload.caseId}`,
      data: { url: payload.url },
    },
  }
}

/** The path a click opens, read back from `notification.data`. */
export function clickTarget(data: unknown): string {
  const url =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>).url : null
  return appUrl(url)
}

/** Message the service worker posts to an open app window to show a page. */
export const OPEN_URL_MESSAGE = 'doorstep:open-url'
/** Message telling open windows that a push arrived (they may pull at once). */
export const PUSH_RECEIVED_MESSAGE = 'doorstep:push-received'

/** Message telling open windows the browser renewed the subscription (register it again). */
export const SUBSCRIPTION_CHANGED_MESSAGE = 'doorstep:push-subscription-changed'

export interface OpenUrlMessage {
  type: typeof OPEN_URL_MESSAGE
  url: string
}

/** The path to open when `data` is an OpenUrlMessage from our service worker; else null. */
export function openUrlFromMessage(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null
  const record = data as Record<string, unknown>
  if (record.type !== OPEN_URL_MESSAGE || typeof record.url !== 'string') return null
  return isAppPath(record.url) ? record.url : null
}
