// Device administration: the same keys as messages.zh-CN.ts.
export default {
  title: 'Devices',
  intro: 'Stop a lost or stolen tablet here. A stopped tablet can no longer sync.',
  empty: 'No device has synced yet',
  device: 'Device {id}',
  lastSeen: 'Last sync: {at}',
  firstSeen: 'First sync: {at}',
  revoked: 'Stopped',
  revokedAt: 'Stopped {at} by {by}',
  revokedAtNoActor: 'Stopped {at}',
  revoke: 'Stop this device',
  confirmTitle: 'Stop this device?',
  confirmMessage:
    "{name}'s device {id} will be stopped: at its next contact it sends its unsent work, then erases the local data on the tablet and can no longer sync. This cannot be undone.",
  confirm: 'Stop',
  cancel: 'Cancel',
  revokedToast: 'Device stopped',
  loadFailed: 'Could not load the devices: {message}',
  revokeFailed: 'Could not stop the device: {message}',
  retry: 'Retry',
}
