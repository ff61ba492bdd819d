// Training and assessment over GraphQL (spec section 6): drills, finishing them, the record,
// policy checks, the supervisors' analysis and the monthly 考核 table.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  AcknowledgeArticleMutation,
  AssessmentTableQuery,
  CreateDrillMutation,
  DrillAnalysisQuery,
  DrillListQuery,
  FinishDrillMutation,
  PolicyCheckListQuery,
  PolicyCheckStatusQuery,
  PromoteCaseToDrillMutation,
  RequirePolicyCheckMutation,
  ScoreStaffMutation,
  ScoreStaffMutationVariables,
  StartDrillMutation,
  TrainingRecordQuery,
} from '@/api/graphql-types'

import type { PolicyQuestionInput } from './policy-check-form'

export type DrillItem = DrillListQuery['drills'][number]
export type DrillResult = FinishDrillMutation['finishDrill']
export type MissedItem = DrillResult['missed'][number]
export type AttemptItem = TrainingRecordQuery['trainingRecord']['attempts'][number]
export type PolicyCheckItem = PolicyCheckListQuery['policyChecks'][number]
export type AnalysisRow = DrillAnalysisQuery['drillAnalysis'][number]
export type AssessmentTable = AssessmentTableQuery['assessment']

const DRILLS = gql`
  query DrillList {
    drills(first: 100) {
      id
      title
      kind
      source
      brief
      documentCount
    }
  }
`
const START = gql`
  mutation StartDrill($id: ID!) {
    startDrill(id: $id) {
      attemptId
      caseId
    }
  }
`
const FINISH = gql`
  mutation FinishDrill($attemptId: ID!) {
    finishDrill(attemptId: $attemptId) {
      attemptId
      score
      maxScore
      seconds
      missed {
        kind
        key
        label
        expected
        given
        explanation
        articleId
      }
    }
  }
`
const RECORD = gql`
  query TrainingRecord($userId: ID) {
    trainingRecord(userId: $userId) {
      attempts {
        attemptId
        drillId
        caseId
        title
        score
        maxScore
        startedAt
        finishedAt
        seconds
        missed {
          kind
          key
          label
          expected
          given
          explanation
          articleId
        }
      }
      acknowledgements {
        articleId
        version
        passed
        at
      }
    }
  }
`
const POLICY_CHECKS = gql`
  query PolicyCheckList {
    policyChecks {
      articleId
      version
      title
      dueDays
      requiredAt
      questions {
        question
        options
      }
      changes {
        op
        text
      }
      acknowledgedAt
      passed
    }
  }
`
const ACKNOWLEDGE = gql`
  mutation AcknowledgeArticle($id: ID!, $version: Int!, $answers: JSON) {
    acknowledgeArticle(id: $id, version: $version, answers: $answers) {
      passed
    }
  }
`
const ANALYSIS = gql`
  query DrillAnalysis {
    drillAnalysis {
      user {
        username
        displayName
      }
      kind
      key
      label
      missed
      attempts
    }
  }
`
const ASSESSMENT = gql`
  query AssessmentTable($month: String!) {
    assessment(month: $month) {
      month
      scheme {
        version
        effectiveFrom
      }
      rows {
        user {
          id
          username
          displayName
        }
        employer
        total
        items {
          key
          label
          value
          points
          weight
        }
      }
    }
  }
`

export async function listDrills(client: GraphQLClient): Promise<DrillItem[]> {
  return (await client.request<DrillListQuery>(DRILLS)).drills
}

export async function startDrill(
  client: GraphQLClient,
  id: string,
): Promise<StartDrillMutation['startDrill']> {
  return (await client.request<StartDrillMutation>(START, { id })).startDrill
}

export async function finishDrill(client: GraphQLClient, attemptId: string): Promise<DrillResult> {
  return (await client.request<FinishDrillMutation>(FINISH, { attemptId })).finishDrill
}

export async function trainingRecord(
  client: GraphQLClient,
): Promise<TrainingRecordQuery['trainingRecord']> {
  return (await client.request<TrainingRecordQuery>(RECORD, { userId: null })).trainingRecord
}

export async function policyChecks(client: GraphQLClient): Promise<PolicyCheckItem[]> {
  return (await client.request<PolicyCheckListQuery>(POLICY_CHECKS)).policyChecks
}

