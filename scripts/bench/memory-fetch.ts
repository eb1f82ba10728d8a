// An in-memory `fetch` that answers the per-call benchmark's requests exactly as server.ts does (same bodies,
// same headers), with no socket and no server: what a contender costs over it is the client's own work.
import { leadsPage, nutanPage } from './fixtures.ts'

const encoder = new TextEncoder()
const LEADS_TOTAL = 100_000
const NUTAN_TOTAL = 100_000

// Pages encoded once (the first pages at load, any other on first use), as server.ts caches them: every
// call then only wraps the same bytes in a fresh Response.
const cache = new Map<string, Uint8Array<ArrayBuffer>>()
function body(key: string, build: () => unknown): Uint8Array<ArrayBuffer> {
  let bytes = cache.get(key)
  if (!bytes) {
    bytes = encoder.encode(JSON.stringify(build()))
    cache.set(key, bytes)
  }
  return bytes
}
body('leads:0:50', () => leadsPage(0, 50, LEADS_TOTAL))
body('contacts:0:50', () => nutanPage(0, 50, NUTAN_TOTAL))
const NOT_FOUND = encoder.encode(JSON.stringify({ error: 'not_found', message: 'No such route' }))

function int(value: string | null, fallback: number): number {
  const n = value === null ? Number.NaN : Number(value)
  return Number.isInteger(n) && n >= 0 ? n : fallback
}

let requestCount = 0
function json(payload: Uint8Array<ArrayBuffer>, extra: Record<string, string> = {}): Response {
  return new Response(payload, {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(payload.length),
      'x-nutshell-request-id': `req-${++requestCount}`,
      ...extra,
    },
  })
}

/** Reads a request body to its end, as the server drains a PATCH before answering. */
async function drain(input: RequestInfo | URL, init: RequestInit | undefined): Promise<void> {
  const source = init?.body ?? (input instanceof Request ? input.body : null)
  if (source != null) await new Response(source).arrayBuffer()
}

/** A drop-in `fetch`: routes on method and URL path as server.ts does; a fresh Response per call. */
export const memoryFetch: typeof fetch = async (input, init) => {
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
  signal?.throwIfAborted()
  const href = input instanceof Request ? input.url : String(input)
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase()
  const url = new URL(href)
  const path = url.pathname.replace(/\/+$/, '')
  const q = url.searchParams
  if (method === 'GET' && path.endsWith('/leads')) {
    const page = int(q.get('page[page]'), 0)
    const limit = int(q.get('page[limit]'), 50)
    return json(body(`leads:${page}:${limit}`, () => leadsPage(page, limit, LEADS_TOTAL)))
  }
  if (method === 'PATCH' && /\/leads\/[^/]+$/.test(path)) {
    await drain(input, init)
    return new Response(null, { status: 204, headers: { 'x-nutshell-request-id': `req-${++requestCount}` } })
  }
  if (method === 'GET' && path.endsWith('/contacts')) {
    const offset = int(q.get('offset'), 0)
    const limit = int(q.get('limit'), 50)
    return json(
      body(`contacts:${offset}:${limit}`, () => nutanPage(offset, limit, NUTAN_TOTAL)),
      { 'ratelimit-limit': '100', 'ratelimit-remaining': '99', 'ratelimit-reset': '60' },
    )
  }
  return new Response(NOT_FOUND, {
    status: 404,
    headers: { 'content-type': 'application/json', 'content-length': String(NOT_FOUND.length) },
  })
}
