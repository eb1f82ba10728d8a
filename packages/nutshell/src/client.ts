import {
  type BackoffOptions,
  checkClientOptions,
  type Hooks,
  InputValidationError,
  isBrowserLike,
  type Limiter,
  type RateLimitSnapshot,
  type RequestOptions,
  SdkError,
  secretForms,
  Transport,
  type ValidationMode,
} from '@x/core'
import { basicAuth } from './auth'
import { OPERATION_TABLES, type OperationTables } from './operations'
import { bindOperations, type OperationContext } from './operations/bind'
import { type ReadFallback, restOnly } from './operations/fallback'
import type { Methods } from './operations/methods'
import type { RefetchResult } from './refetch'
import type { RpcClient } from './rpc/client'
import { lazyReadFallback, lazyRpcClient } from './rpc/lazy'
import type { RpcOptions } from './rpc/types'
import type { Outcome } from './schemas/outcome'
import type { WebhookBatch, WebhookEvent } from './webhooks/parse'

/** The methods made from one operation table (`src/operations/`). */
type TableMethods<K extends keyof OperationTables> = Methods<OperationTables[K]>

/** The REST API's address. */
export const NUTSHELL_BASE_URL = 'https://app.nutshell.com/rest'

/** Settings of a NutshellClient. */
export interface NutshellClientOptions {
  /** The Nutshell user's email (the Basic-auth username). */
  email: string
  /** An API key created under Setup → API keys (the Basic-auth password). Never appears in errors or logs. */
  apiKey: string
  /** Default `https://app.nutshell.com/rest`; plain http is refused except to loopback. */
  baseUrl?: string
  /** A fetch implementation (a simulator's, a proxy's); default the global fetch. */
  fetch?: typeof fetch
  /** Per-attempt timeout in ms (default 30,000). */
  timeout?: number
  /** Overall time budget per call, retries included, in ms. */
  deadline?: number
  /** Retries after the first attempt (default 2). Creates are never resent after a 5xx. */
  maxRetries?: number
  /** Backoff between retries: first delay and cap in ms (defaults 500 and 8,000, with jitter). */
  backoff?: BackoffOptions
  /** The longest server-requested wait the client sleeps on before throwing RateLimitError (ms). */
  maxRetryAfter?: number
  /** Response validation: `loose` (default), `strict` or `off`. */
  validation?: ValidationMode
  /** Observability callbacks (request, response, retry, error, notices), with credentials redacted. */
  hooks?: Hooks
  /** Headers added to every request. */
  headers?: Record<string, string>
  /** A limiter to share between clients (Nutshell publishes no limits, so the default adapts on 429). */
  limiter?: Limiter
  /** Serve lead, contact and account reads from the JSON-RPC API when REST fails. */
  fallback?: 'rpc'
  /** Settings of the JSON-RPC client (`ns.rpc`). */
  rpc?: RpcOptions
  /**
   * Allow running in a browser. The API key acts as its user with no scopes, so shipping it to
   * browsers exposes the whole CRM account: only for internal tools with a key meant for that.
   */
  dangerouslyAllowBrowser?: boolean
}

/** A typed client for the Nutshell CRM REST API (and its JSON-RPC API as `rpc`). */
export class NutshellClient {
  /** The request pipeline every call goes through. */
  readonly transport: Transport
  /** The older JSON-RPC API, with endpoint discovery (loaded on first use). */
  readonly rpc: RpcClient
  // Each resource's methods are made from its operation table (`src/operations/<resource>.ts`).
  declare readonly leads: TableMethods<'leads'>
  declare readonly contacts: TableMethods<'contacts'>
  declare readonly accounts: TableMethods<'accounts'>
  declare readonly activities: TableMethods<'activities'>
  declare readonly tasks: TableMethods<'tasks'>
  declare readonly notes: TableMethods<'notes'>
  declare readonly products: TableMethods<'products'>
  declare readonly pipelines: TableMethods<'pipelines'>
  declare readonly stages: TableMethods<'stages'>
  declare readonly users: TableMethods<'users'>
  declare readonly tags: TableMethods<'tags'>
  declare readonly sources: TableMethods<'sources'>
  declare readonly outcomes: TableMethods<'outcomes'>
  declare readonly events: TableMethods<'events'>
  declare readonly industries: TableMethods<'industries'>
  declare readonly accountTypes: TableMethods<'accountTypes'>
  declare readonly activityTypes: TableMethods<'activityTypes'>
  declare readonly territories: TableMethods<'territories'>
  declare readonly markets: TableMethods<'markets'>
  declare readonly audiences: TableMethods<'audiences'>
  declare readonly competitors: TableMethods<'competitors'>
  declare readonly competitorMaps: TableMethods<'competitorMaps'>
  declare readonly editions: TableMethods<'editions'>
  declare readonly emails: TableMethods<'emails'>
  declare readonly filters: TableMethods<'filters'>
  declare readonly forms: TableMethods<'forms'>
  declare readonly productMaps: TableMethods<'productMaps'>
  declare readonly productCategories: TableMethods<'productCategories'>
  declare readonly quotes: TableMethods<'quotes'>
  declare readonly invoices: TableMethods<'invoices'>

