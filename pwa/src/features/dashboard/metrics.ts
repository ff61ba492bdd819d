// The 考核 data: staffMetrics over a period (the CSV/XLSX exports come from the server).
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

/** The last `days` days up to today (the centre's calendar day, UTC+8), as ISO dates. */
export function defaultPeriod(today = new Date(), days = 30): { from: string; to: string } {
  const iso = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
  return { from: iso(new Date(today.getTime() - (days - 1) * 86_400_000)), to: iso(today) }
}
