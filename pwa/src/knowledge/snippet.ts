/**
 * Plain text from Markdown and a highlighted snippet around the found words: the same rules
 * as backend/knowledge/snippets.py. The snippet is HTML (escaped text, <mark> around matches).
 */

export const SNIPPET_LENGTH = 80
const LEAD = 12

const MARKDOWN_RULES: [RegExp, string][] = [
  [/```[\s\S]*?```/g, ' '],
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/\[([^\]]*)\]\([^)]*\)/g, '$1'],
  [/^\s{0,3}#{1,6}\s*/gm, ''],
  [/^\s{0,3}>\s?/gm, ''],
  [/^\s*(?:[-*+]|\d+[.)])\s+/gm, ''],
  [/^\s*\|?\s*:?-{3,}.*$/gm, ''],
  [/(\*\*|__|\*|_|`|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2'],
  [/\|/g, ' '],
]

export function plainText(markdown: string): string {
  let text = markdown
  for (const [pattern, replacement] of MARKDOWN_RULES) text = text.replace(pattern, replacement)
  return text.replace(/\s+/g, ' ').trim()
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

type Span = [number, number]

function matches(text: string, terms: string[]): Span[] {
  const ordered = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length)
  if (!ordered.length) return []
  const pattern = new RegExp(ordered.map(escapeRegExp).join('|'), 'gi')
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length] as Span)
}

function bestStart(spans: Span[], length: number, textLength: number): number {
  let best = 0
  let bestCount = -1
  for (const [start] of spans.slice(0, 50)) {
    const windowStart = Math.max(0, Math.min(start - LEAD, textLength - length))
    const count = spans.filter(([s, e]) => s >= windowStart && e <= windowStart + length).length
    if (count > bestCount) {
      best = windowStart
      bestCount = count
    }
  }
  return best
}

/** A window of `text` around the terms, HTML-escaped, matches wrapped in <mark>. */
export function highlight(text: string, terms: string[], length = SNIPPET_LENGTH): string {
  const spans = matches(text, terms)
  const start = spans.length ? bestStart(spans, length, text.length) : 0
  const end = Math.min(text.length, start + length)
  const pieces: string[] = start > 0 ? ['…'] : []
  let cursor = start
  for (const [spanStart, spanEnd] of spans) {
    if (spanStart < start || spanEnd > end) continue
    pieces.push(escapeHtml(text.slice(cursor, spanStart)))
    pieces.push(`<mark>${escapeHtml(text.slice(spanStart, spanEnd))}</mark>`)
    cursor = spanEnd
  }
  pieces.push(escapeHtml(text.slice(cursor, end)))
  if (end < text.length) pieces.push('…')
  return pieces.join('')
}
