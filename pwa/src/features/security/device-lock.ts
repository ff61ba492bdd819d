// The device lock: whether a PIN protects this device, whether it is unlocked now, the
// data key while it is, the session store that follows it, and the idle auto-lock.
import { IndexedDbStore, type Store } from '@doorstep/sync-client'
import { shallowRef, type ShallowRef } from 'vue'

import { webStorageSessionStore, type Session, type SessionStore } from '@/auth/session'
import { DRILL_PHOTO_CACHE } from '@/features/training/drill-photos'

import { EncryptedSessionStore } from './encrypted-session-store'
import { EncryptedStore } from './encrypted-store'
import { PinVault, type UnlockResult } from './pin-vault'

export const IDLE_LOCK_MS = 5 * 60_000
export const SYNC_DB_PREFIX = 'doorstep-sync'

export type LockState = 'no-pin' | 'locked' | 'unlocked'

export class DeviceLock {
  readonly state: ShallowRef<LockState>
  readonly vault: PinVault
  private readonly sealed: EncryptedSessionStore
  private readonly plain: SessionStore
  private dataKey: CryptoKey | null = null

  constructor(private readonly storage: Storage) {
    this.vault = new PinVault(storage)
    this.sealed = new EncryptedSessionStore(storage)
    this.plain = webStorageSessionStore(storage)
    this.state = shallowRef(this.vault.hasPin() ? 'locked' : 'no-pin')
  }

  /** The SessionStore for SessionState: sealed once a PIN exists, Web Storage before. */
  readonly sessionStore: SessionStore = {
    load: () => (this.vault.hasPin() ? this.sealed.load() : this.plain.load()),
    save: (session) => (this.vault.hasPin() ? this.sealed.save(session) : this.plain.save(session)),
    clear: () => {
      this.sealed.clear()
      this.plain.clear()
    },
  }

  /**
   * First PIN on this device: a new data key; the session moves from Web Storage to sealed.
   * Data synced before the PIN was stored in the clear and cannot be re-sealed through the
   * Store contract (its keys are not readable), so it is dropped and pulled again; refused
   * while it holds unsent work ('unsent'), which must reach the server first.
   */
  async setPin(userId: string, pin: string, session: Session | null): Promise<void> {
    if (!(await this.nothingUnsent(userId))) throw new Error('unsent')
    await deleteDatabases((name) => name === `${SYNC_DB_PREFIX}:${userId}`)
    const key = await this.vault.create(userId, pin)
    await this.sealed.unlock(key)
    this.dataKey = key
    if (session !== null) this.sealed.save(session)
    await this.sealed.flushed()
    this.plain.clear()
    this.state.value = 'unlocked'
  }

  async changePin(newPin: string): Promise<void> {
    const userId = this.vault.userId()
    if (this.dataKey === null || userId === null) throw new Error('device is locked')
    await this.vault.changePin(userId, this.dataKey, newPin)
  }

  /** Tries the PIN; on success returns the stored session with the result. */
  async unlock(pin: string): Promise<{ result: UnlockResult; session: Session | null }> {
    const result = await this.vault.unlock(pin, await this.nothingUnsent())
    if (result.kind === 'unlocked') {
      this.dataKey = result.dataKey
      this.state.value = 'unlocked'
      return { result, session: await this.sealed.unlock(result.dataKey) }
    }
    if (result.kind === 'wipe') await this.wipe()
    return { result, session: null }
  }

  lock(): void {
    if (!this.vault.hasPin()) return
    this.dataKey = null
    this.sealed.lock()
    this.state.value = 'locked'
  }

  /** For SyncClient.open({ wrapStore }): IndexedDB sealed with the data key. */
  readonly wrapStore = async (store: Store): Promise<Store> => {
    if (this.dataKey === null) return store // no PIN yet: nothing to seal with
    return EncryptedStore.open(store, this.dataKey)
  }

  /** True when the locked device holds no queued mutation or photo (counts need no key). */
  async nothingUnsent(userId = this.vault.userId()): Promise<boolean> {
    if (userId === null) return true
    const store = await IndexedDbStore.open(`${SYNC_DB_PREFIX}:${userId}`)
    try {
      const counts = await store.read(async (tx) => [
        await tx.count('outbox'),
        await tx.count('uploads'),
      ])
      return counts.every((count) => count === 0)
    } finally {
      store.close()
    }
  }

  /** Drops every local trace: synced data, the vault, the session. */
  async wipe(): Promise<void> {
    await deleteDatabases((name) => name.startsWith(`${SYNC_DB_PREFIX}:`))
    await globalThis.caches?.delete(DRILL_PHOTO_CACHE)
    this.sealed.clear()
    await this.sealed.flushed()
    this.plain.clear()
    this.vault.forget()
    this.dataKey = null
    this.state.value = 'no-pin'
  }
}

async function deleteDatabases(which: (name: string) => boolean): Promise<void> {
  const databases = (await indexedDB.databases?.()) ?? []
  await Promise.all(
    databases
      .map((db) => db.name)
      .filter((name): name is string => name !== undefined && which(name))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name)
            request.onsuccess = request.onerror = request.onblocked = () => resolve()
          }),
      ),
  )
}

/** Locks after `idleMs` without a touch or key press; returns the function that stops it. */
export function startIdleLock(onIdle: () => void, idleMs = IDLE_LOCK_MS): () => void {
  let timer = setTimeout(onIdle, idleMs)
  const reset = (): void => {
    clearTimeout(timer)
    timer = setTimeout(onIdle, idleMs)
  }
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const
  for (const name of events) window.addEventListener(name, reset, { passive: true })
  return () => {
    clearTimeout(timer)
    for (const name of events) window.removeEventListener(name, reset)
  }
}
