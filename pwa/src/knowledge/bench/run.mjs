// Node entry of the offline-index benchmark (bench/knowledge.py bundles it with rolldown):
// node run.bundle.mjs ARTICLES.json QUERIES.json ROUNDS  → one JSON line of results.
import { readFileSync } from 'node:fs'

import { runBenchmark } from './search-bench.ts'

const [articlesPath, queriesPath, rounds = '10'] = process.argv.slice(2)
const articles = JSON.parse(readFileSync(articlesPath, 'utf-8'))
const queries = JSON.parse(readFileSync(queriesPath, 'utf-8'))
const cpuMs = () => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}
console.log(JSON.stringify(runBenchmark(articles, queries, Number(rounds), cpuMs)))
