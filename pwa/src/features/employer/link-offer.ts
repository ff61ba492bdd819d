// The employer link staff show on site (backend/claims/links.py). Drawn on the tablet, so it
// works offline: a random secret goes in the link, a six-digit code is read out. Only their
// SHA-256 digests leave the tablet (mutator offerEmployerLink, sent with the next sync).

export interface LinkOffer {
  id: string
  caseId: string
  secret: string
  code: string
}

export interface OfferArgs {
  id: string
  caseId: string
  tokenHash: string
  codeHash: string
}

const SECRET_BYTES = 16

function base64Url(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += String.fromCharCode(byte)
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A uniform six-digit code (rejection sampling: no digit is likelier than another). */
export function randomCode(random: () => number): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000
  for (;;) {
    const value = random()
    if (value < limit) return String(value % 1_000_000).padStart(6, '0')
  }
}

export function newOffer(caseId: string): LinkOffer {
  const secret = base64Url(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)))
  const code = randomCode(() => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0xffff_ffff)
  return { id: crypto.randomUUID(), caseId, secret, code }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** What the server keeps: sha256(secret) finds the link, sha256(secret:code) checks the code. */
export async function offerArgs(offer: LinkOffer): Promise<OfferArgs> {
  return {
    id: offer.id,
    caseId: offer.caseId,
    tokenHash: await sha256Hex(offer.secret),
    codeHash: await sha256Hex(`${offer.secret}:${offer.code}`),
  }
}

/** The secret travels in the fragment: browsers never send it to the server with the page. */
export function linkFragment(secret: string): string {
  return `#k=${encodeURIComponent(secret)}`
}

export function secretFromHash(hash: string): string | null {
  const match = /[#&]k=([^&]+)/.exec(hash)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

/** "123456" → "123 456", easier to read out. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`
}

/** What an employer types: full-width digits, spaces and dashes are fine. */
export function normaliseCode(typed: string): string {
  return typed
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '')
}

/** A session opened with a one-time code (backend/cases/policy.py LINK_GUEST_PREFIX). */
export function isLinkGuest(username: string): boolean {
  return username.startsWith('code:')
}
