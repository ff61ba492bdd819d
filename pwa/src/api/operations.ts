// GraphQL documents the shell uses (schema.graphql at the repo root is the contract). Tagged
// with gql, so `just schema` checks each against the schema and types it (graphql-types.ts).
import { gql } from './gql'

export const USER_FIELDS = gql`
  fragment UserFields on User {
    id
    username
    role
    displayName
  }
`

export const LOGIN = gql`
  mutation Login($u: String!, $p: String!) {
    login(username: $u, password: $p) {
      token
      refreshToken
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`

export const REFRESH_SESSION = gql`
  mutation RefreshSession($r: String!) {
    refreshSession(refreshToken: $r) {
      token
      refreshToken
      user {
        ...UserFields
      }
    }
  }
  ${USER_FIELDS}
`

export const ME = gql`
  query Me {
    me {
      ...UserFields
    }
  }
  ${USER_FIELDS}
`

// Ends the user's tokens on the server (every device), so a lost tablet's copy is worthless.
export const LOGOUT = gql`
  mutation Logout {
    logout
  }
`
