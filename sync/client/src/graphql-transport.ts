import { ClientErrorCode, ServerErrorCode, SyncError } from "./errors";

export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

export interface TransportConfig {
  /** GraphQL endpoint, e.g. "/graphql". */
  endpoint: string;
  getToken: TokenProvider;
  fetch?: typeof fetch;
  /** Abort a call that takes longer than this (default 30 s). */
  timeoutMs?: number;
}

interface GraphQLErrorBody {
  message?: unknown;
  extensions?: { code?: unknown; lastMutationId?: unknown; details?: { lastMutationId?: unknown } };
}

/** OUT_OF_ORDER may carry the server's lastMutationId in extensions (or extensions.details). */
function lastMutationIdOf(error: GraphQLErrorBody): number | undefined {
  const value = error.extensions?.lastMutationId ?? error.extensions?.details?.lastMutationId;
  return typeof value === "number" ? value : undefined;
}

function firstCodedError(errors: GraphQLErrorBody[]): SyncError {
  // Codes that change the loop's behaviour win over any other error in the list.
  const priority: string[] = [ServerErrorCode.PROTOCOL_OUTDATED, ServerErrorCode.UNAUTHENTICATED, ServerErrorCode.OUT_OF_ORDER];
  const coded = errors.map((e) => ({
    code: typeof e.extensions?.code === "string" ? e.extensions.code : ClientErrorCode.BAD_RESPONSE,
    message: typeof e.message === "string" ? e.message : undefined,
    lastMutationId: lastMutationIdOf(e),
  }));
  const chosen = coded.find((e) => priority.includes(e.code)) ?? coded[0];
  if (!chosen) return new SyncError(ClientErrorCode.BAD_RESPONSE);
  return new SyncError(chosen.code, chosen.message, chosen.lastMutationId);
}

/**
 * Posts one GraphQL operation and returns `data[field]`, or throws a SyncError:
 * the server's `extensions.code`, UNAUTHENTICATED for 401 or no token, NETWORK_ERROR
 * for anything that may succeed when tried again.
 */
export async function graphqlRequest<T>(
  config: TransportConfig,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<T> {
  const token = await config.getToken();
  if (!token) throw new SyncError(ServerErrorCode.UNAUTHENTICATED);
  const doFetch = config.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  let body: unknown;
  try {
    response = await doFetch(config.endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/graphql-response+json, application/json",
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(config.timeoutMs ?? 30_000),
    });
    body = await response.json().catch(() => undefined);
  } catch {
    throw new SyncError(ClientErrorCode.NETWORK_ERROR);
  }
  const payload = body as { data?: Record<string, unknown> | null; errors?: GraphQLErrorBody[] } | undefined;
  const transient = response.status >= 500 || response.status === 429 || response.status === 408;
  const errors = payload && Array.isArray(payload.errors) ? payload.errors : [];
  // A coded error always wins; an uncoded one on a 5xx is just the server being down.
  const coded = errors.some((e) => typeof e.extensions?.code === "string");
  if (errors.length > 0 && (coded || !transient)) throw firstCodedError(errors);
  if (response.status === 401) throw new SyncError(ServerErrorCode.UNAUTHENTICATED);
  if (transient) throw new SyncError(ClientErrorCode.NETWORK_ERROR);
  const value = payload?.data?.[field];
  if (!response.ok || value === undefined || value === null) throw new SyncError(ClientErrorCode.BAD_RESPONSE);
  return value as T;
}