  constructor(options: NutshellClientOptions) {
    checkClientOptions(options, 'NutshellClient')
    if (typeof options.email !== 'string' || !options.email) {
      throw new InputValidationError(
        [{ path: 'email', message: 'required: the Nutshell user the API key belongs to' }],
        'NutshellClient',
      )
    }
    if (typeof options.apiKey !== 'string' || !options.apiKey) {
      throw new InputValidationError(
        [{ path: 'apiKey', message: 'required: create one in Nutshell under Setup → API keys' }],
        'NutshellClient',
      )
    }
    if (isBrowserLike() && !options.dangerouslyAllowBrowser) {
      throw new SdkError(
        'NutshellClient refuses to run in a browser: the API key would be visible to every visitor and acts ' +
          'as its user on the whole account. Call Nutshell from a server, or pass dangerouslyAllowBrowser: true.',
      )
    }
    const { email, apiKey } = options
    const authorization = basicAuth(email, apiKey)
    const secrets = secretForms([apiKey], email)
    this.transport = new Transport({
      baseUrl: options.baseUrl ?? NUTSHELL_BASE_URL,
      fetch: options.fetch,
      auth: () => ({ authorization }),
      secrets: () => secrets,
      headers: options.headers,
      timeout: options.timeout,
      deadline: options.deadline,
      maxRetries: options.maxRetries,
      maxRetryAfter: options.maxRetryAfter,
      backoff: options.backoff,
      validation: options.validation,
      hooks: options.hooks,
      limiters: options.limiter ? { default: options.limiter } : undefined,
      requestIdHeaders: ['x-nutshell-request-id', 'x-request-id', 'request-id'],
    })
    this.rpc = lazyRpcClient({ transport: this.transport, email, options: options.rpc })
    const readWithFallback: ReadFallback =
      options.fallback === 'rpc'
        ? lazyReadFallback(this.rpc, (event) => options.hooks?.onNotice?.(event))
        : restOnly
    let outcomes: Promise<Outcome[]> | undefined
    const ctx: OperationContext = {
      transport: this.transport,
      readWithFallback,
      // `leads.close('won')` looks the outcome up once per client; a failed lookup is tried again next time.
      outcomes: (o) => {
        outcomes ??= Promise.resolve(this.outcomes.list(o)).then(
          (page) => page.items,
          (error) => {
            outcomes = undefined
            throw error
          },
        )
        return outcomes
      },
      call: (resource, method, ...args) =>
        (this as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[resource]![method]!(
          ...args,
        ),
    }
    // Each resource (`this.leads`, `this.industries`, ...) is its table's methods, bound to this client.
    const resources = this as unknown as Record<keyof OperationTables, unknown>
    for (const name of Object.keys(OPERATION_TABLES) as (keyof OperationTables)[]) {
      resources[name] = bindOperations(ctx, name, OPERATION_TABLES[name])
    }
  }

  /** The rate-limit headers of the latest answer (limit, remaining, reset), when the service sent them. */
  get rateLimit(): RateLimitSnapshot | undefined {
    return this.transport.rateLimit
  }

  /**
   * Fetches the full, current records a webhook event (or a whole parsed delivery) is about, one
   * multi-id GET per record type, as Nutshell advises instead of trusting the payload's fields.
   */
  async refetch(
    source: WebhookEvent | WebhookBatch | readonly WebhookEvent[],
    options?: RequestOptions,
  ): Promise<RefetchResult> {
    // Loaded on first use: only webhook consumers need it.
    const { refetchRecords } = await import('./refetch')
    return refetchRecords(
      {
        leads: (ids, o) => this.leads.get(ids, o),
        contacts: (ids, o) => this.contacts.get(ids, o),
        accounts: (ids, o) => this.accounts.get(ids, o),
        activities: (ids, o) => this.activities.get(ids, o),
        tasks: (ids, o) => this.tasks.get(ids, o),
        notes: (ids, o) => this.notes.get(ids, o),
      },
      source,
      options,
    )
  }
}
