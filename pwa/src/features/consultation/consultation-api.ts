// GraphQL operations of consultation and feedback (backend/consultation/graphql.py,
// feedback_graphql.py). The member's side needs no account: a ticket opens their answer.
import type { GraphQLClient } from '@/api/client'
import { gql } from '@/api/gql'
import type {
  AnswerConsultationMutation,
  AnswerConsultationMutationVariables,
  AskQuestionMutation,
  AskQuestionMutationVariables,
  ClaimConsultationMutation,
  ConsultationQueueQuery,
  ConsultationQueueQueryVariables,
  ConsultationSuggestionsQuery,
  ConsultationTicketQuery,
  OnlineDutyQuery,
  PublicVapidKeyQuery,
  RateConsultationMutation,
  StaffKnowledgeSearchQuery,
  SubscribeConsultationPushMutation,
  SubmitPublicFeedbackMutation,
  SubmitPublicFeedbackMutationVariables,
} from '@/api/graphql-types'
import { pushSupported } from '@/features/push/push-device'
import { subscriptionArgs, vapidKeyBytes } from '@/features/push/push-keys'

export const CONSULTATION_SUGGESTIONS = gql`
  query ConsultationSuggestions($text: String!) {
    consultationSuggestions(text: $text) {
      id
      title
      snippet
      version
      effectiveDate
    }
  }
`

export const ASK_QUESTION = gql`
  mutation AskQuestion($text: String!, $contact: String) {
    askQuestion(text: $text, contact: $contact) {
      id
      ticket
      suggestions {
        id
        title
        snippet
        version
      }
    }
  }
`

export const CONSULTATION_TICKET = gql`
  query ConsultationTicket($ticket: String!) {
    consultation(ticket: $ticket) {
      status
      question
      createdAt
      staffOnDuty
      nextDutyStart
      answer {
        text
        articleId
        version
        articleTitle
        passage
        answeredAt
      }
    }
  }
`

export const RATE_CONSULTATION = gql`
  mutation RateConsultation($ticket: String!, $rating: Int!) {
    rateConsultation(ticket: $ticket, rating: $rating)
  }
`

export const CONSULTATION_QUEUE = gql`
  query ConsultationQueue($status: String, $first: Int) {
    consultations(status: $status, first: $first) {
      edges {
        node {
          id
          text
          status
          channel
          createdAt
          waitingSeconds
          contact
          knowledgeGap
          assigneeId
        }
      }
    }
  }
`

export const CLAIM_CONSULTATION = gql`
  mutation ClaimConsultation($id: ID!) {
    claimConsultation(id: $id) {
      id
      status
    }
  }
`

export const ANSWER_CONSULTATION = gql`
  mutation AnswerConsultation($id: ID!, $text: String!, $articleId: ID, $version: Int) {
    answerConsultation(id: $id, text: $text, articleId: $articleId, version: $version) {
      id
      status
      knowledgeGap
    }
  }
`

export const STAFF_KNOWLEDGE_SEARCH = gql`
  query StaffKnowledgeSearch($query: String!) {
    knowledgeSearch(query: $query, first: 5) {
      id
      title
      snippet
      version
      effectiveDate
    }
  }
`

export const SUBMIT_PUBLIC_FEEDBACK = gql`
  mutation SubmitPublicFeedback($input: FeedbackInput!) {
    submitFeedback(input: $input) {
      id
      status
      department
      departmentName
      ticket
    }
  }
`

const PUBLIC = { auth: false }

export type Suggestion = ConsultationSuggestionsQuery['consultationSuggestions'][number]
export type PublicConsultation = ConsultationTicketQuery['consultation']
export type QueueItem = ConsultationQueueQuery['consultations']['edges'][number]['node']
export type ArticleHit = StaffKnowledgeSearchQuery['knowledgeSearch'][number]

export async function suggest(client: GraphQLClient, text: string): Promise<Suggestion[]> {
  const data = await client.request<ConsultationSuggestionsQuery>(
    CONSULTATION_SUGGESTIONS,
    { text },
    PUBLIC,
  )
  return data.consultationSuggestions
}

