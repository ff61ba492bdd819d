import { Window } from 'happy-dom'

/** A real Web Storage (happy-dom's), for tests that run in the node environment. */
export function freshStorage(): Storage {
  return new Window().localStorage as unknown as Storage
}
