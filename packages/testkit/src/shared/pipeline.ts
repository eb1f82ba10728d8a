import type { FaultEngine, FaultPlan } from './faults'
import { appendToLog, type RequestLogEntry } from './request-log'
import type { ServiceProfile } from './service-profile'
import { sleep } from './sleep'

/** The one request path every transport shares: faults, then the service's routes. */
export type Pipeline = (request: Request) => Promise<Response>

/** Counters the pipeline keeps per simulator. */
export interface PipelineState {
  count: number
  readonly requests: RequestLogEntry[]
}

function setRateHeaders(headers: Headers, rate: NonNullable<FaultPlan['rate']>): void {
  headers.set('RateLimit-Limit', String(rate.limit))
  headers.set('RateLimit-Remaining', String(rate.remaining))
  headers.set('RateLimit-Reset', String(Math.ceil(rate.resetMs / 1000)))
}

function setRetryAfter(headers: Headers, ms: number): void {
  headers.set('Retry-After', String(Math.ceil(ms / 1000)))
  headers.set('retry-after-ms', String(Math.ceil(ms)))
}

async function truncated(response: Response): Promise<Response> {
  if (response.status === 204 || response.status === 304 || !response.body) return response
  const text = await response.text()
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers })
}

async function respond(
  profile: ServiceProfile,
  plan: FaultPlan,
  request: Request,
  url: URL,
): Promise<Response> {
  const { outcome } = plan
  switch (outcome.kind) {
    case 'drop':
      return Response.error()
    case 'html':
      return profile.htmlResponse(outcome.status, url)
    case 'rateLimited': {
      const response = profile.rateLimitedResponse(url)
      setRetryAfter(response.headers, outcome.retryAfterMs)
      return response
    }
    case 'error': {
      const response = profile.errorResponse(outcome.status, outcome.body, url)
      if (outcome.retryAfterMs !== undefined) setRetryAfter(response.headers, outcome.retryAfterMs)
      return response
    }
    case 'pass': {
      const response = (await profile.dispatch(request, url)) ?? profile.notFound(url)
      return outcome.truncate ? truncated(response) : response
    }
  }
}

/** Builds the pipeline: number the request, plan its faults, wait out latency, answer, log. */
export function createPipeline(profile: ServiceProfile, faults: FaultEngine, state: PipelineState): Pipeline {
  return async (request) => {
    const n = ++state.count
    const url = new URL(request.url)
    const plan = faults.plan(n, request.method, url.pathname, Date.now())
    if (plan.latencyMs > 0) await sleep(plan.latencyMs, request.signal)
    const response = await respond(profile, plan, request, url)
    if (response.type !== 'error') {
      if (plan.rate) setRateHeaders(response.headers, plan.rate)
      profile.decorate?.(response, n)
    }
    appendToLog(state.requests, {
      method: request.method,
      path: url.pathname,
      status: response.type === 'error' ? 0 : response.status,
    })
    return response
  }
}
