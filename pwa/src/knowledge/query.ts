/**
 * Query planning on the device, with the server's synonym groups and stop words
 * (terms.json is generated from backend/knowledge/synonyms.py).
 *
 * A plan is a list of groups; every group must match, any alternative of a group may.
 * Chinese text is split at synonym words (longest first) and multi-character stop words;
 * lone characters left over only count when nothing longer is left, as on the server.
 */
import terms from './terms.json'

import { isCjk } from './tokenize'

export type QueryPlan = string[][]

const MAX_GROUPS = 8

const GROUP_OF = new Map<string, string[]>()
for (const group of terms.synonyms) for (const word of group) GROUP_OF.set(word, group)
const SYNONYMS = [...GROUP_OF.keys()].sort((a, b) => b.length - a.length)
const STOP_WORDS = new Set(terms.stopWords)
const LONG_STOP_WORDS = terms.stopWords.filter((w) => w.length > 1).sort((a, b) => b.length - a.length)

export function synonymsOf(word: string): string[] {
  const group = GROUP_OF.get(word)
  return group ? [word, ...group.filter((other) => other !== word)] : [word]
}

function startsWithAny(text: string, at: number, words: string[]): string | undefined {
  return words.find((word) => text.startsWith(word, at))
}

/** Splits a run of Chinese characters into synonym words and the plain text between. */
function splitRun(run: string): string[] {
  const pieces: string[] = []
  let plain = ''
  let at = 0
  const flush = (): void => {
    if (plain) pieces.push(plain)
    plain = ''
  }
  while (at < run.length) {
    const synonym = startsWithAny(run, at, SYNONYMS)
    const stop = synonym ? undefined : startsWithAny(run, at, LONG_STOP_WORDS)
    if (synonym) {
      flush()
      pieces.push(synonym)
      at += synonym.length
    } else if (stop) {
      flush()
      at += stop.length
    } else {
      plain += run[at]
      at += 1
    }
  }
  flush()
  return pieces
}

/** The query's topic words, in order, without repeats, stop words or lone characters. */
export function queryWords(query: string): string[] {
  const words: string[] = []
  for (const match of query.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    const text = match[0]
    // Mixed runs ("12329热线") are split into Chinese and other parts first.
    for (const part of text.match(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/gu) ?? []) {
      words.push(...(isCjk(part) ? splitRun(part) : [part]))
    }
  }
  const unique = [...new Set(words)]
  const topical = unique.filter((word) => !STOP_WORDS.has(word))
  const longer = topical.filter((word) => word.length > 1 || !isCjk(word))
  return longer.length ? longer : topical.length ? topical : unique
}

export function planQuery(query: string): QueryPlan {
  return queryWords(query).slice(0, MAX_GROUPS).map(synonymsOf)
}

/** Every word the plan looks for, longest first (for highlighting). */
export function planTerms(plan: QueryPlan): string[] {
  return [...new Set(plan.flat())].sort((a, b) => b.length - a.length || a.localeCompare(b))
}
