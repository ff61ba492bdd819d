export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** No wait is ever longer than this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Exponential backoff with "equal jitter": the ceiling doubles per failed attempt up
 * to maxMs, and the wait is drawn from [ceiling/2, ceiling] so that devices that went
 * offline together do not all come back in the same second.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
