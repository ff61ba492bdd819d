// Pure conversions between the browser's push subscription and our GraphQL arguments.

/** base64url (the VAPID public key as the server sends it) → bytes for applicationServerKey. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.trim().replace(/-/g, '+').replace(/_/g, '/')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('not base64url')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** A VAPID public key is an uncompressed P-256 point: 65 bytes starting with 0x04. */
export function vapidKeyBytes(value: string): Uint8Array<ArrayBuffer> | null {
  try {
    const bytes = base64UrlToBytes(value)
    return bytes.length === 65 && bytes[0] === 4 ? bytes : null
  } catch {
    return null
  }
}

export interface SubscriptionArgs {
  endpoint: string
  p256dh: string
  auth: string
}

/** `subscription.toJSON()` → registerPushSubscription's arguments (null if incomplete). */
export function subscriptionArgs(json: {
  endpoint?: string | null
  keys?: Record<string, string>
}): SubscriptionArgs | null {
  const endpoint = json.endpoint ?? ''
  const p256dh = json.keys?.p256dh ?? ''
  const auth = json.keys?.auth ?? ''
  if (endpoint === '' || p256dh === '' || auth === '') return null
  return { endpoint, p256dh, auth }
}
