// The loopback server the benchmarks measure against, run as its own process so its CPU is not the client's.
// Usage: node scripts/bench/server.ts [--leads-total N] [--nutan-total N]; prints {"url": ...} once listening.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { leadsPage, nutanPage } from './fixtures.ts'

const { values } = parseArgs({
  options: {
    'leads-total': { type: 'string' },
    'nutan-total': { type: 'string' },
    'cache-all': { type: 'boolean' },
  },
})
const leadsTotal = Number(values['leads-total'] ?? 100_000)
const nutanTotal = Number(values['nutan-total'] ?? 100_000)

const cacheAll = values['cache-all'] ?? false

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

function handle(req: IncomingMessage, res: ServerResponse): void {
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
  notFound(res)
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
