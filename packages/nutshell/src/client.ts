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
import { OPERATION_TABLES } from './operations'
import { bindOperations, type Methods } from './operations/bind'
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

type Tables = typeof OPERATION_TABLES
/** The methods made from one operation table (`src/operations/`). */
type TableMethods<K extends keyof Tables> = Methods<Tables[K]>

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
  readonly leads: LeadsResource & TableMethods<'leads'>
  readonly contacts: ContactsResource & TableMethods<'contacts'>
  readonly accounts: AccountsResource & TableMethods<'accounts'>
  readonly activities: ActivitiesResource
  readonly tasks: TasksResource
  readonly notes: NotesResource
  readonly products: ProductsResource
  readonly pipelines: PipelinesResource & TableMethods<'pipelines'>
  readonly stages: StagesResource
  readonly users: UsersResource
  readonly tags: TagsResource
  readonly sources: SourcesResource
  readonly outcomes: OutcomesResource & TableMethods<'outcomes'>
  readonly events: EventsResource & TableMethods<'events'>
  // Resources made only of operation-table methods (`packages/nutshell/src/operations/`).
  readonly industries: TableMethods<'industries'>
  readonly accountTypes: TableMethods<'accountTypes'>
  readonly activityTypes: TableMethods<'activityTypes'>
  readonly territories: TableMethods<'territories'>
  readonly markets: TableMethods<'markets'>
  readonly audiences: TableMethods<'audiences'>
  readonly competitors: TableMethods<'competitors'>
  readonly competitorMaps: TableMethods<'competitorMaps'>
  readonly editions: TableMethods<'editions'>
  readonly emails: TableMethods<'emails'>
  readonly filters: TableMethods<'filters'>
  readonly forms: TableMethods<'forms'>
  readonly productMaps: TableMethods<'productMaps'>
  readonly productCategories: TableMethods<'productCategories'>
  readonly quotes: TableMethods<'quotes'>
  readonly invoices: TableMethods<'invoices'>

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
    const table = <K extends keyof Tables>(name: K): TableMethods<K> =>
      bindOperations(this.transport, name, OPERATION_TABLES[name] as Tables[K])
    this.leads = Object.assign(new LeadsResource(ctx), table('leads'))
    this.contacts = Object.assign(new ContactsResource(ctx), table('contacts'))
    this.accounts = Object.assign(new AccountsResource(ctx), table('accounts'))
    this.activities = new ActivitiesResource(ctx)
    this.tasks = new TasksResource(ctx)
    this.notes = new NotesResource(ctx)
    this.products = new ProductsResource(ctx)
    this.pipelines = Object.assign(new PipelinesResource(ctx), table('pipelines'))
    this.stages = new StagesResource(ctx)
    this.users = new UsersResource(ctx)
    this.tags = new TagsResource(ctx)
    this.sources = new SourcesResource(ctx)
    this.outcomes = Object.assign(new OutcomesResource(ctx), table('outcomes'))
    this.events = Object.assign(new EventsResource(ctx), table('events'))
    this.industries = table('industries')
    this.accountTypes = table('accountTypes')
    this.activityTypes = table('activityTypes')
    this.territories = table('territories')
    this.markets = table('markets')
    this.audiences = table('audiences')
    this.competitors = table('competitors')
    this.competitorMaps = table('competitorMaps')
    this.editions = table('editions')
    this.emails = table('emails')
    this.filters = table('filters')
    this.forms = table('forms')
    this.productMaps = table('productMaps')
    this.productCategories = table('productCategories')
    this.quotes = table('quotes')
    this.invoices = table('invoices')
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
