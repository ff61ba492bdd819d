// Shared-data verification through GraphQL: the sources' health (admins), a case's queries
// (its audit, no results), and querySharedData (needs a purpose; the server checks roles,
// ownership, consent and the rate limit).
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  QuerySharedDataMutation,
  RegistryHealthQuery,
  SharedDataQueriesQuery,
  SharedSource,
} from '@/api/graphql-types'

export type SourceHealth = RegistryHealthQuery['registryHealth'][number]
export type SharedQuery = SharedDataQueriesQuery['sharedDataQueries'][number]
export type QueryOutcome = QuerySharedDataMutation['querySharedData']
export const SOURCES: readonly SharedSource[] = [
  'REAL_ESTATE',
  'MARRIAGE',
  'HOUSING_FILING',
  'CREDIT',
]
export const FIRST_SOURCE: SharedSource = 'REAL_ESTATE'

const HEALTH = gql`
  query RegistryHealth {
    registryHealth {
      source
      label
      configured
      status
      breaker
      retryAt
      calls
      errorRate
      p50Ms
      p95Ms
      lastOkAt
      lastError
    }
  }
`

const QUERIES = gql`
  query SharedDataQueries($caseId: ID) {
    sharedDataQueries(caseId: $caseId) {
      id
      caseId
      source
      purpose
      actor {
        username
      }
      at
      status
      trigger
    }
  }
`

const QUERY = gql`
  mutation QuerySharedData($caseId: ID!, $source: SharedSource!, $purpose: String!) {
    querySharedData(caseId: $caseId, source: $source, purpose: $purpose) {
      id
      status
      evidence
    }
  }
`

export async function registryHealth(client: GraphQLClient): Promise<SourceHealth[]> {
  return (await client.request<RegistryHealthQuery>(HEALTH)).registryHealth
}

export async function caseQueries(client: GraphQLClient, caseId: string): Promise<SharedQuery[]> {
  return (await client.request<SharedDataQueriesQuery>(QUERIES, { caseId })).sharedDataQueries
}

export async function querySharedData(
  client: GraphQLClient,
  caseId: string,
  source: SharedSource,
  purpose: string,
): Promise<QueryOutcome> {
  const variables = { caseId, source, purpose }
  return (await client.request<QuerySharedDataMutation>(QUERY, variables)).querySharedData
}

/** How many mismatches a query's evidence lists (a JSON list of flags). */
export function mismatchCount(evidence: unknown): number {
  return Array.isArray(evidence) ? evidence.length : 0
}
