import type { FaultBodyKind } from './faults'

/** What a simulated service plugs into the shared pipeline: its routes and how its errors look. */
export interface ServiceProfile {
  /** The URLs this service answers in msw (any origin). */
  owns(url: URL): boolean
  /** Answers a request that passed fault injection; `undefined` when no route matches. */
  dispatch(request: Request, url: URL): Promise<Response | undefined>
  /** The service's answer to a path it does not know. */
  notFound(url: URL): Response
  /** An injected error with the service's error body. */
  errorResponse(status: number, body: FaultBodyKind, url: URL): Response
  /** An HTML error page as the service (or its proxy) serves it. */
  htmlResponse(status: number, url: URL): Response
  /** The body of a 429 from the fault rate limiter (headers are added by the pipeline). */
  rateLimitedResponse(url: URL): Response
  /** Adds per-response headers such as a request id; `n` is the 1-based request number. */
  decorate?(response: Response, n: number): void
  /** Response headers a browser page may read (CORS `Access-Control-Expose-Headers`). */
  exposeHeaders: readonly string[]
  /** Request headers a browser page may send (CORS `Access-Control-Allow-Headers`). */
  allowHeaders: readonly string[]
  /** Resets the service's own per-run state (the pipeline resets its counters itself). */
  reset(): void
}
