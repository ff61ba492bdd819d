// Visits through GraphQL: the public request and its ticket (no account), dispatch for
// supervisors (list, week, suggestions, scheduling), handover (业务衔接) and company outreach.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  DispatchVisitsQuery,
  EnterVisitRequestMutation,
  HandOverMutation,
  HandoversQuery,
  ImportOutreachMutation,
  MarkHandoverExportedMutation,
  OutreachQuery,
  PlanCompanyVisitMutation,
  RequestVisitMutation,
  RevokeHandedOverMutation,
  ScheduleVisitMutation,
  VisitRequestInput,
  VisitMetricsQuery,
  VisitStaffQuery,
  VisitSuggestionsQuery,
  VisitTicketQuery,
} from '@/api/graphql-types'

export type DispatchVisit = DispatchVisitsQuery['visits'][number]
export type StaffRow = VisitStaffQuery['visitStaff'][number]
export type Suggestion = VisitSuggestionsQuery['visitAssigneeSuggestions'][number]
export type HandoverItem = HandOverMutation['handOver']
export type TicketStatus = VisitTicketQuery['visitTicket']
export type OutreachData = OutreachQuery

const REQUEST = gql`
  mutation RequestVisit($input: VisitRequestInput!) {
    requestVisit(input: $input) {
      id
      status
      ticket
    }
  }
`

const ENTER = gql`
  mutation EnterVisitRequest($input: VisitRequestInput!, $channel: String!) {
    enterVisitRequest(input: $input, channel: $channel) {
      id
      status
      ticket
    }
  }
`

const TICKET = gql`
  query VisitTicket($ticket: String!) {
    visitTicket(ticket: $ticket) {
      status
      statusLabel
      kind
      requestedAt
      scheduledFor
      slot
      outcome
    }
  }
`

const VISITS = gql`
  query DispatchVisits($dateFrom: Date, $dateTo: Date, $status: String) {
    visits(dateFrom: $dateFrom, dateTo: $dateTo, status: $status) {
      id
      kind
      status
      statusLabel
      channel
      name
      phone
      address
      note
      preferredDate
      scheduledFor
      slot
      caseId
      outcome
      assignee {
        id
        username
        displayName
      }
    }
  }
`

const METRICS = gql`
  query VisitMetrics($dateFrom: Date!, $dateTo: Date!) {
    visitMetrics(dateFrom: $dateFrom, dateTo: $dateTo) {
      medianDaysToVisit
      staff {
        done
        missed
        planned
        perWeek
        noShowRate
        user {
          id
          displayName
        }
      }
    }
  }
`

const STAFF = gql`
  query VisitStaff($date: Date!) {
    visitStaff(date: $date) {
      areas
      visitsThatDay
      user {
        id
        username
        displayName
      }
    }
  }
`

const SUGGEST = gql`
  query VisitSuggestions($visitId: ID!, $date: Date!) {
    visitAssigneeSuggestions(visitId: $visitId, date: $date) {
      visitsThatDay
      user {
        id
        username
        displayName
      }
    }
  }
`

const SCHEDULE = gql`
  mutation ScheduleVisit($id: ID!, $staffId: ID!, $date: Date!, $slot: String) {
    scheduleVisit(id: $id, staffId: $staffId, date: $date, slot: $slot) {
      id
      status
      scheduledFor
      assignee {
        username
      }
    }
  }
`

const HANDOVER_FIELDS = gql`
  fragment HandoverFields on HandoverResult {
    id
    cases
    visits
    counts
    complete
    reason
    at
    devices {
      clientId
      state
      lastMutationIdAtHandover
      lastMutationIdNow
    }
  }
`

const HAND_OVER = gql`
  mutation HandOver($fromUserId: ID!, $toUserId: ID!, $reason: String!) {
    handOver(fromUserId: $fromUserId, toUserId: $toUserId, reason: $reason) {
      ...HandoverFields
    }
  }
  ${HANDOVER_FIELDS}
`

const HANDOVERS = gql`
  query Handovers($userId: ID!) {
    handovers(userId: $userId) {
      ...HandoverFields
    }
  }
  ${HANDOVER_FIELDS}
`

const MARK_EXPORTED = gql`
  mutation MarkHandoverExported($handoverId: ID!, $clientId: String!) {
    markHandoverDeviceExported(handoverId: $handoverId, clientId: $clientId) {
      id
    }
  }
`

const REVOKE = gql`
  mutation RevokeHandedOver($handoverId: ID!) {
    revokeHandedOverDevices(handoverId: $handoverId)
  }
`

