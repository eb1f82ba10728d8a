// The loopback server the benchmarks measure against, run as its own process so its CPU is not the client's.
// Usage: node scripts/bench/server.ts [--leads-total N] [--nutan-total N] [--cache-all] [--latency-ms N]
//   [--rate-limit N --window-ms W]; prints {"url": ...} once listening.
// --latency-ms holds every answer that long (a real API's round trip); --rate-limit allows N requests per
// fixed window of W ms (opened by its first request) and answers 429 with Retry-After beyond that.
// Besides the Nutshell and Nutan routes it serves the same deals as peers paginate them: /peer/cursor
// (openai-node's CursorPage: `after`, `{ data, has_more }`) and /peer/link (Octokit's paginate: `page`,
// `per_page`, a bare array and a `Link: rel="next"` header).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { dealNumber, dealsPage, leadsPage, nutanDeals, nutanPage } from './fixtures.ts'

const { values } = parseArgs({
  options: {
    'leads-total': { type: 'string' },
    'nutan-total': { type: 'string' },
    'cache-all': { type: 'boolean' },
    'latency-ms': { type: 'string' },
    'rate-limit': { type: 'string' },
    'window-ms': { type: 'string' },
  },
})
const leadsTotal = Number(values['leads-total'] ?? 100_000)
const nutanTotal = Number(values['nutan-total'] ?? 100_000)

const cacheAll = values['cache-all'] ?? false
const latencyMs = Number(values['latency-ms'] ?? 0)
const rateLimit = Number(values['rate-limit'] ?? 0)
const windowMs = Number(values['window-ms'] ?? 1000)

// Serve pages from memory once built, so the server's cost stays small and equal for every contender
// (and a paging walk measures the client, not the server). Without --cache-all only first pages are kept.
const cache = new Map<string, Buffer>()
function body(key: string, cacheable: boolean, build: () => unknown): Buffer {
  const hit = cache.get(key)
  if (hit) return hit
  const built = Buffer.from(JSON.stringify(build()))
  if (cacheable || cacheAll) cache.set(key, built)
  return built
}

function int(value: string | null, fallback: number): number {
  const n = value === null ? Number.NaN : Number(value)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

let requestCount = 0
function sendJson(res: ServerResponse, payload: Buffer, extra: Record<string, string | number> = {}): void {
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': payload.length,
    'x-nutshell-request-id': `req-${++requestCount}`,
    ...extra,
  })
  res.end(payload)
}

function notFound(res: ServerResponse): void {
  const payload = Buffer.from(JSON.stringify({ error: 'not_found', message: 'No such route' }))
  res.writeHead(404, { 'content-type': 'application/json', 'content-length': payload.length })
  res.end(payload)
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://loopback')
  const path = url.pathname.replace(/\/+$/, '')
  const q = url.searchParams
  if (req.method === 'GET' && path.endsWith('/leads')) {
    const page = int(q.get('page[page]'), 0)
    const limit = int(q.get('page[limit]'), 50)
    sendJson(
      res,
      body(`leads:${page}:${limit}`, page === 0, () => leadsPage(page, limit, leadsTotal)),
    )
    return
  }
  if (req.method === 'PATCH' && /\/leads\/[^/]+$/.test(path)) {
    // Drain the patch so the client's upload completes, then answer like Nutshell: 204, no body.
    req.resume()
    req.on('end', () => {
      res.writeHead(204, { 'x-nutshell-request-id': `req-${++requestCount}` })
      res.end()
    })
    return
  }
  if (req.method === 'GET' && path.endsWith('/contacts')) {
    const offset = int(q.get('offset'), 0)
    const limit = int(q.get('limit'), 50)
    sendJson(
      res,
      body(`contacts:${offset}:${limit}`, offset === 0, () => nutanPage(offset, limit, nutanTotal)),
      { 'ratelimit-limit': 100, 'ratelimit-remaining': 99, 'ratelimit-reset': 60 },
    )
    return
  }
  if (req.method === 'GET' && path.endsWith('/deals')) {
    const offset = int(q.get('offset'), 0)
    const limit = int(q.get('limit'), 50)
    sendJson(
      res,
      body(`deals:${offset}:${limit}`, offset === 0, () => dealsPage(offset, limit, nutanTotal)),
    )
    return
  }
  if (req.method === 'GET' && path === '/peer/cursor') {
    const from = dealNumber(q.get('after'))
    const limit = int(q.get('limit'), 50)
    sendJson(
      res,
      body(`cursor:${from}:${limit}`, from === 0, () => {
        const data = nutanDeals(from, limit, nutanTotal)
        return { object: 'list', data, has_more: from + data.length < nutanTotal }
      }),
    )
    return
  }
  if (req.method === 'GET' && path === '/peer/link') {
    const page = Math.max(1, int(q.get('page'), 1))
    const perPage = int(q.get('per_page'), 30)
    const from = (page - 1) * perPage
    const next: Record<string, string> = {}
    if (from + perPage < nutanTotal)
      next.link = `<http://${req.headers.host}/peer/link?page=${page + 1}&per_page=${perPage}>; rel="next"`
    sendJson(
      res,
      body(`link:${page}:${perPage}`, page === 1, () => nutanDeals(from, perPage, nutanTotal)),
      next,
    )
    return
  }
  notFound(res)
}

// The fixed window of --rate-limit: opened by its first request, like the @x/testkit simulators'.
let windowStart = 0
let windowCount = 0
/** Counts a request into the window: 0 if it is allowed, else how long until the window reopens. */
function admit(): number {
  if (!rateLimit) return 0
  const now = Date.now()
  if (now - windowStart >= windowMs) {
    windowStart = now
    windowCount = 0
  }
  return ++windowCount <= rateLimit ? 0 : Math.max(1, windowStart + windowMs - now)
}

function tooMany(res: ServerResponse, waitMs: number): void {
  const payload = Buffer.from(JSON.stringify({ error: 'rate_limited', message: 'Too many requests' }))
  res.writeHead(429, {
    'content-type': 'application/json',
    'content-length': payload.length,
    'retry-after': String(Math.ceil(waitMs / 1000)),
    'retry-after-ms': String(waitMs),
  })
  res.end(payload)
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  // The limit counts a request when it arrives; every answer (429 or not) leaves after the latency.
  const waitMs = admit()
  const answer = () => (waitMs ? tooMany(res, waitMs) : route(req, res))
  if (latencyMs > 0) setTimeout(answer, latencyMs)
  else answer()
}
const server = createServer({ keepAliveTimeout: 30_000 }, handle)
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`)
})
// The parent closes stdin when it is done (or dies): exit then, so no server outlives a run.
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
process.stdin.on('close', () => process.exit(0))
