// A small, scriptable Nutan API for tests: msw handlers answered in process through a `fetch` the
// client is given, so no global interception and every request the client sent is recorded.
import { getResponse, HttpResponse, http, type RequestHandler } from 'msw'
import { NutanClient, type NutanClientOptions } from '../../src'

export const BASE = 'https://api.nutan.ai/v1'
export const START = Date.UTC(2025, 5, 2, 12, 0, 0)
export const TTL_SECONDS = 15 * 60

export interface Sent {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely
  body: any
}

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** An (unsigned) JWT carrying `exp`, like Nutan's access tokens. */
export function jwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}.c2lnbmF0dXJl`
}

/** Nutan's error body. */
export function nutanError(status: number, error: string, message: string, init: ResponseInit = {}) {
  return HttpResponse.json({ error, message }, { ...init, status })
}

/** A list envelope sliced by the request's `limit`/`offset`, capping the limit at `max`. */
export function listOf<T>(rows: readonly T[], url: URL, max = 200) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), max)
  const offset = Number(url.searchParams.get('offset') ?? 0)
  return HttpResponse.json({ data: rows.slice(offset, offset + limit), total: rows.length, limit, offset })
}

/** Tokens the fake accepts, and its token endpoint's behaviour. */
export interface FakeAuth {
  valid: Set<string>
  /** Refresh tokens that still work (each works once: refreshing rotates it). */
  refreshTokens: Set<string>
  refreshCalls: number
  issued: number
  /** When set, the token endpoint answers this status to refresh grants. */
  refuseWith: number | undefined
  /** Mints a valid access token expiring `ttlSeconds` from now. */
  issue(ttlSeconds?: number): string
}

export interface FakeNutan {
  fetch: typeof fetch
  sent: Sent[]
  auth: FakeAuth
  /** Adds handlers in front of the others. */
  use(...handlers: RequestHandler[]): void
  /** Requests sent to a path (and method). */
  to(path: string, method?: string): Sent[]
}

function createAuth(): FakeAuth {
  const auth: FakeAuth = {
    valid: new Set(),
    refreshTokens: new Set(['rt-initial']),
    refreshCalls: 0,
    issued: 0,
    refuseWith: undefined,
    issue(ttlSeconds = TTL_SECONDS) {
      const n = ++auth.issued
      const token = jwt({ sub: 'usr_1', n, exp: Math.floor(Date.now() / 1000) + ttlSeconds })
      auth.valid.add(token)
      return token
    },
  }
  return auth
}

function tokenEndpoint(auth: FakeAuth) {
  return http.post(`${BASE}/auth/token`, async ({ request }) => {
    const type = request.headers.get('content-type') ?? ''
    const text = await request.text()
    const body: Record<string, string> = type.includes('form')
      ? Object.fromEntries(new URLSearchParams(text))
      : JSON.parse(text)
    if (body.grant_type === 'refresh_token') {
      auth.refreshCalls++
      if (auth.refuseWith) return nutanError(auth.refuseWith, 'invalid_grant', 'Refresh token is invalid')
      if (!body.refresh_token || !auth.refreshTokens.has(body.refresh_token))
        return nutanError(401, 'invalid_grant', 'Refresh token is invalid or was rotated out')
      auth.refreshTokens.delete(body.refresh_token)
    } else if (body.grant_type === 'authorization_code') {
      if (body.code !== 'code-ok') return nutanError(401, 'invalid_grant', 'Authorization code is invalid')
    } else {
      return nutanError(400, 'unsupported_grant_type', 'Unsupported grant')
    }
    const access = auth.issue()
    const refresh = `rt-${auth.issued}`
    auth.refreshTokens.add(refresh)
    return HttpResponse.json({
      access_token: access,
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: TTL_SECONDS,
    })
  })
}

/** Answers 401 unless the bearer token is one the fake issued and still accepts. */
function bearerCheck(auth: FakeAuth) {
  return http.all(`${BASE}/*`, ({ request }) => {
    if (/\/(o?auth)\//.test(new URL(request.url).pathname)) return undefined
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
    if (!token || !auth.valid.has(token)) return nutanError(401, 'unauthorized', 'Token expired')
    return undefined
  })
}

/** A fake Nutan API; routes are added per test with `use()`. */
export function createFakeNutan(): FakeNutan {
  const auth = createAuth()
  let routes: RequestHandler[] = []
  const sent: Sent[] = []
  const fake: FakeNutan = {
    sent,
    auth,
    use: (...handlers) => {
      routes = [...handlers, ...routes]
    },
    to: (path, method) =>
      sent.filter((s) => s.path === `/v1${path}` && (method === undefined || s.method === method)),
    fetch: async (input, init) => {
      const request = new Request(input as RequestInfo, init)
      const text = await request.clone().text()
      const url = new URL(request.url)
      let body: unknown = text
      try {
        body = text ? JSON.parse(text) : undefined
      } catch {}
      sent.push({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body,
      })
      const response = await getResponse([bearerCheck(auth), ...routes, tokenEndpoint(auth)], request)
      return response ?? nutanError(404, 'not_found', 'Route not found')
    },
  }
  return fake
}

/** A client on the fake with a valid token and rate tiers wide open (unless a test sets them). */
export function clientFor(fake: FakeNutan, options: Partial<NutanClientOptions> = {}): NutanClient {
  const credentials =
    options.accessToken || options.refreshToken || options.getAccessToken
      ? {}
      : { accessToken: fake.auth.issue() }
  return new NutanClient({
    fetch: fake.fetch,
    rateLimits: { global: 1e6, strict: 1e6 },
    ...credentials,
    ...options,
  })
}
