import type { PathParams } from 'msw'
import { type HttpHandler, HttpResponse, http } from 'msw/http'
import { NutanHttpError } from './errors'
import type { NutanOverLimit } from './paging'
import { admitRequest, type NutanRateLimits, type RateTier } from './rate-limit'
import { verifyNutanAccessToken } from './tokens'
import type { NutanExtraFields, NutanState } from './types'

/** Options every route sees, with defaults applied. */
export interface NutanRouteOptions {
  accessTokenTtlMs: number
  now: () => number
  limits: NutanRateLimits
  /** What lists do with a `limit` above 200. */
  overLimit: NutanOverLimit
  /** Fields a newer API adds to every record of a collection it answers with. */
  extraFields: NutanExtraFields
}

/** What a route handler gets: the state, the parsed request and the current time. */
export interface NutanRouteContext {
  state: NutanState
  request: Request
  url: URL
  params: Record<string, string>
  now: number
  options: NutanRouteOptions
}

type RouteFn = (ctx: NutanRouteContext) => Response | Promise<Response>
type Method = 'get' | 'post' | 'patch' | 'delete' | 'all'

/** A JSON response with Nutan's content type. */
export function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as Record<string, unknown>, { status })
}

/** An empty 204 response. */
export function noContent(): Response {
  return new HttpResponse(null, { status: 204 })
}

function errorResponse(error: NutanHttpError): Response {
  const body = error.details
    ? { error: error.code, message: error.message, details: error.details }
    : { error: error.code, message: error.message }
  const response = json(body, error.status)
  for (const [name, value] of Object.entries(error.headers)) response.headers.set(name, value)
  return response
}

function authenticate(ctx: NutanRouteContext): void {
  const header = ctx.request.headers.get('authorization') ?? ''
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  const fail = (message: string): NutanHttpError =>
    new NutanHttpError(401, 'unauthorized', message, undefined, {
      'WWW-Authenticate': 'Bearer realm="nutan", error="invalid_token"',
    })
  if (!match) throw fail('Missing bearer token')
  const check = verifyNutanAccessToken(ctx.state, match[1]!, ctx.now)
  if (!check.ok) throw fail(check.reason === 'expired' ? 'Token expired' : 'Invalid token')
}

function flatParams(params: PathParams): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) flat[name] = typeof value === 'string' ? value : value.join('/')
  }
  return flat
}

/** Runs one request through the rate tiers, auth and the route, and stamps the common headers. */
async function serve(
  state: NutanState,
  options: NutanRouteOptions,
  spec: { tier: RateTier; auth: boolean },
  request: Request,
  params: PathParams,
  fn: RouteFn,
): Promise<Response> {
  const now = options.now()
  const requestId = `req_${String(++state.counters.requests).padStart(8, '0')}`
  const decision = admitRequest(state, spec.tier, options.limits, now)
  let response: Response
  if (!decision.allowed) {
    response = errorResponse(
      new NutanHttpError(429, 'rate_limited', 'Too many requests, retry after the window resets', undefined, {
        'Retry-After': String(decision.retryAfterSeconds),
      }),
    )
  } else {
    const ctx: NutanRouteContext = {
      state,
      request,
      url: new URL(request.url),
      params: flatParams(params),
      now,
      options,
    }
    try {
      if (spec.auth) authenticate(ctx)
      response = await fn(ctx)
    } catch (error) {
      if (!(error instanceof NutanHttpError)) throw error
      response = errorResponse(error)
    }
  }
  for (const [name, value] of Object.entries(decision.headers)) response.headers.set(name, value)
  response.headers.set('x-request-id', requestId)
  return response
}

/** Builds msw handlers that share one state and one set of options. */
export function createNutanRouter(state: NutanState, options: NutanRouteOptions) {
  return (
    method: Method,
    path: string | ((request: Request) => boolean),
    fn: RouteFn,
    spec: { tier?: RateTier; auth?: boolean } = {},
  ): HttpHandler => {
    const resolved = { tier: spec.tier ?? 'global', auth: spec.auth ?? true }
    const predicate = typeof path === 'string' ? path : ({ request }: { request: Request }) => path(request)
    return http[method](predicate, ({ request, params }) =>
      serve(state, options, resolved, request, params, fn),
    )
  }
}

export type NutanRoute = ReturnType<typeof createNutanRouter>
