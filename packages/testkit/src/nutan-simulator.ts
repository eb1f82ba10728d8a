import { getResponse } from 'msw/utils/get-response'
import {
  createNutanState,
  issueNutanTokens,
  NUTAN_TEST_AUTH_CODE,
  NUTAN_TEST_REFRESH_TOKEN,
  type NutanExtraFields,
  type NutanOverLimit,
  type NutanState,
  type NutanStateSize,
  type NutanTokenResponse,
  nutanHandlers,
  resetNutanState,
} from './nutan/index'
import { BASE_ALLOW_HEADERS, BASE_EXPOSE_HEADERS } from './shared/cors'
import type { FaultBodyKind, FaultOptions } from './shared/faults'
import type { ServiceProfile } from './shared/service-profile'
import { createSimulatorCore, type SimulatorBase } from './shared/simulator-base'

/** Options of `createNutanSimulator`. */
export interface NutanSimulatorOptions {
  /** Seed of the data and the faults (default 1). */
  seed?: number
  faults?: FaultOptions
  /** Lifetime of issued access tokens (default 15 minutes). */
  accessTokenTtlMs?: number
  /**
   * Nutan's own per-IP rate tiers (defaults: global 100, strict 10 per 60 s window; `Infinity` turns one
   * off). `windowMs` shortens the minute for a test that must not wait minutes.
   */
  rateLimits?: { globalPerMinute?: number; strictPerMinute?: number; windowMs?: number }
  size?: NutanStateSize
  /** A list `limit` above 200: `reject` answers 400 (default), `clamp` serves 200 and reports `limit: 200`. */
  overLimit?: NutanOverLimit
  /** Fields a newer API version adds to the records of a collection (as Nutan's regenerated spec may). */
  extraFields?: NutanExtraFields
}

/** A stateful Nutan simulator serving `/v1/...` on any origin. */
export interface NutanSimulator extends SimulatorBase {
  /** The live state: records, synced rows, usage, tokens. */
  db: NutanState
  /** An auth code and a refresh token the simulator accepts (valid after every reset). */
  credentials: { authCode: string; refreshToken: string }
  /**
   * Issues a fresh access + refresh token pair, as `POST /v1/auth/token` would. `ttlMs` overrides the
   * access token's lifetime; a negative one gives a token that expired that long ago.
   */
  issueTokens(options?: { ttlMs?: number }): NutanTokenResponse
  seed: number
  /** Back to the seed data, an empty request log and the initial faults. */
  reset(): void
}

const DEFAULT_TTL_MS = 15 * 60_000

function nutanError(status: number, code: string, message: string): Response {
  return Response.json({ error: code, message }, { status })
}

const ERROR_CODES: Record<number, [string, string]> = {
  400: ['validation_error', 'Request validation failed'],
  401: ['unauthorized', 'Invalid token'],
  403: ['forbidden', 'Not allowed'],
  404: ['not_found', 'Not found'],
  429: ['rate_limited', 'Too many requests, retry after the window resets'],
  500: ['internal_error', 'Internal server error'],
  502: ['bad_gateway', 'Bad gateway'],
  503: ['service_unavailable', 'Service temporarily unavailable'],
  504: ['gateway_timeout', 'Gateway timeout'],
}

/** An HTML page as a proxy in front of Nutan would serve it. */
function proxyPage(status: number): Response {
  const title = `${status} ${ERROR_CODES[status]?.[1] ?? 'Error'}`
  return new Response(
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
    {
      status,
      headers: { 'content-type': 'text/html' },
    },
  )
}

function errorResponse(status: number, body: FaultBodyKind): Response {
  if (body === 'html') return proxyPage(status)
  const [code, message] = ERROR_CODES[status] ?? ['error', 'Request failed']
  if (body === 'string') return Response.json(message, { status })
  return nutanError(status, code, message)
}

function ownsNutanPath(url: URL): boolean {
  return (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) && url.pathname !== '/v1/json'
}

/** Creates a Nutan simulator around the Nutan handlers, with the shared faults, fetch, listen() and log. */
export function createNutanSimulator(options: NutanSimulatorOptions = {}): NutanSimulator {
  const seed = options.seed ?? 1
  const ttl = options.accessTokenTtlMs ?? DEFAULT_TTL_MS
  const state = createNutanState({ seed, size: options.size })
  const routes = nutanHandlers(state, {
    accessTokenTtlMs: ttl,
    now: () => Date.now(),
    rateLimits: options.rateLimits,
    overLimit: options.overLimit,
    extraFields: options.extraFields,
  })
  const profile: ServiceProfile = {
    owns: ownsNutanPath,
    dispatch: (request) => getResponse(routes, request),
    notFound: () => nutanError(404, 'not_found', 'Route not found'),
    errorResponse,
    htmlResponse: proxyPage,
    rateLimitedResponse: () => nutanError(429, ...ERROR_CODES[429]!),
    exposeHeaders: [...BASE_EXPOSE_HEADERS, 'x-request-id'],
    allowHeaders: [...BASE_ALLOW_HEADERS],
    reset: () => resetNutanState(state, seed),
  }
  const core = createSimulatorCore(profile, { seed, faults: options.faults })
  return {
    handlers: core.handlers,
    fetch: core.fetch,
    listen: core.listen,
    faults: core.faults,
    requests: core.requests,
    db: state,
    credentials: { authCode: NUTAN_TEST_AUTH_CODE, refreshToken: NUTAN_TEST_REFRESH_TOKEN },
    issueTokens: (issue = {}) => issueNutanTokens(state, Date.now(), issue.ttlMs ?? ttl),
    seed,
    reset: core.resetBase,
  }
}
