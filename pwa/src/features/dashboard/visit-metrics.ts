// 上门指标 on the supervisors' dashboard: visits made per person per week, the no-show
// rate (不在家 ÷ 完成 + 不在家) and the median days from the request to the visit, from the
// visits domain's `visitMetrics` query.
import type { GraphQLClient } from '@/api/client'
import type { VisitMetricsQuery } from '@/api/graphql-types'
import { visitMetrics } from '@/features/visits/visits-api'

export type VisitMetrics = VisitMetricsQuery['visitMetrics']

export interface VisitMetricsRow {
  id: string
  name: string
  done: number
  missed: number
  planned: number
  perWeek: string
  noShow: string
}

export function fetchVisitMetrics(
  client: GraphQLClient,
  from: string,
  to: string,
): Promise<VisitMetrics> {
  return visitMetrics(client, from, to)
}

export function noShowText(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`
}

export function daysText(days: number | null): string {
  return days === null ? '—' : `${days.toFixed(1)} 天`
}

/** Table rows, busiest first (visits made per week), then by name. */
export function visitMetricsRows(metrics: VisitMetrics): VisitMetricsRow[] {
  return [...metrics.staff]
    .sort(
      (a, b) => b.perWeek - a.perWeek || a.user.displayName.localeCompare(b.user.displayName, 'zh'),
    )
    .map((m) => ({
      id: m.user.id,
      name: m.user.displayName,
      done: m.done,
      missed: m.missed,
      planned: m.planned,
      perWeek: m.perWeek.toFixed(1),
      noShow: noShowText(m.noShowRate),
    }))
}
