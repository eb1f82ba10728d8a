import {
  type BackoffOptions,
  checkClientOptions,
  type Hooks,
  InputValidationError,
  parseInput,
  type RateLimitSnapshot,
  secretForms,
  Transport,
  type ValidationMode,
} from '@x/core'
import * as z from 'zod/mini'
import { DEFAULT_TOKEN_PATH, type NutanAuthOptions } from './auth/options'
import { type NutanTokens, requestTokens } from './auth/token-endpoint'
import {
  type ActionItems,
  type Contacts,
  type Deals,
  type Meetings,
  NUTAN_OPERATION_TABLES,
  type Sync,
  type Usage,
} from './operations'
import { bindOperations } from './operations/bind'
import { createNutanLimiters, type NutanLimiterOption } from './rate-limits'
import { ExchangeCodeParamsSchema } from './schemas/auth'
import { type AccessTokenProvider, TokenManager } from './tokens'

/** Nutan's API root. */
export const NUTAN_BASE_URL = 'https://api.nutan.ai/v1'

const nonEmpty = z.string().check(z.minLength(1, 'must not be empty'))
const func = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function')

/** The Nutan-only options (core's `checkClientOptions` checks the shared ones). */
const ConnectionOptionsSchema = z.looseObject({
  auth: z.optional(
    z.strictObject({
      tokenPath: z.optional(nonEmpty),
      refreshPath: z.optional(nonEmpty),
      clientId: z.optional(z.string()),
      bodyFormat: z.optional(z.enum(['json', 'form'])),
    }),
  ),
})
const ClientOnlyOptionsSchema = z.looseObject({
  accessToken: z.optional(nonEmpty),
  refreshToken: z.optional(nonEmpty),
  onTokens: z.optional(func),
  getAccessToken: z.optional(func),
})

/**
 * Checks every option before anything is built: the shared ones (core), the limiter, the auth paths and
 * the credentials' types; `rateLimits` (renamed `limiter`) is refused. An InputValidationError names the
 * option.
 */
function checkOptions(options: unknown, client: boolean, context: string): Limiters {
  if (typeof options !== 'object' || options === null) {
    throw new InputValidationError([{ path: '', message: 'expected an options object' }], context)
  }
  checkClientOptions(options, context)
  // Renamed in 0.2: silently ignoring the old name would drop the caller's budgets.
  if (Object.hasOwn(options, 'rateLimits')) {
    throw new InputValidationError(
      [{ path: 'rateLimits', message: 'renamed: pass `limiter` instead' }],
      context,
    )
  }
  parseInput(ConnectionOptionsSchema, options, context)
  if (client) parseInput(ClientOnlyOptionsSchema, options, context)
  return createNutanLimiters((options as NutanConnectionOptions).limiter, context)
}

type Limiters = ReturnType<typeof createNutanLimiters>

/** Settings shared by the client and `exchangeCode`. */
export interface NutanConnectionOptions {
  /** API root; default `NUTAN_BASE_URL` (`https://api.nutan.ai/v1`). */
  baseUrl?: string
  fetch?: typeof fetch
  /** Per-attempt timeout in ms (default 30 s). */
  timeout?: number
  /** Overall time budget per call, retries, waits and a token refresh included, in ms. */
  deadline?: number
  /** Retries after the first attempt (default 2). Creates are never resent once they may have arrived. */
  maxRetries?: number
  /** Backoff between retries: first delay and cap in ms (defaults 500 and 8,000, with jitter). */
  backoff?: BackoffOptions
  /** The longest server-requested wait (Retry-After) to sleep on, in ms (default 60 s). */
  maxRetryAfter?: number
  /** Headers added to every request. */
  headers?: Record<string, string>
  hooks?: Hooks
  /**
   * Client-side rate budgets: one `Limiter` every tier shares, or `{ global, strict }` (100 and 6 requests
   * a minute by default), each a number per minute, a `Limiter` or `false` (no budget). Named as Nutshell's.
   */
  limiter?: NutanLimiterOption
  /** Token endpoint paths and encoding (undocumented by Nutan: defaults are the SDK's choice). */
  auth?: NutanAuthOptions
}

/** Options of `new NutanClient(...)`. */
export interface NutanClientOptions extends NutanConnectionOptions {
  /** A static access token (refreshed when a `refreshToken` is given too). */
  accessToken?: string
  /** Lets the client refresh on a 401 or a token whose `exp` has passed. */
  refreshToken?: string
  /** Receives every new token pair after a refresh, so the caller can persist it. */
  onTokens?: (tokens: NutanTokens) => void | Promise<void>
  /** For callers that manage tokens themselves: asked before every attempt. Not combinable with the others. */
  getAccessToken?: AccessTokenProvider
  /** Response validation: `loose` (default), `strict` or `off`. */
  validation?: ValidationMode
}

/** `NutanClient.exchangeCode` input: the callback's code plus connection settings. */
export interface ExchangeCodeParams extends NutanConnectionOptions {
  code: string
  redirectUri: string
  /** The PKCE verifier, when the authorization request used a challenge. */
  codeVerifier?: string
  signal?: AbortSignal
}

