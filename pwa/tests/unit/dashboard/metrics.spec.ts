import { describe, expect, it } from 'vitest'

import { defaultPeriod, metricsCsv, type StaffMetricsRow } from '@/features/dashboard/metrics'

const ROW: StaffMetricsRow = {
  staff: { username: 'staff1', displayName: '王芳' },
  submitted: 3,
  approved: 2,
  returned: 1,
  returnRate: 1 / 3,
  medianHoursToApproval: 15,
  flagsByRule: { AMOUNT_MISMATCH: 2, NAME_MISMATCH: 1 },
}

describe('metrics CSV', () => {
  it('starts with a BOM and writes one row per staff member', () => {
    const csv = metricsCsv([ROW])
    expect(csv.startsWith('\uFEFF外勤人员,用户名,提交')).toBe(true)
    const lines = csv.slice(1).trimEnd().split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('王芳,staff1,3,2,1,33.3%,15,AMOUNT_MISMATCH:2; NAME_MISMATCH:1')
  })

  it('quotes commas and neutralises formulas', () => {
    const csv = metricsCsv([{ ...ROW, staff: { username: '=cmd', displayName: '王,芳' } }])
    expect(csv).toContain(`"王,芳","'=cmd"`)
  })

  it('defaults to the last 30 days', () => {
    expect(defaultPeriod(new Date('2026-11-27T12:00:00Z'))).toEqual({
      from: '2026-10-29',
      to: '2026-11-27',
    })
  })
})
