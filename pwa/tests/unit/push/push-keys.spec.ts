import { describe, expect, it } from 'vitest'

import { ApiError } from '@/api/errors'
import { PushError, pushFailure } from '@/features/push/push-failure'
import { base64UrlToBytes, subscriptionArgs, vapidKeyBytes } from '@/features/push/push-keys'

// A real P-256 public key as the server sends it (uncompressed point, base64url, no padding).
const VAPID =
  'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM'

describe('the VAPID public key', () => {
  it('decodes from base64url to the 65-byte point subscribe needs', () => {
    const bytes = vapidKeyBytes(VAPID)
    expect(bytes).toBeInstanceOf(Uint8Array)
    expect(bytes).toHaveLength(65)
    expect(bytes?.[0]).toBe(4)
  })

  it('base64url uses - and _ where base64 has + and /', () => {
    expect([...base64UrlToBytes('-_8')]).toEqual([0xfb, 0xff])
    expect([...base64UrlToBytes('AQID')]).toEqual([1, 2, 3])
  })

  it('anything that is not a P-256 point is refused', () => {
    expect(vapidKeyBytes('')).toBeNull()
    expect(vapidKeyBytes('AQID')).toBeNull()
    expect(vapidKeyBytes('not base64 at all!')).toBeNull()
    expect(vapidKeyBytes(VAPID.replace(/^B/, 'A'))).toBeNull() // first byte not 0x04
  })
})

describe('a subscription as registerPushSubscription arguments', () => {
  it('takes the endpoint and both keys from toJSON()', () => {
    expect(
      subscriptionArgs({
        endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
        keys: { p256dh: 'BPx', auth: 'au' },
      }),
    ).toEqual({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', p256dh: 'BPx', auth: 'au' })
  })

  it('is null when the browser gave no keys', () => {
    expect(subscriptionArgs({ endpoint: 'https://push.example/1' })).toBeNull()
    expect(subscriptionArgs({ endpoint: '', keys: { p256dh: 'a', auth: 'b' } })).toBeNull()
  })
})

describe('why turning push on failed', () => {
  const domError = (name: string) => Object.assign(new Error(name), { name })

  it.each([
    [domError('NotAllowedError'), 'denied'],
    [domError('NotSupportedError'), 'unsupported'],
    [domError('InvalidStateError'), 'unsupported'],
    [domError('AbortError'), 'unreachable'],
    [
      Object.assign(new Error('Registration failed - push service error'), { name: 'AbortError' }),
      'unreachable',
    ],
    [
      // Chrome in an incognito window
      Object.assign(new Error('Registration failed - permission denied'), { name: 'AbortError' }),
      'unsupported',
    ],
    [new PushError('dismissed'), 'dismissed'],
    [new ApiError('NETWORK_ERROR', null), 'offline'],
    [new ApiError('PUSH_ENDPOINT_INVALID', '推送地址无效'), 'server'],
  ])('%s → %s', (error, reason) => {
    expect(pushFailure(error)).toBe(reason)
  })
})