export async function acknowledge(
  client: GraphQLClient,
  id: string,
  version: number,
  answers: string[] | null,
): Promise<boolean | null> {
  const data = await client.request<AcknowledgeArticleMutation>(ACKNOWLEDGE, {
    id,
    version,
    answers,
  })
  return data.acknowledgeArticle.passed ?? null
}

export async function drillAnalysis(client: GraphQLClient): Promise<AnalysisRow[]> {
  return (await client.request<DrillAnalysisQuery>(ANALYSIS)).drillAnalysis
}

export async function assessment(client: GraphQLClient, month: string): Promise<AssessmentTable> {
  return (await client.request<AssessmentTableQuery>(ASSESSMENT, { month })).assessment
}

/** The drill a started attempt belongs to, kept on the device so it opens offline. */
export interface StartedDrill {
  attemptId: string
  caseId: string
  drillId: string
  title: string
  brief: string
}
const STARTED_KEY = 'doorstep-training-started'

export function rememberStarted(started: StartedDrill): void {
  const all = startedDrills().filter((s) => s.attemptId !== started.attemptId)
  window.localStorage.setItem(STARTED_KEY, JSON.stringify([started, ...all].slice(0, 20)))
}

export function startedDrills(): StartedDrill[] {
  try {
    const raw: unknown = JSON.parse(window.localStorage.getItem(STARTED_KEY) ?? '[]')
    return Array.isArray(raw) ? (raw as StartedDrill[]) : []
  } catch {
    return []
  }
}

export function forgetStarted(attemptId: string): void {
  const rest = startedDrills().filter((s) => s.attemptId !== attemptId)
  window.localStorage.setItem(STARTED_KEY, JSON.stringify(rest))
}

const CREATE_DRILL = gql`
  mutation CreateDrill($title: String!, $risks: [String!]!) {
    createDrill(title: $title, risks: $risks) {
      id
      title
    }
  }
`
const PROMOTE = gql`
  mutation PromoteCaseToDrill($caseId: ID!) {
    promoteCaseToDrill(caseId: $caseId) {
      id
      title
    }
  }
`
const SCORE = gql`
  mutation ScoreStaff(
    $userId: ID!
    $month: String!
    $key: String!
    $points: Float!
    $reason: String!
  ) {
    scoreStaff(userId: $userId, month: $month, key: $key, points: $points, reason: $reason) {
      key
      points
    }
  }
`
const CHECK_STATUS = gql`
  query PolicyCheckStatus($articleId: ID!) {
    policyCheckStatus(articleId: $articleId) {
      version
      unacknowledged {
        username
        displayName
      }
    }
  }
`

export async function createDrill(
  client: GraphQLClient,
  title: string,
  risks: string[],
): Promise<void> {
  await client.request<CreateDrillMutation>(CREATE_DRILL, { title, risks })
}

export async function promoteCase(client: GraphQLClient, caseId: string): Promise<void> {
  await client.request<PromoteCaseToDrillMutation>(PROMOTE, { caseId })
}

export async function scoreStaff(
  client: GraphQLClient,
  variables: ScoreStaffMutationVariables,
): Promise<void> {
  await client.request<ScoreStaffMutation>(SCORE, variables)
}

export async function policyCheckStatus(
  client: GraphQLClient,
  articleId: string,
): Promise<PolicyCheckStatusQuery['policyCheckStatus']> {
  return (await client.request<PolicyCheckStatusQuery>(CHECK_STATUS, { articleId }))
    .policyCheckStatus
}

const REQUIRE_CHECK = gql`
  mutation RequirePolicyCheck($articleId: ID!, $version: Int!, $questions: JSON, $dueDays: Int!) {
    requirePolicyCheck(
      articleId: $articleId
      version: $version
      questions: $questions
      dueDays: $dueDays
    ) {
      articleId
      version
      dueDays
    }
  }
`

/** Flags an article version must-know: every staff member gets it in their inbox. */
export async function requirePolicyCheck(
  client: GraphQLClient,
  articleId: string,
  version: number,
  questions: PolicyQuestionInput[],
  dueDays: number,
): Promise<RequirePolicyCheckMutation['requirePolicyCheck']> {
  const data = await client.request<RequirePolicyCheckMutation>(REQUIRE_CHECK, {
    articleId,
    version,
    questions: questions.length > 0 ? questions : null,
    dueDays,
  })
  return data.requirePolicyCheck
}
