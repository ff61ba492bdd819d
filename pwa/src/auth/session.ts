import { shallowRef, type ShallowRef } from 'vue'

export const ROLES = ['FIELD_STAFF', 'SUPERVISOR', 'EMPLOYER', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]

export interface SessionUser {
  id: string
  username: string
  role: Role
  displayName: string
}

export interface Session {
  token: string
  refreshToken: string | null
  user: SessionUser
}

/** Where a session is kept between visits. A later issue swaps in a PIN-encrypted store. */
export interface SessionStore {
  load(): Session | null
  save(session: Session): void
  clear(): void
}

const STORAGE_KEY = 'doorstep.session.v1'

export function isSessionUser(value: unknown): value is SessionUser {
  if (typeof value !== 'object' || value === null) return false
  const user = value as Record<string, unknown>
  return (
    typeof user.id === 'string' &&
    typeof user.username === 'string' &&
    typeof user.displayName === 'string' &&
    (ROLES as readonly unknown[]).includes(user.role)
  )
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false
  const session = value as Record<string, unknown>
  return (
    typeof session.token === 'string' &&
    (session.refreshToken === null || typeof session.refreshToken === 'string') &&
    isSessionUser(session.user)
  )
}

export function webStorageSessionStore(storage: Storage, key = STORAGE_KEY): SessionStore {
  return {
    load() {
      const raw = storage.getItem(key)
      if (raw === null) return null
      try {
        const parsed: unknown = JSON.parse(raw)
        return isSession(parsed) ? parsed : null
      } catch {
        return null // a damaged entry means "signed out", never a crash at start-up
      }
    },
    save(session) {
      storage.setItem(key, JSON.stringify(session))
    },
    clear() {
      storage.removeItem(key)
    },
  }
}

/** The signed-in session as reactive state, written through to its store. */
export class SessionState {
  readonly current: ShallowRef<Session | null>

  constructor(private readonly store: SessionStore) {
    this.current = shallowRef(store.load())
  }

  set(session: Session): void {
    this.store.save(session)
    this.current.value = session
  }

  updateUser(user: SessionUser): void {
    const session = this.current.value
    if (session !== null) this.set({ ...session, user })
  }

  clear(): void {
    this.store.clear()
    this.current.value = null
  }
}
