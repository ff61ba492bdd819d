import { describe, expect, it } from 'vitest'

import { shiftMoments } from '@/features/consultation/staffing-api'

describe('shiftMoments', () => {
  it('gives a day shift in the centre time zone', () => {
    expect(shiftMoments('2026-12-08', '09:00', '17:30')).toEqual({
      startsAt: '2026-12-08T09:00:00+08:00',
      endsAt: '2026-12-08T17:30:00+08:00',
    })
  })

  it('ends a night shift on the next day, also across a month', () => {
    expect(shiftMoments('2026-12-31', '20:00', '02:00')).toEqual({
      startsAt: '2026-12-31T20:00:00+08:00',
      endsAt: '2027-01-01T02:00:00+08:00',
    })
  })
})
