import { describe, expect, it } from 'vitest'

import { defaultPeriod } from '@/features/dashboard/metrics'

describe('metrics period', () => {
  it('defaults to the last 30 days', () => {
    expect(defaultPeriod(new Date('2026-11-27T12:00:00Z'))).toEqual({
      from: '2026-10-29',
      to: '2026-11-27',
    })
  })

  it("ends on the centre's day, not the UTC one, in the early morning in China", () => {
    expect(defaultPeriod(new Date('2026-12-06T20:43:00Z'))).toEqual({
      from: '2026-11-08',
      to: '2026-12-07',
    })
  })
})
