import { ApiError, AuthenticationError, type NoticeEvent, SdkError, secretForms } from '@x/core'
import { jwtExpiry } from './auth/jwt'
import type { NutanTokens } from './auth/token-endpoint'

/** Refresh this long before the known expiry, so a token does not expire in flight. */
const EXPIRY_MARGIN_MS = 30_000
/** Rotated-out tokens stay redacted for the life of the client; this bounds how many are kept. */
const MAX_REMEMBERED = 16

/** Returns the caller's current access token (for apps that manage tokens themselves). */
export type AccessTokenProvider = () => string | undefined | Promise<string | undefined>

/** What the token manager needs from the client. */
export interface TokenManagerOptions {
  accessToken?: string | undefined
  refreshToken?: string | undefined
  getAccessToken?: AccessTokenProvider | undefined
  onTokens?: ((tokens: NutanTokens) => void | Promise<void>) | undefined
  /** Performs the refresh grant over HTTP. */
  refresh: (refreshToken: string) => Promise<NutanTokens>
  notice?: (event: NoticeEvent) => void
}

function bearer(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/**
 * Holds the access and refresh tokens: refreshes once per expiry however many calls need it (single
 * flight), before a request when the token's `exp` says it has expired, and after a 401.
 */
export class TokenManager {
  #access: string | undefined
  #refresh: string | undefined
  #expiresAt: number | undefined
  readonly #provider: AccessTokenProvider | undefined
  readonly #onTokens: TokenManagerOptions['onTokens']
  readonly #refreshGrant: TokenManagerOptions['refresh']
  readonly #notice: TokenManagerOptions['notice']
  #inFlight: Promise<boolean> | undefined
  /** Access tokens the server answered 401 to since the last refresh. */
  readonly #rejected = new Set<string>()
  #refused: ApiError | undefined
  readonly #seen: string[] = []

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
  headers(): Record<string, string> | Promise<Record<string, string>> {
    // A held token that needs no refresh is answered synchronously: the transport then skips an await.
    if (this.#provider || this.#needsRefresh()) {
      return this.#current().then(bearer)
    }
    return bearer(this.#access)
  }

  /** Notes the Authorization header of a request the server answered 401 (seen by the client's fetch). */
  rejected(authorization: string | null): void {
    const token = authorization?.replace(/^Bearer\s+/i, '')
    // Only a client that refreshes uses this; one fed by getAccessToken never clears the set.
    if (token && !this.#provider) this.#rejected.add(token)
  }

  /**
   * After a 401: makes fresh credentials ready and resolves true when the call should be replayed.
   * Concurrent callers share one refresh, and a 401 to a token already replaced is just replayed
   * (refreshing again would burn a rotated refresh token). Throws AuthenticationError when the
   * server refuses the refresh.
   */
  async refreshAfter401(): Promise<boolean> {
    if (this.#provider || !this.#refresh) return false
    if (this.#inFlight) return this.#inFlight
    if (this.#access !== undefined && !this.#rejected.has(this.#access)) return true
    return this.refresh()
  }

  /** Refreshes now, joining a refresh already under way. */
  refresh(): Promise<boolean> {
    this.#inFlight ??= this.#runRefresh().finally(() => {
      this.#inFlight = undefined
    })
    return this.#inFlight
  }

  /** Every form of every token this client has held, for redaction. */
  secrets(): string[] {
    return secretForms(this.#seen)
  }

  async #current(): Promise<string | undefined> {
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
    if (this.#needsRefresh()) await this.refresh()
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
    if (this.#seen.length > MAX_REMEMBERED) this.#seen.shift()
  }

  async #runRefresh(): Promise<boolean> {
    const refreshToken = this.#refresh
    if (!refreshToken) return false
    if (this.#refused) throw refusedError(this.#refused, 'was refused earlier')
    let tokens: NutanTokens
    try {
      tokens = await this.#refreshGrant(refreshToken)
    } catch (error) {
      // A refusal means the refresh token is dead: sign in again. A connection failure or a server
      // error leaves it usable, so those surface as they are and the next call tries again.
      if (error instanceof ApiError && isRefusal(error.status)) {
        this.#refused = error
        throw refusedError(error, 'was refused')
      }
      throw error
    }
    this.#rejected.clear()
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
