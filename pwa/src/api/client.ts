import type { Session, SessionState } from '@/auth/session'
import { isSessionUser } from '@/auth/session'

import {
  ApiError,
  ClientErrorCode,
  fromGraphQLError,
  fromHttpStatus,
  isApiError,
  ServerErrorCode,
  type GraphQLErrorPayload,
} from './errors'
import type { RefreshSessionMutation } from './graphql-types'
import { REFRESH_SESSION } from './operations'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface GraphQLClientOptions {
  /** URL of the GraphQL endpoint; the app uses the same-origin "/graphql". */
  endpoint: string
  session: SessionState
  fetch?: FetchLike
  /** Called once the session is gone for good (refresh refused or impossible). */
  onSessionExpired?: () => void
  timeoutMs?: number
}

export interface RequestOptions {
  /** Send the bearer token and refresh it on UNAUTHENTICATED (default true). */
  auth?: boolean
}

interface GraphQLResponse<T> {
  data?: T | null
  errors?: GraphQLErrorPayload[]
}

/** The session fields login and refreshSession both return, checked before they are kept. */
export function toSession(payload: unknown): Session {
  const value = (payload ?? {}) as Record<string, unknown>
  const refreshToken = value.refreshToken ?? null
  if (
    typeof value.token !== 'string' ||
    !(refreshToken === null || typeof refreshToken === 'string') ||
    !isSessionUser(value.user)
  ) {
    throw new ApiError(ClientErrorCode.SERVER_ERROR, null, { reason: 'malformed session' })
  }
  return { token: value.token, refreshToken, user: value.user }
}

export class GraphQLClient {
  private readonly fetchImpl: FetchLike
  private readonly timeoutMs: number
  /** One refresh at a time: concurrent UNAUTHENTICATED answers share it. */
  private refreshing: Promise<void> | null = null

  constructor(private readonly options: GraphQLClientOptions) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
    this.timeoutMs = options.timeoutMs ?? 20_000
  }

  async request<T>(
    query: string,
    variables: Record<string, unknown> = {},
    { auth = true }: RequestOptions = {},
  ): Promise<T> {
    const token = auth ? (this.options.session.current.value?.token ?? null) : null
    try {
      return await this.send<T>(query, variables, token)
    } catch (error) {
      if (!auth || !isApiError(error, ServerErrorCode.UNAUTHENTICATED)) throw error
      await this.renewSession(token, error)
      return this.retryOnce<T>(query, variables)
    }
  }

  private async retryOnce<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const token = this.options.session.current.value?.token ?? null
    try {
      return await this.send<T>(query, variables, token)
    } catch (error) {
      if (isApiError(error, ServerErrorCode.UNAUTHENTICATED)) this.expire()
      throw error
    }
  }

  /** Makes sure the session holds a token newer than `rejectedToken`, or ends it. */
  private async renewSession(rejectedToken: string | null, rejection: ApiError): Promise<void> {
    const session = this.options.session.current.value
    if (session !== null && session.token !== rejectedToken) return // renewed meanwhile
    if (session?.refreshToken == null) {
      this.expire()
      throw rejection
    }
    this.refreshing ??= this.refresh(session.refreshToken).finally(() => {
      this.refreshing = null
    })
    try {
      await this.refreshing
    } catch (error) {
      // A refused refresh reports the original rejection, with the server's own message.
      throw isApiError(error, ServerErrorCode.UNAUTHENTICATED) ? rejection : error
    }
  }

  private async refresh(refreshToken: string): Promise<void> {
    try {
      const data = await this.send<RefreshSessionMutation>(
        REFRESH_SESSION,
        { r: refreshToken },
        null,
      )
      this.options.session.set(toSession(data.refreshSession))
    } catch (error) {
      // Offline or a server hiccup says nothing about the session: keep it for later.
      const transient =
        isApiError(error, ClientErrorCode.NETWORK_ERROR) ||
        isApiError(error, ClientErrorCode.SERVER_ERROR)
      if (!transient) this.expire()
      throw transient ? error : new ApiError(ServerErrorCode.UNAUTHENTICATED, null)
    }
  }

  private expire(): void {
    if (this.options.session.current.value === null) return
    this.options.session.clear()
    this.options.onSessionExpired?.()
  }

  private async send<T>(
    query: string,
    variables: Record<string, unknown>,
    token: string | null,
  ): Promise<T> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    }
    if (token !== null) headers.Authorization = `Bearer ${token}`

    let response: Response
    try {
      response = await this.fetchImpl(this.options.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      })
    } catch (error) {
      const timeout = error instanceof DOMException && error.name === 'TimeoutError'
      throw new ApiError(ClientErrorCode.NETWORK_ERROR, null, { timeout })
    }

    let text: string
    try {
      text = await response.text()
    } catch {
      throw new ApiError(ClientErrorCode.NETWORK_ERROR, null, { status: response.status })
    }
    const body = parseGraphQLResponse<T>(text)
    if (body === null) throw fromHttpStatus(response.status)
    const firstError = body.errors?.[0]
    if (firstError !== undefined) throw fromGraphQLError(firstError)
    if (body.data == null) throw fromHttpStatus(response.status)
    return body.data as T
  }
}

/** The response body as a GraphQL response, or null when it is not one. */
function parseGraphQLResponse<T>(text: string): GraphQLResponse<T> | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  if (!('data' in parsed) && !('errors' in parsed)) return null
  return parsed as GraphQLResponse<T>
}
