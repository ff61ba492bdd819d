import type { PushMessages } from './messages.zh-CN'

const pushEn: PushMessages = {
  switch: 'Push notifications',
  onHint: 'New messages pop up on this device',
  offHint: 'While off, new messages appear only in Inbox',
  enabled: 'Push notifications are on',
  disabled: 'Push notifications are off',
  failures: {
    unsupported:
      'This browser (or a private window) does not support push notifications. New messages still appear in Inbox.',
    denied:
      'Notifications are blocked for this site. To turn push on, allow notifications in the browser’s site settings; new messages still appear in Inbox.',
    dismissed: 'Notification permission was not given; push notifications are off.',
    unreachable:
      'The browser’s push service cannot be reached, so push notifications are off. In mainland China Chrome’s push service is blocked; new messages still arrive in the app’s Inbox.',
    offline: 'The server cannot be reached; push notifications are off. Please try again online.',
    server: 'The server could not register push notifications. Please try again later.',
  },
}

export default pushEn
