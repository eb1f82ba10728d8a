import {
  type BackoffOptions,
  checkClientOptions,
  type Hooks,
  InputValidationError,
  isBrowserLike,
  type Limiter,
  type RequestOptions,
  SdkError,
  secretForms,
  Transport,
  type ValidationMode,
} from '@x/core'
import { basicAuth } from './auth'
import { ACCOUNT_OPERATIONS } from './operations/accounts'
import { bindOperations, type Methods } from './operations/bind'
import { CONTACT_OPERATIONS } from './operations/contacts'
import { EVENT_OPERATIONS } from './operations/events'
import { INVOICES } from './operations/invoices'
import { LEAD_OPERATIONS } from './operations/leads'
import {
  ACCOUNT_TYPES,
  ACTIVITY_TYPES,
  AUDIENCES,
  COMPETITOR_MAPS,
  COMPETITORS,
  EDITIONS,
  EMAILS,
  FILTERS,
  FORMS,
  INDUSTRIES,
  MARKETS,
  TERRITORIES,
} from './operations/lookups'
import { OUTCOME_OPERATIONS } from './operations/outcomes'
import { PIPELINE_OPERATIONS } from './operations/pipelines'
import { PRODUCT_CATEGORIES } from './operations/product-categories'
import { PRODUCT_MAPS } from './operations/product-maps'
import { QUOTES } from './operations/quotes'
import type { RefetchResult } from './refetch'
import { AccountsResource } from './resources/accounts'
import { ActivitiesResource } from './resources/activities'
import { ContactsResource } from './resources/contacts'
import { type ReadFallback, type ResourceContext, restOnly } from './resources/context'
import { EventsResource } from './resources/events'
import { LeadsResource } from './resources/leads'
import { NotesResource } from './resources/notes'
import { OutcomesResource } from './resources/outcomes'
import { PipelinesResource } from './resources/pipelines'
import { ProductsResource } from './resources/products'
import { SourcesResource } from './resources/sources'
import { StagesResource } from './resources/stages'
import { TagsResource } from './resources/tags'
import { TasksResource } from './resources/tasks'
import { UsersResource } from './resources/users'

import type { RpcClient } from './rpc/client'
import { lazyReadFallback, lazyRpcClient } from './rpc/lazy'
import type { RpcOptions } from './rpc/types'

import type { WebhookBatch, WebhookEvent } from './webhooks/parse'

/** The REST API's address. */
export const DEFAULT_BASE_URL = 'https://app.nutshell.com/rest'

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
  readonly leads: LeadsResource & Methods<typeof LEAD_OPERATIONS>
  readonly contacts: ContactsResource & Methods<typeof CONTACT_OPERATIONS>
  readonly accounts: AccountsResource & Methods<typeof ACCOUNT_OPERATIONS>
  readonly activities: ActivitiesResource
  readonly tasks: TasksResource
  readonly notes: NotesResource
  readonly products: ProductsResource
  readonly pipelines: PipelinesResource & Methods<typeof PIPELINE_OPERATIONS>
  readonly stages: StagesResource
  readonly users: UsersResource
  readonly tags: TagsResource
  readonly sources: SourcesResource
  readonly outcomes: OutcomesResource & Methods<typeof OUTCOME_OPERATIONS>
  readonly events: EventsResource & Methods<typeof EVENT_OPERATIONS>
  // Resources made only of operation-table methods (`packages/nutshell/src/operations/`).
  readonly industries: Methods<typeof INDUSTRIES>
  readonly accountTypes: Methods<typeof ACCOUNT_TYPES>
  readonly activityTypes: Methods<typeof ACTIVITY_TYPES>
  readonly territories: Methods<typeof TERRITORIES>
  readonly markets: Methods<typeof MARKETS>
  readonly audiences: Methods<typeof AUDIENCES>
  readonly competitors: Methods<typeof COMPETITORS>
  readonly competitorMaps: Methods<typeof COMPETITOR_MAPS>
  readonly editions: Methods<typeof EDITIONS>
  readonly emails: Methods<typeof EMAILS>
  readonly filters: Methods<typeof FILTERS>
  readonly forms: Methods<typeof FORMS>
  readonly productMaps: Methods<typeof PRODUCT_MAPS>
  readonly productCategories: Methods<typeof PRODUCT_CATEGORIES>
  readonly quotes: Methods<typeof QUOTES>
  readonly invoices: Methods<typeof INVOICES>

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
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
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
    const ctx: ResourceContext = { transport: this.transport, readWithFallback }
    const table = <T extends Parameters<typeof bindOperations>[2]>(prefix: string, ops: T) =>
      bindOperations(this.transport, prefix, ops)
    this.leads = Object.assign(new LeadsResource(ctx), table('leads', LEAD_OPERATIONS))
    this.contacts = Object.assign(new ContactsResource(ctx), table('contacts', CONTACT_OPERATIONS))
    this.accounts = Object.assign(new AccountsResource(ctx), table('accounts', ACCOUNT_OPERATIONS))
    this.activities = new ActivitiesResource(ctx)
    this.tasks = new TasksResource(ctx)
    this.notes = new NotesResource(ctx)
    this.products = new ProductsResource(ctx)
    this.pipelines = Object.assign(new PipelinesResource(ctx), table('pipelines', PIPELINE_OPERATIONS))
    this.stages = new StagesResource(ctx)
    this.users = new UsersResource(ctx)
    this.tags = new TagsResource(ctx)
    this.sources = new SourcesResource(ctx)
    this.outcomes = Object.assign(new OutcomesResource(ctx), table('outcomes', OUTCOME_OPERATIONS))
    this.events = Object.assign(new EventsResource(ctx), table('events', EVENT_OPERATIONS))
    this.industries = table('industries', INDUSTRIES)
    this.accountTypes = table('accountTypes', ACCOUNT_TYPES)
    this.activityTypes = table('activityTypes', ACTIVITY_TYPES)
    this.territories = table('territories', TERRITORIES)
    this.markets = table('markets', MARKETS)
    this.audiences = table('audiences', AUDIENCES)
    this.competitors = table('competitors', COMPETITORS)
    this.competitorMaps = table('competitorMaps', COMPETITOR_MAPS)
    this.editions = table('editions', EDITIONS)
    this.emails = table('emails', EMAILS)
    this.filters = table('filters', FILTERS)
    this.forms = table('forms', FORMS)
    this.productMaps = table('productMaps', PRODUCT_MAPS)
    this.productCategories = table('productCategories', PRODUCT_CATEGORIES)
    this.quotes = table('quotes', QUOTES)
    this.invoices = table('invoices', INVOICES)
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
