/**
 * Tokenizer for the offline index: Chinese text becomes overlapping character pairs
 * (bigrams), other text lower-cased words. A query word then matches when all its bigrams
 * occur, which needs no dictionary on the device.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu
const WORD = /[\p{L}\p{N}]+/gu

export function isCjk(text: string): boolean {
  return /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/u.test(text)
}

export function bigrams(run: string): string[] {
  const chars = Array.from(run)
  if (chars.length < 2) return chars
  const pairs: string[] = []
  for (let i = 0; i < chars.length - 1; i += 1) pairs.push(chars[i]! + chars[i + 1]!)
  return pairs
}

/** Every token of a text: CJK bigrams, then the other words (lower-cased). */
export function tokenize(text: string): string[] {
  const lower = text.toLowerCase()
  const tokens: string[] = []
  for (const match of lower.matchAll(CJK)) tokens.push(...bigrams(match[0]))
  for (const match of lower.replace(CJK, ' ').matchAll(WORD)) tokens.push(match[0])
  return tokens
}
