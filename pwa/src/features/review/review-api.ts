// The supervisor's GraphQL calls: the case list, one case in full, and the decision.
import type { GraphQLClient } from '@/api/client'

export interface Check {
  code: string
  severity: string
  field: string | null
  message: string
}
export interface Flag extends Check {
  evidence: unknown
}
export interface CaseDocument {
  id: string
  docType: string | null
  status: string
  sha256: string
  fields: Record<string, unknown>
  checks: Check[]
}
export interface HistoryItem {
  at: string
  actor: string
  action: string
  fromStatus: string | null
  toStatus: string | null
  reason: string | null
}
export interface CaseSummary {
  id: string
  kind: string
  status: string
  version: number
  fields: Record<string, unknown>
  assignee: { displayName: string } | null
  /** Highest severity of the case's flags and checks: none, warning or error. */
  risk: RiskLevel | null
}
export type RiskLevel = 'none' | 'warning' | 'error'
export interface CaseDetail extends Omit<CaseSummary, 'risk'> {
  documents: CaseDocument[]
  flags: Flag[]
  history: HistoryItem[]
}
export interface CasePage {
  cases: CaseSummary[]
  endCursor: string | null
  hasNextPage: boolean
}

const CASES = `query Cases($status: String, $risk: String, $staffId: ID, $submittedFrom: Date,
  $submittedTo: Date, $first: Int, $after: String) {
  cases(status: $status, risk: $risk, staffId: $staffId, submittedFrom: $submittedFrom,
    submittedTo: $submittedTo, first: $first, after: $after) {
    edges { node { id kind status version fields assignee { displayName } risk } }
    pageInfo { endCursor hasNextPage }
  }
}`

// The team's field workers who had cases in the last year (those the queue can show).
const TEAM_STAFF = `query TeamStaff($from: Date!, $to: Date!) {
  staffMetrics(from: $from, to: $to) { staff { id displayName } }
}`

const DETAIL_FIELDS = `id kind status version fields assignee { displayName }
  documents { id docType status sha256 fields checks { code severity field message } }
  flags { code severity field message evidence }
  history { at actor action fromStatus toStatus reason }`

const CASE = `query Case($id: ID!) { case(id: $id) { ${DETAIL_FIELDS} } }`

const REVIEW = `mutation Review($id: ID!, $decision: ReviewDecision!, $reason: String) {
  reviewCase(id: $id, decision: $decision, reason: $reason) { ${DETAIL_FIELDS} }
}`

export const PAGE_SIZE = 20

/** What the 待审核 queue is narrowed to; null means any. Dates are ISO days, both included. */
export interface QueueFilter {
  status: string | null
  risk: RiskLevel | null
  staffId: string | null
  submittedFrom: string | null
  submittedTo: string | null
}

export const NO_FILTER: QueueFilter = {
  status: null,
  risk: null,
  staffId: null,
  submittedFrom: null,
  submittedTo: null,
}

/** A date range the server would refuse: the end before the start. */
export function datesBackwards(filter: QueueFilter): boolean {
  const { submittedFrom: from, submittedTo: to } = filter
  return from !== null && to !== null && to < from
}

export async function fetchCases(
  client: GraphQLClient,
  filter: QueueFilter,
  after: string | null,
): Promise<CasePage> {
  const data = await client.request<{
    cases: {
      edges: { node: CaseSummary }[]
      pageInfo: { endCursor: string | null; hasNextPage: boolean }
    }
  }>(CASES, { ...filter, first: PAGE_SIZE, after })
  return {
    cases: data.cases.edges.map((edge) => edge.node),
    endCursor: data.cases.pageInfo.endCursor,
    hasNextPage: data.cases.pageInfo.hasNextPage,
  }
}

export interface StaffOption {
  id: string
  displayName: string
}

export async function fetchTeamStaff(
  client: GraphQLClient,
  today = new Date(),
): Promise<StaffOption[]> {
  const iso = (d: Date) => d.toISOString().slice(0, 10)
  const from = iso(new Date(today.getTime() - 365 * 86_400_000))
  const data = await client.request<{ staffMetrics: { staff: StaffOption }[] }>(TEAM_STAFF, {
    from,
    to: iso(today),
  })
  return data.staffMetrics.map((row) => row.staff)
}

export async function fetchCase(client: GraphQLClient, id: string): Promise<CaseDetail> {
  const data = await client.request<{ case: CaseDetail }>(CASE, { id })
  return data.case
}

export type Decision = 'APPROVE' | 'RETURN'

export async function reviewCase(
  client: GraphQLClient,
  id: string,
  decision: Decision,
  reason: string | null,
): Promise<CaseDetail> {
  const data = await client.request<{ reviewCase: CaseDetail }>(REVIEW, { id, decision, reason })
  return data.reviewCase
}

/** The name a list row shows: the person for a withdrawal, the company for a registration. */
export function caseTitle(item: { kind: string; fields: Record<string, unknown> }): string {
  const key = item.kind === 'unit_registration' ? 'unit_name' : 'name'
  const value = item.fields[key]
  return typeof value === 'string' && value !== '' ? value : '—'
}

/** A return needs a reason a person can act on; whitespace is not one. */
export function returnReasonProblem(reason: string): 'required' | null {
  return reason.trim() === '' ? 'required' : null
}
