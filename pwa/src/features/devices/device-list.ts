// Pure parts of 设备管理: devices grouped per person, times in the tablet's local time.

export interface DeviceLike {
  clientId: string
  lastSeen: string
  revoked: boolean
  user: { id: string; username: string; displayName: string; role: string }
}

/**
 * Whether the viewer may stop this device (as the server decides): admins any, a
 * supervisor their team's field staff's (the list holds only their team). Stopped ones not.
 */
export function canRevoke(viewerRole: string | undefined, device: DeviceLike): boolean {
  if (device.revoked) return false
  if (viewerRole === 'ADMIN') return true
  return viewerRole === 'SUPERVISOR' && device.user.role === 'FIELD_STAFF'
}

export interface PersonDevices<D extends DeviceLike> {
  userId: string
  name: string
  username: string
  devices: D[]
}

/**
 * One group per person, the most recently active person first; inside a group the server's
 * order (newest activity first) is kept.
 */
export function groupByPerson<D extends DeviceLike>(devices: readonly D[]): PersonDevices<D>[] {
  const groups = new Map<string, PersonDevices<D>>()
  for (const device of devices) {
    let group = groups.get(device.user.id)
    if (group === undefined) {
      group = {
        userId: device.user.id,
        name: device.user.displayName || device.user.username,
        username: device.user.username,
        devices: [],
      }
      groups.set(device.user.id, group)
    }
    group.devices.push(device)
  }
  return [...groups.values()]
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** `2026-11-27 12:08` in the tablet's time zone (the server sends UTC ISO times). */
export function localTime(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
  return `${date} ${pad(at.getHours())}:${pad(at.getMinutes())}`
}

/** A short, readable form of a client id (its first 8 characters), for telling tablets apart. */
export function shortId(clientId: string): string {
  return clientId.replace(/-/g, '').slice(0, 8).toUpperCase()
}
