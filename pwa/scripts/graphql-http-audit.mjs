// The GraphQL over HTTP server audit (graphql-http's serverAudits) against a running server:
//   node scripts/graphql-http-audit.mjs http://127.0.0.1:PORT/graphql
// Prints one JSON object: the count of each status (ok, notice, warn, error) and every audit
// that did not pass, with its reason. Run by tests/integration/web/test_graphql_over_http.py.
import { serverAudits } from 'graphql-http'

const url = process.argv[2]
if (!url) {
  console.error('usage: node scripts/graphql-http-audit.mjs <graphql url>')
  process.exit(2)
}

const counts = { ok: 0, notice: 0, warn: 0, error: 0 }
const failed = []
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  const result = await audit.fn()
  counts[result.status] += 1
  if (result.status !== 'ok') {
    failed.push({ id: result.id, name: result.name, status: result.status, reason: result.reason })
  }
  if (result.response && !result.response.bodyUsed) await result.response.body?.cancel()
}
console.log(JSON.stringify({ counts, failed }, null, 2))
