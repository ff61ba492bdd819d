import { describe, expect, it } from 'vitest'

import {
  isLinkGuest,
  linkFragment,
  newOffer,
  normaliseCode,
  offerArgs,
  randomCode,
  secretFromHash,
  spacedCode,
} from '@/features/employer/link-offer'

describe('employer link offer', () => {
  it('draws a fresh secret and six-digit code for each offer', () => {
    const a = newOffer('case-1')
    const b = newOffer('case-1')
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(a.code).toMatch(/^\d{6}$/)
    expect(a.secret).not.toBe(b.secret)
    expect(a.id).not.toBe(b.id)
  })

  it('sends only digests, in the format the server checks (sha256 hex)', async () => {
    const args = await offerArgs({ id: 'o', caseId: 'c', secret: 'abc', code: '123456' })
    // sha256("abc") and sha256("abc:123456"), as backend/claims/links.py computes them.
    expect(args.tokenHash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(args.codeHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(args)).not.toContain('123456')
  })

  it('rejects random values that would make some codes likelier', () => {
    const values = [0xffff_ffff, 1_234_567]
    expect(randomCode(() => values.shift() ?? 0)).toBe('234567')
  })

  it('keeps the secret in the fragment and reads it back', () => {
    expect(secretFromHash(linkFragment('a-b_c'))).toBe('a-b_c')
    expect(secretFromHash('')).toBeNull()
  })

  it('accepts codes typed with spaces, dashes or full-width digits', () => {
    expect(normaliseCode(' １２３-456 ')).toBe('123456')
    expect(spacedCode('123456')).toBe('123 456')
  })

  it('knows a one-time code session by its username', () => {
    expect(isLinkGuest('code:0123abcd')).toBe(true)
    expect(isLinkGuest('employer1')).toBe(false)
  })
})
