// The session (tokens) sealed with the data key in Web Storage. SessionStore is
// synchronous, so the decrypted session is held in memory once the PIN has been entered;
// writes are sealed in the background (the last one wins).
import type { Session, SessionStore } from '@/auth/session'

import { fromBase64, openValue, sealValue, toBase64 } from './crypto'

const SEALED_KEY = 'doorstep.session.sealed.v1'

export class EncryptedSessionStore implements SessionStore {
  private session: Session | null = null
  private key: CryptoKey | null = null
  private writes: Promise<void> = Promise.resolve()

  constructor(private readonly storage: Storage) {}

  /** After unlocking: decrypts the stored session (null when there is none or it is damaged). */
  async unlock(key: CryptoKey): Promise<Session | null> {
    this.key = key
    const raw = this.storage.getItem(SEALED_KEY)
    if (raw === null) return (this.session = null)
    try {
      const { iv, data } = JSON.parse(raw) as { iv: string; data: string }
      this.session = (await openValue(key, {
        iv: fromBase64(iv),
        data: fromBase64(data).buffer,
      })) as Session
    } catch {
      this.session = null
    }
    return this.session
  }

  /** Keeps the sealed copy, forgets the plaintext (auto-lock). */
  lock(): void {
    this.session = null
    this.key = null
  }

  load(): Session | null {
    return this.session
  }

  save(session: Session): void {
    this.session = session
    const key = this.key
    if (key === null) return
    this.writes = this.writes.then(async () => {
      const sealed = await sealValue(key, session)
      this.storage.setItem(
        SEALED_KEY,
        JSON.stringify({ iv: toBase64(sealed.iv), data: toBase64(new Uint8Array(sealed.data)) }),
      )
    })
  }

  clear(): void {
    this.session = null
    this.writes = this.writes.then(() => this.storage.removeItem(SEALED_KEY))
  }

  /** Resolves when every save so far is on disk (tests, and before a reload). */
  flushed(): Promise<void> {
    return this.writes
  }
}
