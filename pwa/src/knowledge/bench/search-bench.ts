/**
 * Benchmark of the offline index, run by bench/knowledge.py (`just bench knowledge`):
 * run.mjs (bundled with rolldown, run with node) feeds it the articles and queries the
 * Python side generated. The baseline is a plain substring scan of every article for the
 * query's first word, measured in the same run.
 */
import { buildIndex, type KnowledgeArticle } from '../index'
import { queryWords } from '../query'

export interface BenchmarkResult {
  articles: number
  searches: number
  buildMs: number
  p50: number
  p95: number
  /** CPU milliseconds per search (less disturbed by other processes than wall time). */
  cpuP95: number
  baselineP50: number
  baselineP95: number
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function time(run: () => unknown): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

/** Search latency of the index over `rounds` passes of the queries, and the baseline's. */
export function runBenchmark(
  articles: KnowledgeArticle[],
  queries: string[],
  rounds: number,
  cpuClock: () => number = () => performance.now(),
): BenchmarkResult {
  let index = buildIndex([])
  const buildMs = time(() => {
    index = buildIndex(articles)
  })
  for (const query of queries) index.search(query, 10) // warm up
  const searchMs: number[] = []
  const cpuMs: number[] = []
  const baselineMs: number[] = []
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const cpuStart = cpuClock()
      searchMs.push(time(() => index.search(query, 10)))
      cpuMs.push(cpuClock() - cpuStart)
      const word = queryWords(query)[0] ?? query
      const scan = (): KnowledgeArticle[] =>
        articles.filter((a) => a.title.includes(word) || a.body.includes(word)).slice(0, 10)
      baselineMs.push(time(scan))
    }
  }
  return {
    articles: index.size,
    searches: searchMs.length,
    buildMs,
    p50: percentile(searchMs, 50),
    p95: percentile(searchMs, 95),
    cpuP95: percentile(cpuMs, 95),
    baselineP50: percentile(baselineMs, 50),
    baselineP95: percentile(baselineMs, 95),
  }
}
