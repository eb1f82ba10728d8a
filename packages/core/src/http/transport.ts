import pRetry from 'p-retry'
import {
  ApiError,
  AuthenticationError,
  apiErrorFromResponse,
  InputValidationError,
  RateLimitError,
  ResponseValidationError,
  type SdkError,
  TimeoutError,
  type ValidationIssue,
} from '../errors'
import { Redactor, redactorFor, sanitizeError, secretForms } from '../redaction'
import { backoffDelay, isIdempotent, isRetryable, parseRetryAfter, type RateLimitSnapshot } from '../retry'
import { createAdaptiveLimiter, type Limiter, type LimiterFallback, type LimiterWait } from '../throttle'
import { abortable } from '../utils/abortable'
import { serializeQuery } from '../utils/query'
import { sleep } from '../utils/sleep'
import { assertSafeForCredentials, resolveTarget } from '../utils/url'
import { checkResponse } from '../validation'
import { ApiPromise } from './api-promise'
import { rememberCallSignal } from './call-signal'
import { classifyThrown } from './classify'
import { checkRequestOptions } from './options'
import { parseSuccessBody } from './read-body'
import { ResponseInfo } from './response-meta'
import { MAX_TIMER_MS, type Sent, send } from './send'
import type {
  Hooks,
  LimiterFallbackEvent,
  LimiterWaitEvent,
  RequestSpec,
  ResponseEvent,
  ResponseMeta,
  TransportOptions,
  WithResponse,
} from './types'

const DEFAULT_TIMEOUT = 30_000
const DEFAULT_MAX_RETRIES = 2
const DEFAULT_MAX_RETRY_AFTER = 60_000
/** Server-hinted 429 waits do not use up `maxRetries`; this bounds them instead. */
const MAX_RATE_LIMIT_WAITS = 20
const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id']

/** One logical call: what every attempt of it shares. */
interface Call {
  method: string
  /** The path as events and errors name it (no query). */
  path: string
  url: string
  /** The request body as sent. */
  body: string | undefined
  tier: string
  timeoutMs: number
  maxRetries: number
  maxRetryAfter: number
  idempotent: boolean
  /** The caller's signal and the deadline, as one. */
  signal: AbortSignal | undefined
  /** The caller's own signal (`RequestOptions.signal`), which a list keeps checking between items. */
  callerSignal: AbortSignal | undefined
  start: number
  attempts: number
  rateLimitWaits: number
  /** Credentials were refreshed after a 401 once already in this call. */
  refreshed: boolean
  /** The call's limiter wait was reported (once per call). */
  waitNoticed: boolean
  end(): void
}

/** The one request pipeline both clients share: throttle → retry → fetch → typed error or validated result. */
export class Transport {
  readonly options: TransportOptions
  readonly #limiters: Record<string, Limiter>
  #latest: ResponseMeta | undefined

  constructor(options: TransportOptions) {
    this.options = options
    this.#limiters = { default: createAdaptiveLimiter(), ...options.limiters }
  }

