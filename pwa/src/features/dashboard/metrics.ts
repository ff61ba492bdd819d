// The 考核 data: staffMetrics over a period, and the same rows as CSV for a spreadsheet.
import type { GraphQLClient } from '@/api/client'

export interface StaffMetricsRow {
  staff: { username: string; displayName: string }
  submitted: number
  approved: number
  returned: number
  returnRate: number | null
  medianHoursToApproval: number | null
  flagsByRule: Record<string, number>
}

const STAFF_METRICS = `query StaffMetrics($from: Date!, $to: Date!) {
  staffMetrics(from: $from, to: $to) {
    staff { username displayName } submitted approved returned returnRate
    medianHoursToApproval flagsByRule
  }
}`

export async function fetchStaffMetrics(
  client: GraphQLClient,
  from: string,
  to: string,
): Promise<StaffMetricsRow[]> {
  const data = await client.request<{ staffMetrics: StaffMetricsRow[] }>(STAFF_METRICS, {
    from,
    to,
  })
  return data.staffMetrics
}

export const CSV_HEADER = [
  '外勤人员',
  '用户名',
  '提交',
  '通过',
  '退回',
  '退回率',
  '走访至通过（小时，中位数）',
  '风险提示（按规则）',
]

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  // Quote everything that could break a row; a leading =+-@ is neutralised (CSV injection).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** CSV with a BOM, so Excel opens the Chinese text as UTF-8. */
export function metricsCsv(rows: readonly StaffMetricsRow[]): string {
  const lines = [CSV_HEADER.map(cell).join(',')]
  for (const row of rows) {
    const flags = Object.entries(row.flagsByRule)
      .map(([code, n]) => `${code}:${n}`)
      .join('; ')
    lines.push(
      [
        row.staff.displayName,
        row.staff.username,
        row.submitted,
        row.approved,
        row.returned,
        row.returnRate === null ? null : `${(row.returnRate * 100).toFixed(1)}%`,
        row.medianHoursToApproval,
        flags,
      ]
        .map(cell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The last `days` days up to today, as ISO dates. */
export function defaultPeriod(today = new Date(), days = 30): { from: string; to: string } {
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  return { from: iso(new Date(today.getTime() - (days - 1) * 86_400_000)), to: iso(today) }
}
