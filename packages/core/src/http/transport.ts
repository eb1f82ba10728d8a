import pRetry from 'p-retry'
import { ApiError, apiErrorFromResponse, RateLimitError, SdkError, TimeoutError } from '../errors'
import { backoffDelay, isIdempotent, isRetryable, parseRetryAfter, type RateLimitSnapshot } from '../retry'
import { createAdaptiveLimiter, type Limiter } from '../throttle'
import { serializeQuery } from '../utils/query'
import { redactText } from '../utils/redact'
import { sleep } from '../utils/sleep'
import { assertSafeForCredentials, BaseUrl } from '../utils/url'
import { checkResponse } from '../validation'
import { ApiPromise } from './api-promise'
import { abortedError, classifyThrown } from './classify'
import { parseSuccessBody } from './read-body'
import { redactError } from './redact-error'
import { responseMeta } from './response-meta'
import { type Sent, send } from './send'
import type { Hooks, RequestSpec, ResponseEvent, ResponseMeta, TransportOptions, WithResponse } from './types'

const DEFAULT_TIMEOUT = 30_000
const DEFAULT_MAX_RETRIES = 2
const DEFAULT_MAX_RETRY_AFTER = 60_000
/** Server-hinted 429 waits do not use up `maxRetries`; this bounds them instead. */
const MAX_RATE_LIMIT_WAITS = 20
const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id']

interface CallState {
  method: string
  path: string
  tier: string
  url: string
  safeForCredentials: boolean
  timeoutMs: number
  callSignal: AbortSignal | undefined
  deadlineTimer: ReturnType<typeof setTimeout> | undefined
  start: number
  attempts: number
  rateLimitWaits: number
  refreshed: boolean
}

/** The one request pipeline both clients share: throttle → retry → fetch → typed error or validated result. */
export class Transport {
  readonly options: TransportOptions
  private readonly limiters: Record<string, Limiter>
  private readonly requestIdHeaders: readonly string[]
  private latest: ResponseMeta | undefined
  private base: BaseUrl | undefined

  constructor(options: TransportOptions) {
    this.options = options
    this.limiters = { default: createAdaptiveLimiter(), ...options.limiters }
    this.requestIdHeaders = options.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS
  }

