// The two GraphQL operations of the employer link (backend/claims/graphql.py).
import { toSession, type GraphQLClient } from '@/api/client'
import type {
  ClaimEmployerLinkMutation,
  ClaimEmployerLinkMutationVariables,
  RedeemEmployerCodeMutation,
  RedeemEmployerCodeMutationVariables,
} from '@/api/graphql-types'
import { gql } from '@/api/gql'
import { USER_FIELDS } from '@/api/operations'
import type { Session } from '@/auth/session'

export const CLAIM_EMPLOYER_LINK = gql`
  mutation ClaimEmployerLink($caseId: ID!, $secret: String!) {
    claimEmployerLink(caseId: $caseId, secret: $secret) {
      id
      status
    }
  }
`

export const REDEEM_EMPLOYER_CODE = gql`
  mutation RedeemEmployerCode($caseId: ID!, $secret: String!, $code: String!) {
    redeemEmployerCode(caseId: $caseId, secret: $secret, code: $code) {
      token
      refreshToken
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`

/** A signed-in employer: the case joins their unit. */
export async function claimLink(client: GraphQLClient, caseId: string, secret: string) {
  const variables: ClaimEmployerLinkMutationVariables = { caseId, secret }
  const data = await client.request<ClaimEmployerLinkMutation>(CLAIM_EMPLOYER_LINK, variables)
  return data.claimEmployerLink
}

/** No account: the link and the code read out give a session for this one case. */
export async function redeemCode(
  client: GraphQLClient,
  caseId: string,
  secret: string,
  code: string,
): Promise<Session> {
  const variables: RedeemEmployerCodeMutationVariables = { caseId, secret, code }
  const data = await client.request<RedeemEmployerCodeMutation>(REDEEM_EMPLOYER_CODE, variables, {
    auth: false,
  })
  return toSession(data.redeemEmployerCode)
}