  /** The rate-limit headers of the latest response; undefined when it carried none. */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.#latest?.rateLimit
  }

  /** Sends one logical call (with retries) and resolves to its parsed, validated body. */
  request<T>(spec: RequestSpec<T>): ApiPromise<T> {
    return new ApiPromise(this.#run(spec))
  }

  /** The redactor for the client's current secrets (asked each time: tokens rotate). */
  #redactor(): Redactor {
    return redactorFor(this.options.secrets?.() ?? NO_SECRETS)
  }

  async #run<T>(spec: RequestSpec<T>): Promise<WithResponse<T>> {
    let call: Call | undefined
    try {
      call = this.#begin(spec)
      const current = call
      return await pRetry(() => this.#attempt(spec, current), {
        retries: call.maxRetries,
        signal: call.signal,
        // Waits are the policy's (backoff, or the server's hint), taken in shouldRetry.
        minTimeout: 0,
        shouldConsumeRetry: ({ error }) => !this.#isFreeWait(error, current),
        shouldRetry: ({ error, retriesConsumed }) => this.#retryAfterWait(error, current, retriesConsumed),
      })
    } catch (thrown) {
      throw this.#failed(thrown, spec, call)
    } finally {
      call?.end()
    }
  }

  /** Checks the call's options and target, and starts its deadline. Throws before any I/O. */
  #begin<T>(spec: RequestSpec<T>): Call {
    const opts = spec.options
    checkRequestOptions(opts, `${spec.method} ${spec.path}`)
    const target = resolveTarget(
      this.options.baseUrl,
      spec.path,
      serializeQuery(spec.query, spec.repeatQueryKeys),
    )
    if (spec.auth !== false) assertSafeForCredentials(target.url)
    const deadlineMs = opts?.deadline ?? this.options.deadline
    let signal = opts?.signal
    let deadlineTimer: ReturnType<typeof setTimeout> | undefined
    if (deadlineMs !== undefined) {
      const deadline = new AbortController()
      const place = { method: spec.method, path: target.path }
      deadlineTimer = setTimeout(
        () => deadline.abort(new TimeoutError(place, deadlineMs, 'deadline')),
        Math.min(deadlineMs, MAX_TIMER_MS),
      )
      signal = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal
    }
    return {
      method: spec.method,
      path: target.path,
      url: target.url.href,
      body: bodyText(spec.body),
      tier: spec.tier ?? 'default',
      timeoutMs: opts?.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT,
      maxRetries: opts?.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES,
      maxRetryAfter: opts?.maxRetryAfter ?? this.options.maxRetryAfter ?? DEFAULT_MAX_RETRY_AFTER,
      idempotent: isIdempotent(spec.method, spec.idempotent),
      signal,
      callerSignal: opts?.signal,
      start: Date.now(),
      attempts: 0,
      rateLimitWaits: 0,
      refreshed: false,
      waitNoticed: false,
      end: () => clearTimeout(deadlineTimer),
    }
  }

  /**
   * One attempt. After a 401, credentials are refreshed once and the request replayed within the same
   * attempt (the server did not act on it, so this spends no retry).
   */
  async #attempt<T>(spec: RequestSpec<T>, call: Call): Promise<WithResponse<T>> {
    const headers = await this.#headers(spec, call)
    try {
      return await this.#exchange(spec, call, headers)
    } catch (error) {
      if (error instanceof AuthenticationError && (await this.#refreshed(spec, call, headers))) {
        return this.#exchange(spec, call, await this.#headers(spec, call))
      }
      throw error
    }
  }

  /**
   * The request's headers, credentials included. Built outside the limiter's slot: a token refresh must
   * never wait for a slot that the calls waiting on it hold.
   */
  async #headers<T>(spec: RequestSpec<T>, call: Call): Promise<Record<string, string>> {
    const auth =
      spec.auth === false || !this.options.auth
        ? undefined
        : await abortable(Promise.resolve(this.options.auth({ signal: call.signal })), call.signal)
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers }
    if (spec.body !== undefined) headers['content-type'] = spec.contentType ?? 'application/json'
    return { ...headers, ...spec.headers, ...spec.options?.headers, ...auth }
  }

  /**
   * Waits for the tier's limiter, sends, and turns the answer into the result or a typed error. The
   * answer is settled inside the slot, so an adaptive limiter sees a 429 as a failure, not a success.
   */
  async #exchange<T>(
    spec: RequestSpec<T>,
    call: Call,
    headers: Record<string, string>,
  ): Promise<WithResponse<T>> {
    call.attempts++
    const started = Date.now()
    this.#emit('onRequest', this.#eventBase(call))
    const limiter = this.#limiters[call.tier] ?? this.#limiters.default!
    const init = {
      method: call.method,
      headers,
      body: call.body,
      timeoutMs: call.timeoutMs,
      signal: call.signal,
      fetch: this.options.fetch ?? globalThis.fetch,
    }
    try {
      // Raced against the signal too: a user's limiter may not listen to it.
      return await abortable(
        limiter.schedule(
          async () => this.#settle(spec, call, await send(call.url, init), started, headers),
          call.signal,
          {
            onWait: (wait) => this.#noticeWait(call, wait),
            onFallback: (fallback) => this.#noticeFallback(call, fallback),
          },
        ),
        call.signal,
      )
    } catch (thrown) {
      throw classifyThrown(thrown, call, { ...call, redactor: this.#redactor() })
    }
  }

  /** Says once per call, through `onNotice`, that a limiter holds it and for about how long. */
  #noticeWait(call: Call, wait: LimiterWait): void {
    if (call.waitNoticed) return
    call.waitNoticed = true
    const waitMs = Math.max(0, Math.round(wait.waitMs))
    const about = waitMs < 1000 ? `${waitMs} ms` : `${Math.round(waitMs / 100) / 10} s`
    const why =
      wait.reason === 'budget'
        ? `the client-side budget of tier "${call.tier}"`
        : 'the pause the server asked for (429)'
    // Scrubbed like an error message: a path is the caller's, and could quote a secret.
    const redactor = this.#redactor()
    const event: LimiterWaitEvent = {
      type: 'limiter.wait',
      message: redactor.text(`${call.method} ${call.path} waits about ${about} for ${why}`),
      ...this.#eventBase(call),
      path: redactor.text(call.path),
      waitMs,
      reason: wait.reason,
    }
    this.#emit('onNotice', event)
  }

  /** Passes on a shared limiter's word that it fell back to an in-process budget. */
  #noticeFallback(call: Call, fallback: LimiterFallback): void {
    const redactor = this.#redactor()
    const event: LimiterFallbackEvent = {
      ...this.#eventBase(call),
      type: 'limiter.fallback',
      message: redactor.text(String(fallback?.message ?? 'the shared limiter fell back to this process')),
      path: redactor.text(call.path),
    }
    this.#emit('onNotice', event)
  }

  /** An attempt's answer as the call's result, or its typed error. */
  #settle<T>(
    spec: RequestSpec<T>,
    call: Call,
    { response, text }: Sent,
    started: number,
    headers: Record<string, string>,
  ): WithResponse<T> {
    const notModified = isNotModified(response.status, headers)
    if (!response.ok && !notModified) {
      const redactor = this.#redactor()
      const meta = this.#meta(call, response, redactor)
      this.#emit('onResponse', this.#responseEvent(call, meta, started))
      throw apiErrorFromResponse(
        {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
          text,
          method: call.method,
          path: call.path,
          requestId: meta.requestId,
          retryAfterMs: parseRetryAfter(response.headers),
        },
        redactor,
      )
    }
    const body = notModified ? undefined : parseSuccessBody(text, response.headers, call)
    if (
      (body ?? undefined) === undefined &&
      !notModified &&
      spec.schema &&
      !spec.schema.safeParse(body).success
    ) {
      // A record was promised and none came: never resolve `undefined` or `null` in its place, in any mode.
      throw new ResponseValidationError(
        [
          {
            path: '',
            message: `expected a response body, got ${body === null ? 'null' : 'none'} (HTTP ${response.status})`,
          },
        ],
        call,
      )
    }
    const mode = spec.options?.validation ?? this.options.validation ?? 'loose'
    const checked = notModified
      ? { data: undefined as T, issues: [] }
      : checkResponse(spec.schema, body, mode, call)
    // A body that issues credentials (a token endpoint's) names them, so this response's own headers and
    // issues are scrubbed of them too.
    const issued = spec.issuesSecrets?.(checked.data) ?? []
    const redactor = issued.length
      ? new Redactor([...(this.options.secrets?.() ?? []), ...secretForms(issued)])
      : this.#redactor()
    const meta = this.#meta(call, response, redactor)
    this.#emit('onResponse', {
      ...this.#responseEvent(call, meta, started),
      // Issue paths name the server's fields, and a hostile server can name a field anything.
      validationIssues: checked.issues.length
        ? (redactor.deep(checked.issues) as ValidationIssue[])
        : undefined,
    })
    const failure = spec.check?.(checked.data, meta)
    if (failure) throw failure
    return { data: checked.data, response: meta }
  }

  #meta(call: Call, response: Response, redactor: Redactor): ResponseInfo {
    const meta = new ResponseInfo(
      {
        status: response.status,
        headers: response.headers,
        url: call.url,
        attempts: call.attempts,
        durationMs: Date.now() - call.start,
        requestIdHeaders: this.options.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS,
      },
      redactor,
    )
    rememberCallSignal(meta, call.callerSignal)
    this.#latest = meta
    return meta
  }

  #responseEvent(call: Call, meta: ResponseMeta, started: number): ResponseEvent {
    const { status, requestId, rateLimit } = meta
    return { ...this.#eventBase(call), status, durationMs: Date.now() - started, requestId, rateLimit }
  }

  /** After a 401: whether fresh credentials are ready (at most once per call). */
  async #refreshed<T>(spec: RequestSpec<T>, call: Call, sent: Record<string, string>): Promise<boolean> {
    const refresh = this.options.refreshAuth
    if (call.refreshed || spec.auth === false || spec.refreshOn401 === false || !refresh) return false
    call.refreshed = true
    return abortable(refresh({ signal: call.signal, rejected: sent }), call.signal)
  }

  /** A 429 that names its wait is the server pacing us, not a failure: it spends no retry (up to a bound). */
  #isFreeWait(error: unknown, call: Call): boolean {
    return (
      error instanceof RateLimitError &&
      error.retryAfterMs !== undefined &&
      call.rateLimitWaits < MAX_RATE_LIMIT_WAITS
    )
  }

  /**
   * How a retry decides: only a retryable failure (see `isRetryable`), only while the server's hinted
   * wait is within `maxRetryAfter`; then it waits the hint, or exponential backoff, and says so to
   * `onRetry`. A 429's wait also pauses the limiter, so calls sharing it hold too.
   */
  async #retryAfterWait(error: unknown, call: Call, retriesConsumed: number): Promise<boolean> {
    if (!isRetryable(error, call.idempotent)) return false
    const hint = error instanceof ApiError ? error.retryAfterMs : undefined
    if (hint !== undefined && hint > call.maxRetryAfter) return false
    if (this.#isFreeWait(error, call)) call.rateLimitWaits++
    if (error instanceof RateLimitError && hint !== undefined) {
      ;(this.#limiters[call.tier] ?? this.#limiters.default)?.pause?.(hint)
    }
    const delayMs = hint ?? backoffDelay(retriesConsumed + 1, this.options.backoff)
    this.#emit('onRetry', {
      ...this.#eventBase(call),
      delayMs,
      status: error instanceof ApiError ? error.status : undefined,
      reason: error instanceof ApiError ? `${error.status}` : (error as Error).name,
    })
    await sleep(delayMs, call.signal)
    return true
  }

  /** The call's final error: typed, scrubbed of every credential, and reported to `onError`. */
  #failed<T>(thrown: unknown, spec: RequestSpec<T>, call: Call | undefined): SdkError {
    const place = call ?? { method: spec.method, path: spec.path }
    const classified = classifyThrown(thrown, place, {
      timeoutMs: call?.timeoutMs ?? 0,
      signal: call?.signal,
      redactor: this.#redactor(),
    })
    const error = sanitizeError(classified, this.#redactor())
    if (call) this.#emit('onError', { ...this.#eventBase(call), error, durationMs: Date.now() - call.start })
    return error
  }

  #eventBase(call: Call) {
    return { method: call.method, path: call.path, attempt: call.attempts, tier: call.tier }
  }

  /** Calls a hook; a throwing hook never breaks or alters a call. */
  #emit<K extends keyof Hooks>(name: K, event: Parameters<NonNullable<Hooks[K]>>[0]): void {
    try {
      ;(this.options.hooks?.[name] as ((e: typeof event) => void) | undefined)?.(event)
    } catch {
      // Ignored by design.
    }
  }
}

const NO_SECRETS: readonly string[] = []

/** A 304 answers a conditional request (`If-None-Match`): "you have it already", not a failure. */
function isNotModified(status: number, sent: Record<string, string>): boolean {
  return status === 304 && Object.keys(sent).some((name) => name.toLowerCase() === 'if-none-match')
}

/** A request body as sent: strings as they are, anything else as JSON (refused, before any I/O, if it cannot be). */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || typeof body === 'string') return body
  try {
    return JSON.stringify(body)
  } catch (error) {
    throw new InputValidationError([
      { path: 'body', message: `cannot be sent as JSON (${(error as Error).message})` },
    ])
  }
}
