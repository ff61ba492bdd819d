import { describe, expect, it } from 'vitest'

import { exportFileName, exportPath, exportProblem } from '@/features/dashboard/exports'

describe('staff metrics export', () => {
  it('asks the server for the period in the chosen format', () => {
    expect(exportPath('xlsx', '2026-11-01', '2026-11-27')).toBe(
      '/exports/staff-metrics.xlsx?from=2026-11-01&to=2026-11-27',
    )
    expect(exportFileName('csv', '2026-11-01', '2026-11-27')).toBe(
      'staff-metrics-2026-11-01-2026-11-27.csv',
    )
  })

  it("shows the server's Chinese message when the export is refused", async () => {
    const refused = new Response(
      JSON.stringify({ code: 'FORBIDDEN', message: '只有主管和管理员可以导出考核指标。' }),
      { status: 403 },
    )
    expect(await exportProblem(refused, '导出失败')).toBe('只有主管和管理员可以导出考核指标。')
    expect(await exportProblem(new Response('<html>', { status: 502 }), '导出失败')).toBe(
      '导出失败',
    )
  })
})
