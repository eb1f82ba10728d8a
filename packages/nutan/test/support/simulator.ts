// The client's tests run against @x/testkit's Nutan simulator. This wraps its in-process fetch to
// record what the client sent (method, path, query, headers, body) and the status it got back, and
// lets a test put msw handlers in front of the simulator for a misbehaviour its fault API cannot
// express (an echoed credential, an answer lost after the server acted, a body missing a field).
import { createNutanSimulator, type NutanSimulator, type NutanSimulatorOptions } from '@x/testkit'
import { getResponse, type RequestHandler } from 'msw'
import { NutanClient, type NutanClientOptions } from '../../src'

export const BASE = 'https://api.nutan.ai/v1'

/** One request the client sent, and the status it got (0: the connection failed). */
export interface Sent {
  method: string
  path: string
  query: URLSearchParams
  headers: Headers
  /** The raw body text. */
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: tests read bodies loosely
  body: any
  status: number | undefined
  responseHeaders: Headers | undefined
}

export interface NutanTestServer {
  sim: NutanSimulator
  /** The simulator's fetch, recording every request (and answering through `use()` handlers first). */
  fetch: typeof fetch
  sent: Sent[]
  /** Requests sent to a path under /v1 (and method). */
  to(path: string, method?: string): Sent[]
  /** Requests to the token endpoint with `grant_type: refresh_token`. */
  refreshes(): Sent[]
  /** Puts msw handlers in front of the simulator; a handler may call `sim.fetch(request)` itself. */
  use(...handlers: RequestHandler[]): void
  /** A fresh access token the simulator accepts. */
  token(): string
  /** A fresh refresh token the simulator accepts (once: refreshing rotates it out). */
  refreshToken(): string
  /** An access token the simulator signed, whose `exp` passed a minute ago. */
  expiredToken(): string
  /** Makes the simulator accept `token` as a refresh token too. */
  acceptRefreshToken(token: string): string
  /** Makes every access token issued so far invalid (the signing key rotates). */
  revokeAccessTokens(): void
  /** A client on the simulator with a valid token and its own rate tiers wide open (unless a test sets them). */
  client(options?: Partial<NutanClientOptions>): NutanClient
}

/** A fresh simulator (seed 1) and a recorder around it. */
export function nutanServer(options: NutanSimulatorOptions = {}): NutanTestServer {
  const sim = createNutanSimulator(options)
  const sent: Sent[] = []
  let overrides: RequestHandler[] = []
  let rotations = 0

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const text = await request.clone().text()
    const url = new URL(request.url)
    let body: unknown = text || undefined
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {}
    const entry: Sent = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      text,
      body,
      status: undefined,
      responseHeaders: undefined,
    }
    sent.push(entry)
    try {
      const response =
        (overrides.length > 0 ? await getResponse(overrides, request.clone()) : undefined) ??
        (await sim.fetch(request))
      entry.status = response.status
      entry.responseHeaders = response.headers
      return response
    } catch (error) {
      entry.status = 0
      throw error
    }
  }

  const server: NutanTestServer = {
    sim,
    fetch,
    sent,
    to: (path, method) =>
      sent.filter((s) => s.path === `/v1${path}` && (method === undefined || s.method === method)),
    refreshes: () => server.to('/auth/token', 'POST').filter((s) => s.body?.grant_type === 'refresh_token'),
    use: (...handlers) => {
      overrides = [...handlers, ...overrides]
    },
    token: () => sim.issueTokens().access_token,
    refreshToken: () => sim.issueTokens().refresh_token,
    expiredToken: () => sim.issueTokens({ ttlMs: -60_000 }).access_token,
    acceptRefreshToken: (token) => {
      const record = sim.db.tokens.refreshTokens.get(sim.credentials.refreshToken)
      sim.db.tokens.refreshTokens.set(token, {
        subject: record?.subject ?? 'usr_000001',
        issuedAt: Date.now(),
      })
      return token
    },
    revokeAccessTokens: () => {
      sim.db.tokens.secret = `rotated-signing-key-${++rotations}`
    },
    client: (clientOptions = {}) => {
      const credentials =
        clientOptions.accessToken || clientOptions.refreshToken || clientOptions.getAccessToken
          ? {}
          : { accessToken: server.token() }
      return new NutanClient({
        fetch,
        limiter: { global: 1e6, strict: 1e6 },
        ...credentials,
        ...clientOptions,
      })
    },
  }
  return server
}

/** A change set of `n` upserts spread over contacts, deals and meetings, plus `deletes` contact ids. */
export function changeSet(n: number, deletes = 0) {
  const tables = ['contacts', 'deals', 'meetings'] as const
  const upserts: Record<string, { id: string; [key: string]: unknown }[]> = {
    contacts: [],
    deals: [],
    meetings: [],
  }
  for (let i = 0; i < n; i++) {
    const table = tables[i % 3]!
    upserts[table]!.push({ id: `${table}_${i}`, name: `row ${i}` })
  }
  return {
    upserts,
    deletes: deletes > 0 ? { contacts: Array.from({ length: deletes }, (_, i) => `old_contact_${i}`) } : {},
  }
}

/** A token-shaped string (an unsigned JWT) carrying `claims`: the simulator refuses it as invalid. */
export function foreignJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`
}
