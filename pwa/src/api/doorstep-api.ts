import { inject, type InjectionKey } from 'vue'

import { isSessionUser, type SessionState, type SessionUser } from '@/auth/session'

import { toSession, type GraphQLClient } from './client'
import { ApiError, ClientErrorCode } from './errors'
import type { LoginMutation, LoginMutationVariables, LogoutMutation, MeQuery } from './graphql-types'
import { LOGIN, LOGOUT, ME } from './operations'

/** What the views call. Each method is one GraphQL operation plus its session bookkeeping. */
export class DoorstepApi {
  constructor(
    readonly client: GraphQLClient,
    private readonly session: SessionState,
  ) {}

  async login(username: string, password: string): Promise<SessionUser> {
    const variables: LoginMutationVariables = { u: username, p: password }
    const data = await this.client.request<LoginMutation>(LOGIN, variables, { auth: false })
    const session = toSession(data.login)
    this.session.set(session)
    return session.user
  }

  async me(): Promise<SessionUser> {
    // Typed by the schema, still checked: an older server may answer with less.
    const data = await this.client.request<MeQuery>(ME)
    if (!isSessionUser(data.me)) {
      throw new ApiError(ClientErrorCode.SERVER_ERROR, null, { reason: 'malformed user' })
    }
    this.session.updateUser(data.me)
    return data.me
  }

  /**
   * Revokes the tokens on the server when it can be reached, and always forgets the session
   * on this device: signing out must work offline too.
   */
  async logout(): Promise<void> {
    try {
      if (this.session.current.value !== null) await this.client.request<LogoutMutation>(LOGOUT)
    } catch {
      // Offline or already expired: the local session is still removed below.
    } finally {
      this.session.clear()
    }
  }
}

export const API_KEY: InjectionKey<DoorstepApi> = Symbol('DoorstepApi')

export function useApi(): DoorstepApi {
  const api = inject(API_KEY)
  if (api === undefined) throw new Error('DoorstepApi was not provided to the app')
  return api
}
