/**
 * Every failure the API module reports is an ApiError with a stable code.
 * Server codes come from GraphQL `extensions.code`; the client adds its own for failures
 * that never reached a GraphQL answer (no network, a broken proxy, a 5xx page).
 */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  SERVER_ERROR: 'SERVER_ERROR',
  UNKNOWN: 'UNKNOWN',
} as const

export const ServerErrorCode = {
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
} as const

export type KnownErrorCode =
  | (typeof ClientErrorCode)[keyof typeof ClientErrorCode]
  | (typeof ServerErrorCode)[keyof typeof ServerErrorCode]

export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    /** Stable code: a server `extensions.code` or one of ClientErrorCode. */
    readonly code: string,
    /** The server's Chinese message, when the server produced one. */
    readonly serverMessage: string | null,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(serverMessage ?? code)
  }
}

export interface GraphQLErrorPayload {
  message: string
  extensions?: { code?: unknown; [key: string]: unknown }
}

/** Turns the first GraphQL error of a response into an ApiError. */
export function fromGraphQLError(error: GraphQLErrorPayload): ApiError {
  const { code, ...details } = error.extensions ?? {}
  const message = error.message.trim() === '' ? null : error.message
  return new ApiError(typeof code === 'string' ? code : ClientErrorCode.UNKNOWN, message, details)
}

/** HTTP answers that carry no GraphQL body (a proxy page, a throttle, a crash). */
export function fromHttpStatus(status: number): ApiError {
  if (status === 429) return new ApiError(ServerErrorCode.TOO_MANY_ATTEMPTS, null, { status })
  if (status === 401) return new ApiError(ServerErrorCode.UNAUTHENTICATED, null, { status })
  if (status === 403) return new ApiError(ServerErrorCode.FORBIDDEN, null, { status })
  return new ApiError(ClientErrorCode.SERVER_ERROR, null, { status })
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code)
}
