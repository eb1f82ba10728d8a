import pRetry from 'p-retry'
import { AbortError, ApiError, apiErrorFromResponse, RateLimitError, SdkError, TimeoutError } from '../errors'
import { backoffDelay, isIdempotent, isRetryable, parseRetryAfter, type RateLimitSnapshot } from '../retry'
import { createAdaptiveLimiter, type Limiter } from '../throttle'
import { serializeQuery } from '../utils/query'
import { redactText } from '../utils/redact'
import { sleep } from '../utils/sleep'
import { assertSafeForCredentials, joinUrl } from '../utils/url'
import { checkResponse } from '../validation'
import { ApiPromise } from './api-promise'
import { classifyThrown } from './classify'
import { parseSuccessBody } from './read-body'
import { redactError } from './redact-error'
import { responseMeta } from './response-meta'
import { type Sent, send } from './send'
import type { Hooks, RequestSpec, ResponseMeta, TransportOptions, WithResponse } from './types'

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
  idempotent: boolean
  timeoutMs: number
  callSignal: AbortSignal | undefined
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

  /** Calls a hook with the event `build` makes; the event is only built when the hook is set. */
  private emit<K extends keyof Hooks>(name: K, build: () => Parameters<NonNullable<Hooks[K]>>[0]): void {
    const hook = this.options.hooks?.[name] as ((e: ReturnType<typeof build>) => void) | undefined
    if (!hook) return
    try {
      hook(build())
    } catch {
      // A user's hook must never break or alter a call.
    }
  }

  private secretForms(): readonly string[] {
    return this.options.secrets?.() ?? []
  }

  private redact = (text: string): string => redactText(text, this.secretForms())

  private async run<T>(spec: RequestSpec<T>): Promise<WithResponse<T>> {
    const opts = spec.options ?? {}
    const query = serializeQuery(spec.query)
    const url = joinUrl(this.options.baseUrl, spec.path, query)
    const parsed = new URL(url)
    const path = parsed.pathname
    const deadlineMs = opts.deadline ?? this.options.deadline
    const deadline = deadlineMs ? new AbortController() : undefined
    const deadlineTimer = deadline
      ? setTimeout(
          () => deadline.abort(new TimeoutError({ method: spec.method, path }, deadlineMs!, 'deadline')),
          deadlineMs,
        )
      : undefined
    const signals = [opts.signal, deadline?.signal].filter((s): s is AbortSignal => !!s)
    const state: CallState = {
      method: spec.method,
      path,
      tier: spec.tier ?? 'default',
      url,
      idempotent: isIdempotent(spec.method, spec.idempotent),
      timeoutMs: opts.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT,
      callSignal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      start: Date.now(),
      attempts: 0,
      rateLimitWaits: 0,
      refreshed: false,
    }
    try {
      if (spec.auth !== false) assertSafeForCredentials(parsed)
      return await this.withRetries(spec, state)
    } catch (thrown) {
      const error = redactError(this.finalError(thrown, state), this.secretForms())
      const durationMs = Date.now() - state.start
      this.emit('onError', () => ({ ...this.eventBase(state), error, durationMs }))
      throw error
    } finally {
      clearTimeout(deadlineTimer)
    }
  }

  private finalError(thrown: unknown, state: CallState): SdkError {
    if (state.callSignal?.aborted) {
      const reason = state.callSignal.reason
      return reason instanceof SdkError
        ? reason
        : new AbortError('The request was aborted', { cause: undefined })
    }
    return thrown instanceof SdkError
      ? thrown
      : classifyThrown(thrown, state, { ...state, redact: this.redact })
  }

  private eventBase(state: CallState) {
    return { method: state.method, path: state.path, attempt: state.attempts, tier: state.tier }
  }

  /**
   * Runs the first attempt, and hands a failure to p-retry as its own first attempt's, so p-retry decides
   * and runs the retries exactly as if it had made that attempt. Most calls succeed at once, and setting
   * up p-retry for each was a measurable share of a small call's cost.
   */
  private async withRetries<T>(spec: RequestSpec<T>, state: CallState): Promise<WithResponse<T>> {
    const limiter = this.limiters[state.tier] ?? this.limiters.default!
    const attemptOnce = () => limiter.schedule(() => this.attempt(spec, state), state.callSignal)
    let firstFailure: unknown
    try {
      return await attemptOnce()
    } catch (error) {
      firstFailure = error
    }
    return this.retry(spec, state, limiter, (n) => (n === 1 ? Promise.reject(firstFailure) : attemptOnce()))
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
    let retriesUsed = 0
    return pRetry(attempt, {
      retries: maxRetries,
      minTimeout: 0,
      signal: state.callSignal,
      shouldConsumeRetry: ({ error }) =>
        !(isHintedRateLimit(error) && state.rateLimitWaits < MAX_RATE_LIMIT_WAITS),
      shouldRetry: async ({ error }) => {
        if (!isRetryable(error, state.idempotent)) return false
        const hinted = isHintedRateLimit(error)
        if (hinted) state.rateLimitWaits++
        else retriesUsed++
        const hint = error instanceof ApiError ? error.retryAfterMs : undefined
        if (hint !== undefined && hint > maxRetryAfter) return false
        if (error instanceof RateLimitError && hint !== undefined) limiter.pause?.(hint)
        const delayMs = hint ?? backoffDelay(Math.max(1, retriesUsed), this.options.backoff)
        this.emit('onRetry', () => ({
          ...this.eventBase(state),
          delayMs,
          status: error instanceof ApiError ? error.status : undefined,
          reason: error instanceof ApiError ? `${error.status}` : error.name,
        }))
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

  private async attempt<T>(spec: RequestSpec<T>, state: CallState): Promise<WithResponse<T>> {
    state.attempts++
    const started = Date.now()
    const hasBody = spec.body !== undefined
    const pendingAuth = this.authHeaders(spec)
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...(hasBody ? { 'content-type': spec.contentType ?? 'application/json' } : {}),
      ...spec.headers,
      ...spec.options?.headers,
      ...(isThenable(pendingAuth) ? await pendingAuth : pendingAuth),
    }
    this.emit('onRequest', () => this.eventBase(state))
    let sent: Sent
    try {
      sent = await send(state.url, {
        method: spec.method,
        headers,
        body: hasBody ? (typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body)) : undefined,
        timeoutMs: state.timeoutMs,
        signal: state.callSignal,
        fetch: this.options.fetch,
      })
    } catch (thrown) {
      throw classifyThrown(thrown, state, { ...state, redact: this.redact })
    }
    const { response, text } = sent
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
    const responseEvent = () => ({
      ...this.eventBase(state),
      status: response.status,
      durationMs: now - started,
      requestId: meta.requestId,
      rateLimit: meta.rateLimit,
    })
    if (!response.ok && response.status !== 304) {
      this.emit('onResponse', responseEvent)
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
      if (response.status === 401 && (await this.tryRefresh(spec, state))) return this.attempt(spec, state)
      throw error
    }
    const mode = spec.options?.validation ?? this.options.validation ?? 'loose'
    const checked =
      response.status === 304
        ? { data: undefined as T, issues: [] }
        : checkResponse(spec.schema, parseSuccessBody(text, response.headers, state), mode, state)
    this.emit('onResponse', () => ({
      ...responseEvent(),
      validationIssues: checked.issues.length ? checked.issues : undefined,
    }))
    const failure = spec.check?.(checked.data, meta)
    if (failure) throw failure
    return { data: checked.data, response: meta }
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

function isHintedRateLimit(error: unknown): boolean {
  return error instanceof RateLimitError && error.retryAfterMs !== undefined
}
