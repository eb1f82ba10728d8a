import type { HttpHandler } from 'msw'
import { notFound } from './errors'
import type { NutanOverLimit } from './paging'
import { createNutanRouter } from './router'
import { actionItemRoutes } from './routes/action-items'
import { authRoutes } from './routes/auth'
import { contactRoutes } from './routes/contacts'
import { dealRoutes } from './routes/deals'
import { meetingRoutes } from './routes/meetings'
import { syncRoutes } from './routes/sync'
import { usageRoutes } from './routes/usage'
import type { NutanExtraFields, NutanState } from './types'

/** Options of the Nutan msw handlers. */
export interface NutanHandlerOptions {
  /** Lifetime of the access tokens `POST /v1/auth/token` issues. */
  accessTokenTtlMs: number
  /** The simulator's clock (token expiry, rate windows, timestamps). */
  now: () => number
  /**
   * Requests per window (per IP: the simulator counts every client); `Infinity` turns a tier off.
   * Defaults: global 100, strict (auth, sync) 10, in Nutan's 60 s window. A shorter `windowMs` scales
   * the minute down for a test that must not wait minutes.
   */
  rateLimits?: { globalPerMinute?: number; strictPerMinute?: number; windowMs?: number }
  /** A list `limit` above 200: `reject` answers 400 (default), `clamp` serves 200 and says so in `limit`. */
  overLimit?: NutanOverLimit
  /** Fields a newer API adds to every record of a collection (default none). */
  extraFields?: NutanExtraFields
}

// Nutshell's JSON-RPC discovery lives at `/v1/json`, so the catch-all leaves that path alone and
// both simulators' handlers can share one server.
function isUnknownNutanPath(request: Request): boolean {
  const { pathname } = new URL(request.url)
  return (pathname === '/v1' || pathname.startsWith('/v1/')) && pathname !== '/v1/json'
}

/** msw handlers serving the Nutan API from `state` on any origin (`https://api.nutan.ai/v1`, loopback, ...). */
export function nutanHandlers(state: NutanState, opts: NutanHandlerOptions): HttpHandler[] {
  const route = createNutanRouter(state, {
    accessTokenTtlMs: opts.accessTokenTtlMs,
    now: opts.now,
    limits: {
      globalPerMinute: opts.rateLimits?.globalPerMinute ?? 100,
      strictPerMinute: opts.rateLimits?.strictPerMinute ?? 10,
      windowMs: opts.rateLimits?.windowMs ?? 60_000,
    },
    overLimit: opts.overLimit ?? 'reject',
    extraFields: opts.extraFields ?? {},
  })
  return [
    ...authRoutes(route),
    ...contactRoutes(route),
    ...dealRoutes(route),
    ...meetingRoutes(route),
    ...actionItemRoutes(route),
    ...syncRoutes(route),
    ...usageRoutes(route),
    route(
      'all',
      isUnknownNutanPath,
      () => {
        throw notFound('Route')
      },
      { auth: false },
    ),
  ]
}