  /** The rate-limit headers of the latest response; undefined when it carried none. */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.latest?.rateLimit
  }

  /** Sends one logical call (with retries) and resolves to its parsed, validated body. */
  request<T>(spec: RequestSpec<T>): ApiPromise<T> {
    return new ApiPromise(this.run(spec))
  }

  /** Calls a hook; a throwing hook is ignored. Callers build the event only when the hook is set. */
  private emit<K extends keyof Hooks>(name: K, event: Parameters<NonNullable<Hooks[K]>>[0]): void {
    const hook = this.options.hooks?.[name] as ((e: typeof event) => void) | undefined
    try {
      hook?.(event)
    } catch {
      // A user's hook must never break or alter a call.
    }
  }

  private secretForms(): readonly string[] {
    return this.options.secrets?.() ?? []
  }

  private redact = (text: string): string => redactText(text, this.secretForms())

  /**
   * One logical call: the first attempt, then (only if it fails) p-retry for the rest. Most calls succeed at
   * once, and every async frame and allocation on that path shows on a small call, so the first attempt
   * runs here directly and p-retry is set up only for a failure, which it replays as its own first attempt.
   */
  private async run<T>(spec: RequestSpec<T>): Promise<WithResponse<T>> {
    const state = this.callState(spec)
    try {
      if (spec.auth !== false && !state.safeForCredentials) assertSafeForCredentials(new URL(state.url))
      const limiter = this.limiters[state.tier] ?? this.limiters.default!
      const attemptOnce = () => limiter.schedule(() => this.attempt(spec, state), state.callSignal)
      try {
        return await attemptOnce()
      } catch (first) {
        return await this.retry(spec, state, limiter, (n) =>
          n === 1 ? Promise.reject(first) : attemptOnce(),
        )
      }
    } catch (thrown) {
      throw this.failed(thrown, state)
    } finally {
      if (state.deadlineTimer !== undefined) clearTimeout(state.deadlineTimer)
    }
  }

  private callState<T>(spec: RequestSpec<T>): CallState {
    const opts = spec.options
    // Parsed on the first call, not in the constructor: a bad base URL fails the call, as it always has.
    this.base ??= new BaseUrl(this.options.baseUrl)
    const { url, path, safeForCredentials } = this.base.resolve(spec.path, serializeQuery(spec.query))
    const deadlineMs = opts?.deadline ?? this.options.deadline
    let callSignal = opts?.signal
    let deadlineTimer: ReturnType<typeof setTimeout> | undefined
    if (deadlineMs) {
      const deadline = new AbortController()
      const place = { method: spec.method, path }
      deadlineTimer = setTimeout(
        () => deadline.abort(new TimeoutError(place, deadlineMs, 'deadline')),
        deadlineMs,
      )
      callSignal = callSignal ? AbortSignal.any([callSignal, deadline.signal]) : deadline.signal
    }
    return {
      method: spec.method,
      path,
      tier: spec.tier ?? 'default',
      url,
      safeForCredentials,
      timeoutMs: opts?.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT,
      callSignal,
      deadlineTimer,
      start: Date.now(),
      attempts: 0,
      rateLimitWaits: 0,
      refreshed: false,
    }
  }

  /** The call's final error, redacted and reported to `onError`. */
  private failed(thrown: unknown, state: CallState): SdkError {
    const error = redactError(this.finalError(thrown, state), this.secretForms())
    if (this.options.hooks?.onError) {
      this.emit('onError', { ...this.eventBase(state), error, durationMs: Date.now() - state.start })
    }
    return error
  }

  private finalError(thrown: unknown, state: CallState): SdkError {
    if (state.callSignal?.aborted) return abortedError(state.callSignal)
    return thrown instanceof SdkError
      ? thrown
      : classifyThrown(thrown, state, { ...state, redact: this.redact })
  }

  private eventBase(state: CallState) {
    return { method: state.method, path: state.path, attempt: state.attempts, tier: state.tier }
  }

  private retry<T>(
    spec: RequestSpec<T>,
    state: CallState,
    limiter: Limiter,
    attempt: (n: number) => Promise<WithResponse<T>>,
  ): Promise<WithResponse<T>> {
    const opts = spec.options ?? {}
    const maxRetries = opts.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES
    const maxRetryAfter = opts.maxRetryAfter ?? this.options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER
    const idempotent = isIdempotent(spec.method, spec.idempotent)
    let retriesUsed = 0
    return pRetry(attempt, {
      retries: maxRetries,
      minTimeout: 0,
      signal: state.callSignal,
      shouldConsumeRetry: ({ error }) =>
        !(isHintedRateLimit(error) && state.rateLimitWaits < MAX_RATE_LIMIT_WAITS),
      shouldRetry: async ({ error }) => {
        if (!isRetryable(error, idempotent)) return false
        const hinted = isHintedRateLimit(error)
        if (hinted) state.rateLimitWaits++
        else retriesUsed++
        const hint = error instanceof ApiError ? error.retryAfterMs : undefined
        if (hint !== undefined && hint > maxRetryAfter) return false
        if (error instanceof RateLimitError && hint !== undefined) limiter.pause?.(hint)
        const delayMs = hint ?? backoffDelay(Math.max(1, retriesUsed), this.options.backoff)
        if (this.options.hooks?.onRetry) {
          this.emit('onRetry', {
            ...this.eventBase(state),
            delayMs,
            status: error instanceof ApiError ? error.status : undefined,
            reason: error instanceof ApiError ? `${error.status}` : error.name,
          })
        }
        await sleep(delayMs, state.callSignal)
        return true
      },
    })
  }

  /** The auth headers for one attempt; awaited only when the provider is asynchronous. */
  private authHeaders<T>(
    spec: RequestSpec<T>,
  ): Record<string, string> | PromiseLike<Record<string, string>> | undefined {
    return spec.auth === false ? undefined : this.options.auth?.()
  }

  /** One attempt: headers, then the request; its answer is settled by `settle`. */
  private async attempt<T>(spec: RequestSpec<T>, state: CallState): Promise<WithResponse<T>> {
    state.attempts++
    const started = Date.now()
    const pendingAuth = this.authHeaders(spec)
    const headers = this.headersFor(spec, isThenable(pendingAuth) ? await pendingAuth : pendingAuth)
    if (this.options.hooks?.onRequest) this.emit('onRequest', this.eventBase(state))
    let sent: Sent
    try {
      sent = await send(state.url, {
        method: spec.method,
        headers,
        body: bodyText(spec.body),
        timeoutMs: state.timeoutMs,
        signal: state.callSignal,
        fetch: this.options.fetch,
      })
    } catch (thrown) {
      throw classifyThrown(thrown, state, { ...state, redact: this.redact })
    }
    return this.settle(spec, state, sent, started)
  }

  private headersFor<T>(
    spec: RequestSpec<T>,
    auth: Record<string, string> | undefined,
  ): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers }
    if (spec.body !== undefined) headers['content-type'] = spec.contentType ?? 'application/json'
    return Object.assign(headers, spec.headers, spec.options?.headers, auth)
  }

  /**
   * Turns an attempt's answer into the call's result or its typed error. Synchronous except after a 401,
   * where credentials may be refreshed and the attempt replayed.
   */
  private settle<T>(
    spec: RequestSpec<T>,
    state: CallState,
    { response, text }: Sent,
    started: number,
  ): WithResponse<T> | Promise<WithResponse<T>> {
    const now = Date.now()
    const meta = responseMeta(
      {
        status: response.status,
        headers: response.headers,
        url: state.url,
        attempts: state.attempts,
        durationMs: now - state.start,
      },
      this.requestIdHeaders,
      now,
    )
    this.latest = meta
    const hooks = this.options.hooks
    if (!response.ok && response.status !== 304) {
      if (hooks?.onResponse) this.emit('onResponse', this.responseEvent(state, meta, now - started))
      const error = apiErrorFromResponse({
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
        text,
        method: state.method,
        path: state.path,
        requestId: meta.requestId,
        retryAfterMs: parseRetryAfter(response.headers),
      })
      if (response.status === 401) return this.refreshOr(error, spec, state)
      throw error
    }
    const mode = spec.options?.validation ?? this.options.validation ?? 'loose'
    const checked =
      response.status === 304
        ? { data: undefined as T, issues: [] }
        : checkResponse(spec.schema, parseSuccessBody(text, response.headers, state), mode, state)
    if (hooks?.onResponse) {
      this.emit('onResponse', {
        ...this.responseEvent(state, meta, now - started),
        validationIssues: checked.issues.length ? checked.issues : undefined,
      })
    }
    const failure = spec.check?.(checked.data, meta)
    if (failure) throw failure
    return { data: checked.data, response: meta }
  }

  private responseEvent(state: CallState, meta: ResponseMeta, durationMs: number): ResponseEvent {
    const { status, requestId, rateLimit } = meta
    return { ...this.eventBase(state), status, durationMs, requestId, rateLimit }
  }

  /** After a 401: replays the attempt when fresh credentials are ready, else throws the 401's error. */
  private async refreshOr<T>(
    error: SdkError,
    spec: RequestSpec<T>,
    state: CallState,
  ): Promise<WithResponse<T>> {
    if (await this.tryRefresh(spec, state)) return this.attempt(spec, state)
    throw error
  }

  private async tryRefresh<T>(spec: RequestSpec<T>, state: CallState): Promise<boolean> {
    if (state.refreshed || spec.auth === false || spec.refreshOn401 === false || !this.options.refreshAuth)
      return false
    state.refreshed = true
    return this.options.refreshAuth()
  }
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as PromiseLike<T> | undefined)?.then === 'function'
}

/** A request body as sent: strings as they are, anything else as JSON. */
function bodyText(body: unknown): string | undefined {
  if (body === undefined) return undefined
  return typeof body === 'string' ? body : JSON.stringify(body)
}

function isHintedRateLimit(error: unknown): boolean {
  return error instanceof RateLimitError && error.retryAfterMs !== undefined
}
