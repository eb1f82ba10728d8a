import { ApiError, AuthenticationError, abortable, type NoticeEvent, SdkError, secretForms } from '@x/core'
import { jwtExpiry } from './auth/jwt'
import type { NutanTokens } from './auth/token-endpoint'

/** Refresh this long before the known expiry, so a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000
/** Rotated-out tokens stay redacted for the life of the client; this bounds how many are kept. */
const MAX_REMEMBERED = 16
/** After a refresh fails (a network error, a 5xx), calls in this window get that failure without another try. */
export const REFRESH_COOL_DOWN_MS = 5_000

/** Returns the caller's current access token (for apps that manage tokens themselves). */
export type AccessTokenProvider = () => string | undefined | Promise<string | undefined>

/** What the token manager needs from the client. */
export interface TokenManagerOptions {
  accessToken?: string | undefined
  refreshToken?: string | undefined
  getAccessToken?: AccessTokenProvider | undefined
  onTokens?: ((tokens: NutanTokens) => void | Promise<void>) | undefined
  /** Performs the refresh grant over HTTP; aborted when no call waits for it any more. */
  refresh: (refreshToken: string, signal: AbortSignal) => Promise<NutanTokens>
  notice?: (event: NoticeEvent) => void
}

function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/**
 * One refresh shared by every call that waits for it. Each call stops waiting when its own signal aborts;
 * the refresh request itself is aborted only when every call that joined it has given up.
 */
class SharedRefresh {
  readonly #controller = new AbortController()
  /** Settles when the refresh does. */
  readonly done: Promise<boolean>
  #waiting = 0
  #unbounded = false

