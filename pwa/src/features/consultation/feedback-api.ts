// Department side of feedback (backend/consultation/feedback_graphql.py) and the filer's
// ticket page; the monthly report's XLSX export is a Bearer-authenticated download.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  DepartmentFeedbackQuery,
  DepartmentFeedbackQueryVariables,
  FeedbackReportQuery,
  FeedbackTicketQuery,
  RespondFeedbackMutation,
  RespondFeedbackMutationVariables,
} from '@/api/graphql-types'
import { exportProblem } from '@/features/dashboard/exports'

export const DEPARTMENT_FEEDBACK = gql`
  query DepartmentFeedback($status: String, $department: String) {
    feedback(status: $status, department: $department, first: 100) {
      edges {
        node {
          id
          category
          categoryName
          text
          status
          department
          departmentName
          response
          createdAt
          caseId
          channel
        }
      }
    }
  }
`

export const RESPOND_FEEDBACK = gql`
  mutation RespondFeedback($id: ID!, $response: String!, $status: String!) {
    respondFeedback(id: $id, response: $response, status: $status) {
      id
      status
      response
    }
  }
`

export const FEEDBACK_TICKET = gql`
  query FeedbackTicket($ticket: String!) {
    feedbackByTicket(ticket: $ticket) {
      id
      categoryName
      text
      status
      departmentName
      response
      respondedAt
    }
  }
`

export const FEEDBACK_REPORT = gql`
  query FeedbackReport($month: String!) {
    feedbackReport(month: $month) {
      month
      total
      categories {
        key
        label
        count
        previous
        trend
        caseIds
      }
    }
  }
`

export type FeedbackItem = DepartmentFeedbackQuery['feedback']['edges'][number]['node']
export type ReportRow = FeedbackReportQuery['feedbackReport']['categories'][number]

export async function departmentFeedback(
  client: GraphQLClient,
  variables: DepartmentFeedbackQueryVariables,
): Promise<FeedbackItem[]> {
  const data = await client.request<DepartmentFeedbackQuery>(DEPARTMENT_FEEDBACK, variables)
  return data.feedback.edges.map((edge) => edge.node)
}

export async function respond(
  client: GraphQLClient,
  variables: RespondFeedbackMutationVariables,
): Promise<void> {
  await client.request<RespondFeedbackMutation>(RESPOND_FEEDBACK, variables)
}

export async function feedbackByTicket(
  client: GraphQLClient,
  ticket: string,
): Promise<FeedbackTicketQuery['feedbackByTicket']> {
  const data = await client.request<FeedbackTicketQuery>(
    FEEDBACK_TICKET,
    { ticket },
    { auth: false },
  )
  return data.feedbackByTicket
}

export async function report(client: GraphQLClient, month: string): Promise<ReportRow[]> {
  const data = await client.request<FeedbackReportQuery>(FEEDBACK_REPORT, { month })
  return data.feedbackReport.categories
}

export async function downloadReport(
  month: string,
  token: string | null,
  fallback: string,
): Promise<void> {
  const response = await fetch(`/exports/feedback-report.xlsx?month=${encodeURIComponent(month)}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(await exportProblem(response, fallback))
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = `feedback-report-${month}.xlsx`
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}
