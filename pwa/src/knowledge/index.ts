/**
 * The offline knowledge index: published articles (received through pull as entity
 * "article") searched on the device with the same synonyms, ranking rule (title matches
 * first) and snippets as the server's knowledgeSearch.
 */
import MiniSearch, { type Query } from 'minisearch'

import { planQuery, planTerms, type QueryPlan } from './query'
import { highlight, plainText } from './snippet'
import { tokenize } from './tokenize'

export interface KnowledgeArticle {
  id: string
  title: string
  body: string
  category: string
  tags: string[]
  version: number
  effectiveDate: string
}

export interface KnowledgeHit {
  id: string
  title: string
  /** HTML: escaped text with <mark> around the words found. */
  snippet: string
  version: number
  effectiveDate: string
  category: string
  score: number
}

export interface KnowledgeIndex {
  readonly size: number
  search(query: string, limit?: number): KnowledgeHit[]
}

interface IndexedArticle {
  article: KnowledgeArticle
  text: string
}

/**
 * A word containing another word of its group adds no match (住房公积金 contains 公积金):
 * leaving it out keeps the posting lists the index walks short.
 */
export function essentialWords(group: string[]): string[] {
  return group.filter((word) => !group.some((other) => other !== word && word.includes(other)))
}

function miniSearchQuery(plan: QueryPlan): Query {
  return {
    combineWith: 'AND',
    queries: plan.map((group) => ({
      combineWith: 'OR',
      queries: essentialWords(group).map((word) => ({ combineWith: 'AND', queries: [word] })),
    })),
  }
}

function matchesEveryGroup(text: string, plan: QueryPlan): boolean {
  const lower = text.toLowerCase()
  return plan.every((group) => group.some((word) => lower.includes(word)))
}

export function buildIndex(articles: KnowledgeArticle[]): KnowledgeIndex {
  const byId = new Map<string, IndexedArticle>()
  const miniSearch = new MiniSearch<KnowledgeArticle>({
    // Two fields keep each search to two posting lists per term; keywords go with the text.
    fields: ['title', 'text'],
    storeFields: [],
    tokenize,
    processTerm: (term) => term,
    extractField: (article, field) => {
      if (field === 'id') return article.id
      if (field === 'title') return article.title
      const text = byId.get(article.id)?.text ?? ''
      return [...article.tags, article.category, text].join(' ')
    },
    searchOptions: { boost: { title: 10 }, prefix: false, fuzzy: false },
  })
  for (const article of articles) byId.set(article.id, { article, text: plainText(article.body) })
  miniSearch.addAll([...byId.values()].map((entry) => entry.article))

  function run(plan: QueryPlan): { id: string; score: number }[] {
    return miniSearch.search(miniSearchQuery(plan)).map((r) => ({ id: String(r.id), score: r.score }))
  }

  return {
    get size() {
      return byId.size
    },
    search(query: string, limit = 10): KnowledgeHit[] {
      const plan = planQuery(query)
      if (!plan.length) return []
      let results = run(plan)
      if (!results.length && plan.length > 1) results = run([plan.flat()])
      const terms = planTerms(plan)
      return results
        .map(({ id, score }) => {
          const entry = byId.get(id)!
          return { entry, score, titleHit: matchesEveryGroup(entry.article.title, plan) }
        })
        .sort((a, b) => Number(b.titleHit) - Number(a.titleHit) || b.score - a.score)
        .slice(0, limit)
        .map(({ entry, score }) => ({
          id: entry.article.id,
          title: entry.article.title,
          snippet: highlight(entry.text, terms),
          version: entry.article.version,
          effectiveDate: entry.article.effectiveDate,
          category: entry.article.category,
          score,
        }))
    },
  }
}