function checkCredentials(options: NutanClientOptions): Limiters {
  const limiters = checkOptions(options, true, 'NutanClient')
  const { accessToken, refreshToken, getAccessToken } = options
  if (getAccessToken && (accessToken !== undefined || refreshToken !== undefined)) {
    throw new InputValidationError(
      [
        {
          path: 'getAccessToken',
          message: 'manages tokens itself: pass it without accessToken/refreshToken',
        },
      ],
      'NutanClient',
    )
  }
  if (!getAccessToken && !accessToken && !refreshToken) {
    throw new InputValidationError(
      [{ path: 'accessToken', message: 'required: pass accessToken, refreshToken or getAccessToken' }],
      'NutanClient',
    )
  }
  return limiters
}

function transportFor(
  options: NutanConnectionOptions & { validation?: ValidationMode },
  limiters: Limiters,
  extra: Partial<ConstructorParameters<typeof Transport>[0]>,
) {
  return new Transport({
    baseUrl: options.baseUrl ?? NUTAN_BASE_URL,
    fetch: options.fetch,
    timeout: options.timeout,
    deadline: options.deadline,
    maxRetries: options.maxRetries,
    backoff: options.backoff,
    maxRetryAfter: options.maxRetryAfter,
    headers: options.headers,
    validation: options.validation,
    hooks: options.hooks,
    limiters,
    ...extra,
  })
}

/** Typed client of the Nutan API: contacts, deals, meetings, action items, sync and usage metering. */
export class NutanClient {
  readonly contacts: Contacts
  readonly deals: Deals
  readonly meetings: Meetings
  readonly actionItems: ActionItems
  readonly sync: Sync
  readonly usage: Usage
  readonly baseUrl: string
  readonly #transport: Transport
  readonly #tokens: TokenManager

  constructor(options: NutanClientOptions) {
    const limiters = checkCredentials(options)
    const auth = options.auth ?? {}
    this.baseUrl = options.baseUrl ?? NUTAN_BASE_URL
    this.#tokens = new TokenManager({
      accessToken: options.accessToken,
      refreshToken: options.refreshToken,
      getAccessToken: options.getAccessToken,
      onTokens: options.onTokens,
      refresh: (refreshToken, signal) =>
        requestTokens(
          this.#transport,
          auth.refreshPath ?? DEFAULT_TOKEN_PATH,
          { grant_type: 'refresh_token', refresh_token: refreshToken },
          auth,
          { signal },
        ),
      notice: (event) => {
        try {
          options.hooks?.onNotice?.(event)
        } catch {
          // A user's hook must never break or alter a call.
        }
      },
    })
    this.#transport = transportFor(options, limiters, {
      auth: ({ signal }) => this.#tokens.headers(signal),
      secrets: () => this.#tokens.secrets(),
      refreshAuth: ({ rejected, signal }) => this.#tokens.refreshAfter401(rejected, signal),
    })
    const tables = NUTAN_OPERATION_TABLES
    this.contacts = bindOperations(this.#transport, 'contacts', tables.contacts)
    this.deals = bindOperations(this.#transport, 'deals', tables.deals)
    this.meetings = bindOperations(this.#transport, 'meetings', tables.meetings)
    this.actionItems = bindOperations(this.#transport, 'actionItems', tables.actionItems)
    this.sync = bindOperations(this.#transport, 'sync', tables.sync)
    this.usage = bindOperations(this.#transport, 'usage', tables.usage)
  }

  /** The rate-limit headers of the latest response (`limit`, `remaining`, `resetMs`, `policy`). */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.#transport.rateLimit
  }

  /**
   * Exchanges an OAuth/SSO callback code for a token pair (`POST /v1/auth/token` by default, strict
   * tier). Persist the result and pass it to `new NutanClient({ accessToken, refreshToken })`.
   */
  static async exchangeCode(params: ExchangeCodeParams): Promise<NutanTokens> {
    const { code, redirectUri, codeVerifier } = parseInput(
      ExchangeCodeParamsSchema,
      params,
      'NutanClient.exchangeCode',
    )
    const limiters = checkOptions(params, false, 'NutanClient.exchangeCode')
    const auth = params.auth ?? {}
    const transport = transportFor(params, limiters, {
      secrets: () => secretForms([code, codeVerifier]),
    })
    return requestTokens(
      transport,
      auth.tokenPath ?? DEFAULT_TOKEN_PATH,
      {
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: codeVerifier,
      },
      auth,
      { signal: params.signal },
    )
  }

  /** A credential-free view for logs. */
  toJSON(): { baseUrl: string; auth: string; rateLimit: RateLimitSnapshot | undefined } {
    return { baseUrl: this.baseUrl, auth: this.#tokens.mode, rateLimit: this.rateLimit }
  }

  /** Node's `util.inspect` shows the same credential-free view. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `NutanClient ${JSON.stringify(this.toJSON())}`
  }
}