const OUTREACH = gql`
  query Outreach {
    outreachSummary {
      batch
      companies
      visited
      registered
      rate
    }
    outreachCompanies {
      id
      batch
      name
      uscc
      address
      phone
      visitId
    }
  }
`

const IMPORT = gql`
  mutation ImportOutreach($batch: String!, $csv: String!) {
    importOutreachCompanies(batch: $batch, csv: $csv) {
      imported
      skipped
    }
  }
`

const PLAN = gql`
  mutation PlanCompanyVisit($companyId: ID!, $staffId: ID!, $date: Date!, $slot: String) {
    planCompanyVisit(companyId: $companyId, staffId: $staffId, date: $date, slot: $slot) {
      id
    }
  }
`

export async function requestVisit(
  client: GraphQLClient,
  input: VisitRequestInput,
): Promise<RequestVisitMutation['requestVisit']> {
  return (await client.request<RequestVisitMutation>(REQUEST, { input })).requestVisit
}

/** Hotline or window staff entering a caller's request (no rate limit: signed in). */
export async function enterVisitRequest(
  client: GraphQLClient,
  input: VisitRequestInput,
  channel: 'hotline' | 'window',
): Promise<EnterVisitRequestMutation['enterVisitRequest']> {
  return (await client.request<EnterVisitRequestMutation>(ENTER, { input, channel }))
    .enterVisitRequest
}

export async function ticketStatus(client: GraphQLClient, ticket: string): Promise<TicketStatus> {
  return (await client.request<VisitTicketQuery>(TICKET, { ticket })).visitTicket
}

export async function dispatchVisits(
  client: GraphQLClient,
  dateFrom: string | null,
  dateTo: string | null,
  status: string | null,
): Promise<DispatchVisit[]> {
  return (await client.request<DispatchVisitsQuery>(VISITS, { dateFrom, dateTo, status })).visits
}

export async function visitMetrics(
  client: GraphQLClient,
  dateFrom: string,
  dateTo: string,
): Promise<VisitMetricsQuery['visitMetrics']> {
  return (await client.request<VisitMetricsQuery>(METRICS, { dateFrom, dateTo })).visitMetrics
}

export async function visitStaff(client: GraphQLClient, date: string): Promise<StaffRow[]> {
  return (await client.request<VisitStaffQuery>(STAFF, { date })).visitStaff
}

export async function suggestions(
  client: GraphQLClient,
  visitId: string,
  date: string,
): Promise<Suggestion[]> {
  return (await client.request<VisitSuggestionsQuery>(SUGGEST, { visitId, date }))
    .visitAssigneeSuggestions
}

export async function scheduleVisit(
  client: GraphQLClient,
  id: string,
  staffId: string,
  date: string,
  slot: string | null,
): Promise<void> {
  await client.request<ScheduleVisitMutation>(SCHEDULE, { id, staffId, date, slot })
}

export async function handOver(
  client: GraphQLClient,
  fromUserId: string,
  toUserId: string,
  reason: string,
): Promise<HandoverItem> {
  return (await client.request<HandOverMutation>(HAND_OVER, { fromUserId, toUserId, reason }))
    .handOver
}

export async function handovers(client: GraphQLClient, userId: string): Promise<HandoverItem[]> {
  return (await client.request<HandoversQuery>(HANDOVERS, { userId })).handovers
}

export async function markExported(
  client: GraphQLClient,
  handoverId: string,
  clientId: string,
): Promise<void> {
  await client.request<MarkHandoverExportedMutation>(MARK_EXPORTED, { handoverId, clientId })
}

export async function revokeHandedOver(client: GraphQLClient, handoverId: string): Promise<number> {
  return (await client.request<RevokeHandedOverMutation>(REVOKE, { handoverId }))
    .revokeHandedOverDevices
}

export async function outreach(client: GraphQLClient): Promise<OutreachData> {
  return client.request<OutreachQuery>(OUTREACH, {})
}

export async function importOutreach(
  client: GraphQLClient,
  batch: string,
  csv: string,
): Promise<ImportOutreachMutation['importOutreachCompanies']> {
  return (await client.request<ImportOutreachMutation>(IMPORT, { batch, csv }))
    .importOutreachCompanies
}

export async function planCompanyVisit(
  client: GraphQLClient,
  companyId: string,
  staffId: string,
  date: string,
  slot: string | null,
): Promise<void> {
  await client.request<PlanCompanyVisitMutation>(PLAN, { companyId, staffId, date, slot })
}