  constructor(run: (signal: AbortSignal) => Promise<boolean>) {
    this.done = run(this.#controller.signal)
  }

  /** True when every caller gave up and the refresh was aborted: a failure nobody should inherit. */
  get abandoned(): boolean {
    return this.#controller.signal.aborted
  }

  join(signal: AbortSignal | undefined): Promise<boolean> {
    if (!signal) {
      this.#unbounded = true
      return this.done
    }
    this.#waiting++
    const leave = () => {
      this.#waiting--
      if (this.#waiting === 0 && !this.#unbounded) this.#controller.abort(signal.reason)
    }
    if (signal.aborted) leave()
    else signal.addEventListener('abort', leave, { once: true })
    return abortable(this.done, signal)
  }
}

/**
 * Holds the access and refresh tokens: refreshes once per expiry however many calls need it (single
 * flight), before a request when the token's `exp` says it has expired, and after a 401. A refusal of
 * the refresh token is final; any other failed refresh is shared by the calls that arrive within
 * `REFRESH_COOL_DOWN_MS`, so a broken token endpoint sees one attempt, not one per waiting call.
 */
export class TokenManager {
  #access: string | undefined
  #refresh: string | undefined
  #expiresAt: number | undefined
  readonly #provider: AccessTokenProvider | undefined
  readonly #onTokens: TokenManagerOptions['onTokens']
  readonly #refreshGrant: TokenManagerOptions['refresh']
  readonly #notice: TokenManagerOptions['notice']
  #inFlight: SharedRefresh | undefined
  #failed: { error: unknown; until: number } | undefined
  #refused: ApiError | undefined
  readonly #seen: string[] = []
  /** `secretForms(#seen)`, kept until a new token is seen (the transport builds one redactor per list). */
  #forms: readonly string[] | undefined

  constructor(options: TokenManagerOptions) {
    this.#provider = options.getAccessToken
    this.#onTokens = options.onTokens
    this.#refreshGrant = options.refresh
    this.#notice = options.notice
    this.#refresh = options.refreshToken
    this.#setAccess(options.accessToken, undefined, false)
    this.#remember(options.refreshToken)
  }

  /** Which kind of credentials the client holds (never the credentials themselves). */
  get mode(): 'getAccessToken' | 'refreshToken' | 'accessToken' {
    if (this.#provider) return 'getAccessToken'
    return this.#refresh ? 'refreshToken' : 'accessToken'
  }

  /** The Authorization header for the next attempt, refreshing first when the token is known to be expired. */
  async headers(signal: AbortSignal | undefined): Promise<Record<string, string>> {
    return bearer(await this.#current(signal))
  }

  /**
   * After a 401 to the headers `rejected`: makes fresh credentials ready and resolves true when the call
   * should be replayed. Concurrent callers share one refresh, and a 401 to a token already replaced is
   * just replayed (refreshing again would burn a rotated refresh token). Throws AuthenticationError when
   * the server refuses the refresh.
   */
  async refreshAfter401(rejected: Record<string, string>, signal: AbortSignal | undefined): Promise<boolean> {
    if (this.#provider || !this.#refresh) return false
    const token = (rejected.authorization ?? '').replace(/^Bearer\s+/i, '')
    if (!this.#inFlight && this.#access !== undefined && token !== this.#access) return true
    return this.refresh(signal)
  }

  /** Refreshes now, joining a refresh already under way, or failing as the last one did within its cool-down. */
  refresh(signal?: AbortSignal): Promise<boolean> {
    if (this.#failed && Date.now() < this.#failed.until) return Promise.reject(this.#failed.error)
    if (!this.#inFlight) {
      const shared = new SharedRefresh((s) => this.#runRefresh(s))
      this.#inFlight = shared
      const settled = () => {
        if (this.#inFlight === shared) this.#inFlight = undefined
      }
      shared.done.then(settled, (error: unknown) => {
        settled()
        if (!shared.abandoned) this.#failed = { error, until: Date.now() + REFRESH_COOL_DOWN_MS }
      })
    }
    return this.#inFlight.join(signal)
  }

  /** Every form of every token this client has held, for redaction. */
  secrets(): readonly string[] {
    this.#forms ??= secretForms(this.#seen)
    return this.#forms
  }

  async #current(signal: AbortSignal | undefined): Promise<string | undefined> {
    if (this.#provider) {
      let token: string | undefined
      try {
        token = await this.#provider()
      } catch (cause) {
        throw new SdkError('getAccessToken() failed', { cause })
      }
      this.#remember(token)
      return token
    }
    if (this.#needsRefresh()) await this.refresh(signal)
    return this.#access
  }

  /** A refreshable client holding no token, or one its `exp` says has expired. */
  #needsRefresh(): boolean {
    return Boolean(this.#refresh) && (this.#access === undefined || this.#expired())
  }

  #expired(): boolean {
    return this.#expiresAt !== undefined && Date.now() >= this.#expiresAt - EXPIRY_MARGIN_MS
  }

  #setAccess(token: string | undefined, expiresAt: number | undefined, fresh: boolean): void {
    this.#access = token
    this.#remember(token)
    const claimed = expiresAt ?? (token ? jwtExpiry(token) : undefined)
    // A just-issued token that already looks expired means this machine's clock is off: stop trusting
    // `exp` (the server's 401 still triggers a refresh) rather than refresh before every call.
    this.#expiresAt = fresh && claimed !== undefined && claimed <= Date.now() ? undefined : claimed
  }

  #remember(token: string | undefined): void {
    if (!token || this.#seen.includes(token)) return
    this.#seen.push(token)
    this.#forms = undefined
    if (this.#seen.length > MAX_REMEMBERED) this.#seen.shift()
  }

  async #runRefresh(signal: AbortSignal): Promise<boolean> {
    const refreshToken = this.#refresh
    if (!refreshToken) return false
    if (this.#refused) throw refusedError(this.#refused, 'was refused earlier')
    let tokens: NutanTokens
    try {
      tokens = await this.#refreshGrant(refreshToken, signal)
    } catch (error) {
      // A refusal means the refresh token is dead: sign in again. A connection failure or a server
      // error leaves it usable, so those surface as they are and the next call tries again.
      if (error instanceof ApiError && isRefusal(error.status)) {
        this.#refused = error
        throw refusedError(error, 'was refused')
      }
      throw error
    }
    this.#failed = undefined
    this.#refresh = tokens.refreshToken ?? refreshToken
    this.#remember(this.#refresh)
    this.#setAccess(tokens.accessToken, tokens.expiresAt, true)
    this.#notice?.({ type: 'nutan.tokens.refreshed', message: 'Access token refreshed' })
    try {
      await this.#onTokens?.({ ...tokens, refreshToken: this.#refresh })
    } catch {
      // The new tokens are already in use; a failing persistence callback must not fail the call.
      this.#notice?.({
        type: 'nutan.tokens.onTokensFailed',
        message: 'onTokens threw; the refreshed tokens are in use but may not have been saved',
      })
    }
    return true
  }

  /** A view for logs: which credentials are held, never their values. */
  toJSON(): { mode: string; hasRefreshToken: boolean } {
    return { mode: this.mode, hasRefreshToken: this.#refresh !== undefined }
  }
}

function isRefusal(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429
}

function refusedError(cause: ApiError, how: string): AuthenticationError {
  const error = new AuthenticationError({
    status: cause.status,
    message: `Token refresh ${how} (${cause.status}${cause.code ? ` ${cause.code}` : ''}): sign in again`,
    method: cause.method,
    path: cause.path,
    requestId: cause.requestId,
    code: cause.code,
    details: cause.details,
  })
  Object.defineProperty(error, 'cause', { value: cause, configurable: true, writable: true })
  return error
}
