// For editors and supervisors: 答复不一致 across channels and the week's knowledge gaps
// (backend/consultation/insights.py).
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type { AnswerConsistencyQuery, KnowledgeGapsQuery } from '@/api/graphql-types'

export const ANSWER_CONSISTENCY = gql`
  query AnswerConsistency($from: Date!, $to: Date!) {
    answerConsistency(from: $from, to: $to) {
      question
      channels
      count
      reasons
      articles {
        articleId
        version
        count
        outdated
      }
    }
  }
`

export const KNOWLEDGE_GAPS = gql`
  query KnowledgeGaps($week: Date!) {
    knowledgeGaps(week: $week) {
      id
      text
      channel
      createdAt
    }
  }
`

export type ConsistencyGroup = AnswerConsistencyQuery['answerConsistency'][number]
export type Gap = KnowledgeGapsQuery['knowledgeGaps'][number]

export async function consistency(
  client: GraphQLClient,
  from: string,
  to: string,
): Promise<ConsistencyGroup[]> {
  const data = await client.request<AnswerConsistencyQuery>(ANSWER_CONSISTENCY, { from, to })
  return data.answerConsistency
}

export async function gaps(client: GraphQLClient, week: string): Promise<Gap[]> {
  const data = await client.request<KnowledgeGapsQuery>(KNOWLEDGE_GAPS, { week })
  return data.knowledgeGaps
}
