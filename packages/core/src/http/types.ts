import type { SdkError, ValidationIssue } from '../errors'
import type { BackoffOptions, RateLimitSnapshot } from '../retry'
import type { Limiter, LimiterWaitReason } from '../throttle'
import type { QueryInput } from '../utils/query'
import type { Schema, ValidationMode } from '../validation'

/** HTTP methods the SDKs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD'

/** Per-call options every SDK method accepts as its last argument. */
export interface RequestOptions {
  /** Cancels the call, including any backoff wait. */
  signal?: AbortSignal
  /** Per-attempt timeout in ms, from sending to the last byte of the response body. */
  timeout?: number
  /** Overall time budget for the call, retries and waits included, in ms. */
  deadline?: number
  /** Retries after the first attempt. */
  maxRetries?: number
  /** The longest server-requested wait (Retry-After) the SDK sleeps on; longer ones throw RateLimitError. */
  maxRetryAfter?: number
  /** Extra headers for this call. */
  headers?: Record<string, string>
  /** Response validation for this call. */
  validation?: ValidationMode
  /**
   * Lists only: how many pages to fetch at once (a whole number, 1 to 16; default 1, one page at a time).
   * Pages are fetched ahead only when their parameters are known without the previous answer (page-number
   * or offset paging whose first answer gave a total); other lists walk one page at a time.
   */
  concurrency?: number
}

/** Events passed to hooks. They carry no headers, bodies or credentials. */
export interface RequestEvent {
  method: string
  /** The path without its query string. */
  path: string
  attempt: number
  tier: string
}
/** A response arrived (any status). */
export interface ResponseEvent extends RequestEvent {
  status: number
  durationMs: number
  requestId?: string | undefined
  rateLimit?: RateLimitSnapshot | undefined
  /** Schema mismatches tolerated in `loose` mode. */
  validationIssues?: ValidationIssue[] | undefined
}
/** An attempt failed and another will follow after `delayMs`. */
export interface RetryEvent extends RequestEvent {
  delayMs: number
  status?: number | undefined
  reason: string
}
/** The call failed for good. */
export interface ErrorEvent extends RequestEvent {
  error: SdkError
  durationMs: number
}
/** A free-form SDK event (e.g. a JSON-RPC fallback, a token refresh). */
export interface NoticeEvent {
  type: string
  message: string
  [key: string]: unknown
}

/**
 * The notice a call held by a limiter emits, once per call, before it waits: `type` is `'limiter.wait'`,
 * `waitMs` about how long (a later server pause can lengthen it), `reason` whether the client-side budget
 * (`'budget'`) or a server's 429 pause (`'server-pause'`) holds it. No headers, query or credentials.
 */
export interface LimiterWaitEvent extends NoticeEvent, RequestEvent {
  type: 'limiter.wait'
  waitMs: number
  reason: LimiterWaitReason
}

/**
 * The notice a call emits when a shared limiter (e.g. on Redis) cannot reach its store and keeps the
 * calls under this process's own budget instead: `type` is `'limiter.fallback'`.
 */
export interface LimiterFallbackEvent extends NoticeEvent, RequestEvent {
  type: 'limiter.fallback'
}

/** Observability callbacks; a throwing hook never breaks a call. */
export interface Hooks {
  onRequest?(event: RequestEvent): void
  onResponse?(event: ResponseEvent): void
  onRetry?(event: RetryEvent): void
  onError?(event: ErrorEvent): void
  onNotice?(event: NoticeEvent): void
}

/** Settings shared by every call a client makes. */
export interface TransportOptions {
  baseUrl: string
  fetch?: typeof fetch
  /**
   * Builds the auth headers for each attempt (called again after a refresh). The signal is the call's:
   * the transport stops waiting when it aborts, whether or not the provider listens to it.
   */
  auth?: (context: {
    signal: AbortSignal | undefined
  }) => Record<string, string> | Promise<Record<string, string>>
  /** Secret forms (see `secretForms`) to scrub from every error and event; asked each time, so rotated tokens are covered. */
  secrets?: () => readonly string[]
  /**
   * Called at most once per call, on a 401: resolve true when fresh credentials are ready and the request
   * should be replayed. `rejected` holds the headers the server refused.
   */
  refreshAuth?: (context: {
    signal: AbortSignal | undefined
    rejected: Record<string, string>
  }) => Promise<boolean>
  headers?: Record<string, string>
  timeout?: number
  deadline?: number
  maxRetries?: number
  maxRetryAfter?: number
  backoff?: BackoffOptions
  validation?: ValidationMode
  hooks?: Hooks
  /** Limiters by tier name; calls without a tier use `default`. */
  limiters?: Record<string, Limiter>
  /** Response headers that carry a request id, first match wins. */
  requestIdHeaders?: string[]
}

/** One request, as a resource describes it. */
export interface RequestSpec<T = unknown> {
  method: HttpMethod
  path: string
  query?: QueryInput
  /**
   * Query keys, in the bracket form they are sent as (`events`, `filter[assignee]`), whose arrays go as
   * repeated `key=value` pairs without `[]` (see `serializeQuery`), as an API declares them.
   */
  repeatQueryKeys?: readonly string[]
  /** A JSON body (serialized here). */
  body?: unknown
  contentType?: string
  headers?: Record<string, string>
  /** Declares a POST read-only or idempotent (JSON-RPC find*, Nutan sync upserts), so it retries like a GET. */
  idempotent?: boolean
  tier?: string
  schema?: Schema<T>
  /** False for calls that must not carry credentials (discovery, token endpoints). */
  auth?: boolean
  /**
   * Finds an error a protocol reports inside a successful answer (a JSON-RPC `error` in a 200), so it is
   * retried, redacted and reported to hooks exactly like an HTTP error.
   */
  check?: (data: T, response: ResponseMeta) => SdkError | undefined
  /** The credentials a successful answer issues (a token endpoint's), scrubbed from its own headers and events. */
  issuesSecrets?: (data: T) => readonly (string | undefined)[]
  /** False for the refresh call itself, so a 401 there never loops. */
  refreshOn401?: boolean
  options?: RequestOptions | undefined
}

/** What a caller can learn about the HTTP exchange behind a result. */
export interface ResponseMeta {
  status: number
  headers: Headers
  requestId: string | undefined
  url: string
  attempts: number
  durationMs: number
  rateLimit: RateLimitSnapshot | undefined
}

/** A result together with its response metadata. */
export interface WithResponse<T> {
  data: T
  response: ResponseMeta
}