export async function askQuestion(
  client: GraphQLClient,
  text: string,
  contact: string | null,
): Promise<AskQuestionMutation['askQuestion']> {
  const variables: AskQuestionMutationVariables = { text, contact }
  const data = await client.request<AskQuestionMutation>(ASK_QUESTION, variables, PUBLIC)
  return data.askQuestion
}

export async function readTicket(
  client: GraphQLClient,
  ticket: string,
): Promise<PublicConsultation> {
  const data = await client.request<ConsultationTicketQuery>(
    CONSULTATION_TICKET,
    { ticket },
    PUBLIC,
  )
  return data.consultation
}

export async function rate(client: GraphQLClient, ticket: string, rating: number): Promise<void> {
  await client.request<RateConsultationMutation>(RATE_CONSULTATION, { ticket, rating }, PUBLIC)
}

export async function queue(client: GraphQLClient, status: string | null): Promise<QueueItem[]> {
  const variables: ConsultationQueueQueryVariables = { status, first: 100 }
  const data = await client.request<ConsultationQueueQuery>(CONSULTATION_QUEUE, variables)
  return data.consultations.edges.map((edge) => edge.node)
}

export async function claim(client: GraphQLClient, id: string): Promise<void> {
  await client.request<ClaimConsultationMutation>(CLAIM_CONSULTATION, { id })
}

export async function answer(
  client: GraphQLClient,
  variables: AnswerConsultationMutationVariables,
): Promise<AnswerConsultationMutation['answerConsultation']> {
  const data = await client.request<AnswerConsultationMutation>(ANSWER_CONSULTATION, variables)
  return data.answerConsultation
}

export async function searchArticles(client: GraphQLClient, query: string): Promise<ArticleHit[]> {
  const data = await client.request<StaffKnowledgeSearchQuery>(STAFF_KNOWLEDGE_SEARCH, { query })
  return data.knowledgeSearch
}

export async function submitPublicFeedback(
  client: GraphQLClient,
  input: SubmitPublicFeedbackMutationVariables['input'],
): Promise<SubmitPublicFeedbackMutation['submitFeedback']> {
  const data = await client.request<SubmitPublicFeedbackMutation>(
    SUBMIT_PUBLIC_FEEDBACK,
    { input },
    PUBLIC,
  )
  return data.submitFeedback
}

export const SUBSCRIBE_CONSULTATION_PUSH = gql`
  mutation SubscribeConsultationPush(
    $ticket: String!
    $endpoint: String!
    $p256dh: String!
    $auth: String!
  ) {
    subscribeConsultationPush(ticket: $ticket, endpoint: $endpoint, p256dh: $p256dh, auth: $auth)
  }
`

export const PUBLIC_VAPID_KEY = gql`
  query PublicVapidKey {
    vapidPublicKey
  }
`

/** Web Push for this ticket's answer (no account): permission, subscription, then the server. */
export async function subscribeForAnswer(client: GraphQLClient, ticket: string): Promise<boolean> {
  if (!pushSupported() || (await Notification.requestPermission()) !== 'granted') return false
  const registration = await navigator.serviceWorker.ready
  const { vapidPublicKey } = await client.request<PublicVapidKeyQuery>(PUBLIC_VAPID_KEY, {}, PUBLIC)
  const key = vapidKeyBytes(vapidPublicKey)
  if (key === null) return false
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }))
  const args = subscriptionArgs(subscription.toJSON())
  if (args === null) return false
  await client.request<SubscribeConsultationPushMutation>(
    SUBSCRIBE_CONSULTATION_PUSH,
    { ticket, ...args },
    PUBLIC,
  )
  return true
}

export const ONLINE_DUTY = gql`
  query OnlineDuty {
    onlineDuty {
      iAmOnDuty
      nextStart
      onDuty {
        id
        endsAt
        user {
          displayName
        }
      }
      myShift {
        id
        startsAt
        endsAt
      }
    }
  }
`

export type OnlineDuty = OnlineDutyQuery['onlineDuty']

export async function onlineDuty(client: GraphQLClient): Promise<OnlineDuty> {
  return (await client.request<OnlineDutyQuery>(ONLINE_DUTY)).onlineDuty
}
