// Prints the gzip size of what the first visit downloads before the app can paint:
// the entry script, the modules it preloads and the stylesheets named in dist/index.html.
// Lazy-loaded views are not counted (they load on navigation). Fails above the budget.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const BUDGET_BYTES = 200 * 1024
const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')

const assetPattern =
  /<(?:script[^>]*\bsrc|link[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref)="\/?([^"]+\.(?:js|css))"/g
const files = [...new Set([...html.matchAll(assetPattern)].map((match) => match[1]))]
if (files.length === 0) throw new Error('no initial JS or CSS found in dist/index.html')

let total = 0
for (const file of files) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  total += size
  console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`)
}
const kb = (total / 1024).toFixed(1)
console.log(`initial JS+CSS (gzip): ${kb} KB of ${BUDGET_BYTES / 1024} KB budget`)
if (total > BUDGET_BYTES) {
  console.error(`over budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} KB`)
  process.exit(1)
}
