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
  flags: { code: string; severity: string }[]
}
export interface CaseDetail extends Omit<CaseSummary, 'flags'> {
  documents: CaseDocument[]
  flags: Flag[]
  history: HistoryItem[]
}
export interface CasePage {
  cases: CaseSummary[]
  endCursor: string | null
  hasNextPage: boolean
}

const CASES = `query Cases($status: String, $first: Int, $after: String) {
  cases(status: $status, first: $first, after: $after) {
    edges { node { id kind status version fields assignee { displayName } flags { code severity } } }
    pageInfo { endCursor hasNextPage }
  }
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

export async function fetchCases(
  client: GraphQLClient,
  status: string | null,
  after: string | null,
): Promise<CasePage> {
  const data = await client.request<{
    cases: {
      edges: { node: CaseSummary }[]
      pageInfo: { endCursor: string | null; hasNextPage: boolean }
    }
  }>(CASES, { status, first: PAGE_SIZE, after })
  return {
    cases: data.cases.edges.map((edge) => edge.node),
    endCursor: data.cases.pageInfo.endCursor,
    hasNextPage: data.cases.pageInfo.hasNextPage,
  }
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
