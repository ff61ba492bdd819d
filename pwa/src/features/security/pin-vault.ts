// The PIN and the wrapped data key, kept in Web Storage: the PIN derives a key-encryption
// key (PBKDF2) that wraps the random data key, so a new PIN re-wraps only the key.
// Wrong PINs count across app restarts; after MAX_ATTEMPTS the device is wiped only when
// nothing unsent would be lost, otherwise it locks for longer and longer.
import {
  PBKDF2_ITERATIONS,
  deriveKey,
  fromBase64,
  generateDataKey,
  randomBytes,
  toBase64,
  unwrapDataKey,
  wrapDataKey,
} from './crypto'

export const MAX_ATTEMPTS = 5
export const BASE_LOCK_MS = 30_000
const VAULT_KEY = 'doorstep.vault.v1'

interface VaultRecord {
  userId: string
  salt: string
  iterations: number
  iv: string
  wrapped: string
  failures: number
  lockedUntil: number
}

export type UnlockResult =
  | { kind: 'unlocked'; dataKey: CryptoKey; userId: string }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'locked'; until: number }
  | { kind: 'wipe' }

export function isValidPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin)
}

/** Lock time after the n-th wrong PIN beyond the limit: 30 s, 1 min, 2 min, … capped at 1 h. */
export function lockDuration(failures: number): number {
  const over = Math.max(0, failures - MAX_ATTEMPTS)
  return Math.min(BASE_LOCK_MS * 2 ** over, 3_600_000)
}

export class PinVault {
  constructor(private readonly storage: Storage) {}

  private load(): VaultRecord | null {
    const raw = this.storage.getItem(VAULT_KEY)
    if (raw === null) return null
    try {
      return JSON.parse(raw) as VaultRecord
    } catch {
      return null
    }
  }

  private save(record: VaultRecord): void {
    this.storage.setItem(VAULT_KEY, JSON.stringify(record))
  }

  hasPin(): boolean {
    return this.load() !== null
  }

  userId(): string | null {
    return this.load()?.userId ?? null
  }

  /** A new data key under a new PIN (first sign-in on this device). */
  async create(userId: string, pin: string): Promise<CryptoKey> {
    const dataKey = await generateDataKey()
    await this.wrap(userId, dataKey, pin)
    return dataKey
  }

  /** The same data key under a new PIN: nothing else is re-encrypted. */
  async changePin(userId: string, dataKey: CryptoKey, newPin: string): Promise<void> {
    await this.wrap(userId, dataKey, newPin)
  }

  private async wrap(userId: string, dataKey: CryptoKey, pin: string): Promise<void> {
    if (!isValidPin(pin)) throw new Error('PIN must be 4–6 digits')
    const salt = randomBytes(16)
    const wrapped = await wrapDataKey(dataKey, await deriveKey(pin, salt, PBKDF2_ITERATIONS))
    this.save({
      userId,
      salt: toBase64(salt),
      iterations: PBKDF2_ITERATIONS,
      iv: toBase64(wrapped.iv),
      wrapped: toBase64(new Uint8Array(wrapped.data)),
      failures: 0,
      lockedUntil: 0,
    })
  }

  /**
   * Tries a PIN. `nothingUnsent` says whether every piece of work has reached the server
   * or been exported: only then may the limit wipe the device.
   */
  async unlock(pin: string, nothingUnsent: boolean, now = Date.now()): Promise<UnlockResult> {
    const record = this.load()
    if (record === null) return { kind: 'wipe' }
    if (record.lockedUntil > now) return { kind: 'locked', until: record.lockedUntil }
    try {
      const kek = await deriveKey(pin, fromBase64(record.salt), record.iterations)
      const dataKey = await unwrapDataKey(
        { iv: fromBase64(record.iv), data: fromBase64(record.wrapped).buffer },
        kek,
      )
      this.save({ ...record, failures: 0, lockedUntil: 0 })
      return { kind: 'unlocked', dataKey, userId: record.userId }
    } catch {
      const failures = record.failures + 1
      if (failures < MAX_ATTEMPTS) {
        this.save({ ...record, failures })
        return { kind: 'wrong', attemptsLeft: MAX_ATTEMPTS - failures }
      }
      if (nothingUnsent) return { kind: 'wipe' }
      const until = now + lockDuration(failures)
      this.save({ ...record, failures, lockedUntil: until })
      return { kind: 'locked', until }
    }
  }

  forget(): void {
    this.storage.removeItem(VAULT_KEY)
  }
}
