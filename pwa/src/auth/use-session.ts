import { inject, type InjectionKey } from 'vue'

import type { SessionState } from './session'

export const SESSION_KEY: InjectionKey<SessionState> = Symbol('SessionState')

export function useSession(): SessionState {
  const session = inject(SESSION_KEY)
  if (session === undefined) throw new Error('SessionState was not provided to the app')
  return session
}
