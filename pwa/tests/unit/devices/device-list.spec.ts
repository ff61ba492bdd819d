import { describe, expect, it } from 'vitest'

import { canRevoke, groupByPerson, localTime, shortId } from '@/features/devices/device-list'

function device(clientId: string, userId: string, role = 'FIELD_STAFF', revoked = false) {
  return {
    clientId,
    lastSeen: '2026-11-27T04:00:00+00:00',
    revoked,
    user: {
      id: userId,
      username: `user-${userId}`,
      displayName: userId === 'u2' ? '' : `名${userId}`,
      role,
    },
  }
}

describe('groupByPerson', () => {
  it('keeps the server order: people by their newest device, devices newest first', () => {
    const groups = groupByPerson([device('a', 'u1'), device('b', 'u2'), device('c', 'u1')])
    expect(groups.map((group) => group.userId)).toEqual(['u1', 'u2'])
    expect(groups[0]!.devices.map((item) => item.clientId)).toEqual(['a', 'c'])
    expect(groups[0]!.name).toBe('名u1')
    // No display name: the username stands in.
    expect(groups[1]!.name).toBe('user-u2')
  })

  it('is empty for no devices', () => {
    expect(groupByPerson([])).toEqual([])
  })
})

describe('localTime', () => {
  it('shows the instant in the local time zone', () => {
    const iso = '2026-11-27T04:05:00+00:00'
    const at = new Date(iso)
    const expected =
      `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-` +
      `${String(at.getDate()).padStart(2, '0')} ` +
      `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
    expect(localTime(iso)).toBe(expected)
    expect(localTime(iso)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:05$/)
  })

  it('leaves an unreadable value as it is', () => {
    expect(localTime('not a time')).toBe('not a time')
  })
})

describe('shortId', () => {
  it('is the first 8 hex digits, upper case', () => {
    expect(shortId('0f3a9c1e-77b2-4c11-9d2e-123456789abc')).toBe('0F3A9C1E')
  })
})

describe('canRevoke', () => {
  it('admins stop anyone, supervisors field staff only, nobody a stopped device', () => {
    expect(canRevoke('ADMIN', device('a', 'u1', 'SUPERVISOR'))).toBe(true)
    expect(canRevoke('SUPERVISOR', device('a', 'u1', 'FIELD_STAFF'))).toBe(true)
    expect(canRevoke('SUPERVISOR', device('a', 'u1', 'SUPERVISOR'))).toBe(false)
    expect(canRevoke('FIELD_STAFF', device('a', 'u1', 'FIELD_STAFF'))).toBe(false)
    expect(canRevoke(undefined, device('a', 'u1'))).toBe(false)
    expect(canRevoke('ADMIN', device('a', 'u1', 'FIELD_STAFF', true))).toBe(false)
  })
})
