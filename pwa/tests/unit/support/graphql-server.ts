import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'

/** One POST /graphql as the server saw it. */
export interface ReceivedRequest {
  operationName: string | null
  query: string
  variables: Record<string, unknown>
  headers: IncomingHttpHeaders
}

/** What the test's handler answers: a JSON body (or raw text), a status, or a dropped line. */
export type Reply =
  { status?: number; json: unknown } | { status: number; text: string } | { dropConnection: true }

export type Handler = (request: ReceivedRequest) => Reply | Promise<Reply>

/**
 * A real HTTP server on 127.0.0.1 that answers GraphQL POSTs through a per-test handler.
 * It stands in for the Python backend so the PWA's own tests run without it; the browser
 * tests in tests/browser/ run against the real backend.
 */
export class GraphQLTestServer {
  readonly received: ReceivedRequest[] = []
  handler: Handler = () => ({ status: 500, text: 'no handler' })
  private constructor(private readonly server: Server) {}

  static async start(): Promise<GraphQLTestServer> {
    let instance: GraphQLTestServer | null = null
    const server = createServer((req, res) => {
      // The happy-dom page runs on another origin, so answer like a CORS-enabled API.
      res.setHeader('Access-Control-Allow-Origin', '*')
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, Accept')
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS')
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end()
        return
      }
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        void instance?.answer(req.headers, Buffer.concat(chunks).toString('utf8'), res, req)
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    instance = new GraphQLTestServer(server)
    return instance
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}/graphql`
  }

  /** Names of the operations received so far, in order. */
  operations(): (string | null)[] {
    return this.received.map((request) => request.operationName)
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async answer(
    headers: IncomingHttpHeaders,
    rawBody: string,
    res: ServerResponse,
    req: IncomingMessage,
  ): Promise<void> {
    const body = JSON.parse(rawBody) as { query: string; variables?: Record<string, unknown> }
    const request: ReceivedRequest = {
      operationName: /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? null,
      query: body.query,
      variables: body.variables ?? {},
      headers,
    }
    this.received.push(request)
    const reply = await this.handler(request)
    if ('dropConnection' in reply) {
      req.socket.destroy()
    } else if ('json' in reply) {
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(reply.json))
    } else {
      res.writeHead(reply.status, { 'Content-Type': 'text/html' })
      res.end(reply.text)
    }
  }
}

export const STAFF_USER = {
  id: '1',
  username: 'staff1',
  role: 'FIELD_STAFF',
  displayName: '王外勤',
} as const

export function sessionPayload(token: string, refreshToken: string | null) {
  return { token, refreshToken, user: STAFF_USER }
}

export function graphQLError(code: string, message: string): Reply {
  return { json: { data: null, errors: [{ message, extensions: { code } }] } }
}

export function bearer(request: ReceivedRequest): string | null {
  const value = request.headers.authorization
  return value?.startsWith('Bearer ') ? value.slice('Bearer '.length) : null
}
