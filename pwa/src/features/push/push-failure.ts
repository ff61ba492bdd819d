// Why turning push on failed, as one of a few reasons the switch explains in words.
import { isApiError } from '@/api/errors'

export type PushFailure =
  /** No service worker, PushManager or Notification here (not https, or a private window). */
  | 'unsupported'
  /** The person (or a policy) blocked notifications for this site. */
  | 'denied'
  /** The permission prompt was closed without an answer. */
  | 'dismissed'
  /** The browser's push service could not be reached (blocked network, e.g. FCM in mainland China). */
  | 'unreachable'
  /** Our server could not be reached to register the subscription. */
  | 'offline'
  /** Our server refused (its own Chinese message is shown). */
  | 'server'

export class PushError extends Error {
  override readonly name = 'PushError'
  constructor(
    readonly reason: PushFailure,
    override readonly cause?: unknown,
  ) {
    super(reason)
  }
}

/**
 * The reason for an error thrown by `pushManager.subscribe` or our API calls.
 * subscribe rejects with NotAllowedError when permission is missing, NotSupportedError or
 * InvalidStateError when the browser cannot do push here, and AbortError ("Registration
 * failed - push service error") when its push service does not answer.
 */
export function pushFailure(error: unknown): PushFailure {
  if (error instanceof PushError) return error.reason
  if (isApiError(error)) return error.code === 'NETWORK_ERROR' ? 'offline' : 'server'
  const { name, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown
    message?: unknown
  }
  if (name === 'NotAllowedError') return 'denied'
  // Chrome's incognito windows have no push at all: subscribe fails with "Registration
  // failed - permission denied" although notifications are allowed.
  if (name === 'AbortError' && typeof message === 'string' && /permission denied/i.test(message)) {
    return 'unsupported'
  }
  if (name === 'NotSupportedError' || name === 'InvalidStateError') return 'unsupported'
  return 'unreachable'
}
