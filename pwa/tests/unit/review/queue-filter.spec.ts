import { describe, expect, it } from 'vitest'

import { datesBackwards, NO_FILTER } from '@/features/review/review-api'

describe('review queue filter', () => {
  it('refuses an end date before the start date, both days included', () => {
    const range = (from: string | null, to: string | null) => ({
      ...NO_FILTER,
      submittedFrom: from,
      submittedTo: to,
    })
    expect(datesBackwards(range('2026-11-02', '2026-11-01'))).toBe(true)
    expect(datesBackwards(range('2026-11-01', '2026-11-01'))).toBe(false)
    expect(datesBackwards(range('2026-11-01', null))).toBe(false)
    expect(datesBackwards(NO_FILTER)).toBe(false)
  })
})
