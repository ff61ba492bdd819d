import { describe, expect, it } from 'vitest'

import { daysText, noShowText, visitMetricsRows } from '@/features/dashboard/visit-metrics'

const user = (id: string, displayName: string) => ({ id, displayName })

describe('visit metrics on the dashboard', () => {
  it('lists the busiest first with the no-show rate as a percentage', () => {
    const rows = visitMetricsRows({
      medianDaysToVisit: 2.5,
      staff: [
        {
          user: user('a', '李娜'),
          done: 2,
          missed: 1,
          planned: 4,
          perWeek: 0.47,
          noShowRate: 0.333,
        },
        { user: user('b', '王芳'), done: 9, missed: 0, planned: 9, perWeek: 2.1, noShowRate: 0 },
        { user: user('c', '张伟'), done: 0, missed: 0, planned: 1, perWeek: 0, noShowRate: null },
      ],
    })
    expect(rows.map((r) => [r.name, r.perWeek, r.noShow])).toEqual([
      ['王芳', '2.1', '0.0%'],
      ['李娜', '0.5', '33.3%'],
      ['张伟', '0.0', '—'],
    ])
    expect(rows[1]).toMatchObject({ id: 'a', done: 2, missed: 1, planned: 4 })
  })

  it('shows the days from request to visit, or a dash when no visit was made', () => {
    expect(daysText(2.25)).toBe('2.3 天')
    expect(daysText(null)).toBe('—')
    expect(noShowText(null)).toBe('—')
  })
})
