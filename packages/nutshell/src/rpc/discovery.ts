import { InputValidationError, type RequestOptions, SdkError, type Transport } from '@x/core'
import * as z from 'zod/mini'
import { isRpcResponse, rpcResponseSchema } from './envelope'
import { rpcError } from './errors'

/** Nutshell's discovery service. */
export const DEFAULT_DISCOVERY_URL = 'https://api.nutshell.com/v1/json'
/** How long a discovered endpoint is reused (Nutshell suggests 10 to 90 minutes). */
export const DEFAULT_DISCOVERY_TTL_MS = 30 * 60_000

/** What `getApiForUsername` answers: the hosts this user is served from. */
export const DiscoveryResultSchema = z.looseObject({
  api: z.string(),
  login: z.nullish(z.string()),
  iphone: z.nullish(z.string()),
})

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$/

/** The parsed form of a configured URL (`rpc.endpoint`, `rpc.discoveryUrl`); a bad one is an input error, not a TypeError. */
export function parseUrl(url: string, field: string): URL {
  try {
    return new URL(url)
  } catch {
    throw new InputValidationError([{ path: field, message: 'must be an absolute URL' }], 'NutshellClient')
  }
}

/** Settings of endpoint resolution. */
export interface EndpointResolverOptions {
  transport: Transport
  email: string
  endpoint?: string | undefined
  discoveryUrl?: string | undefined
  discoveryTtlMs?: number | undefined
}

/** Waits for a shared promise, but lets each waiter give up on its own signal. */
function awaitWithSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/**
 * Finds the JSON-RPC endpoint for a user with `getApiForUsername`, caches it for a TTL, and keeps one
 * discovery in flight however many first calls arrive at once. An explicit endpoint skips all of it.
 */
export class EndpointResolver {
  private readonly options: EndpointResolverOptions
  private cached: { endpoint: string; expiresAt: number } | undefined
  private inFlight: Promise<string> | undefined
  private sequence = 0

  constructor(options: EndpointResolverOptions) {
    this.options = options
  }

  /** True when the endpoint was configured, not discovered. */
  get isFixed(): boolean {
    return this.options.endpoint !== undefined
  }

  /** The endpoint to call, discovering it when the cache is empty or stale. */
  resolve(options: RequestOptions = {}): Promise<string> {
    if (this.options.endpoint !== undefined) return Promise.resolve(this.options.endpoint)
    if (this.cached && Date.now() < this.cached.expiresAt) return Promise.resolve(this.cached.endpoint)
    // The shared discovery ignores the first caller's signal so one caller giving up cannot fail the others.
    const { signal, ...shared } = options
    this.inFlight ??= this.discover(shared).finally(() => {
      this.inFlight = undefined
    })
    return awaitWithSignal(this.inFlight, signal)
  }

  /** Forgets the discovered endpoint (after a connection failure the user may have moved hosts). */
  invalidate(): void {
    this.cached = undefined
  }

  private async discover(options: Omit<RequestOptions, 'signal'>): Promise<string> {
    const discoveryUrl = this.options.discoveryUrl ?? DEFAULT_DISCOVERY_URL
    const id = `discovery-${++this.sequence}`
    const discovery = parseUrl(discoveryUrl, 'rpc.discoveryUrl')
    const path = discovery.pathname
    const data = await this.options.transport.request({
      method: 'POST',
      path: discoveryUrl,
      body: { method: 'getApiForUsername', params: { username: this.options.email }, id },
      idempotent: true,
      // The official client sends discovery without credentials; the key is only for the endpoint it names.
      auth: false,
      schema: rpcResponseSchema(DiscoveryResultSchema),
      check: (body, response) =>
        isRpcResponse(body) && body.error
          ? rpcError(body.error, { rpcMethod: 'getApiForUsername', path, requestId: response.requestId })
          : undefined,
      options,
    })
    const api = isRpcResponse(data) ? (data.result as { api?: unknown } | null | undefined)?.api : undefined
    if (typeof api !== 'string' || !HOST.test(api))
      throw new SdkError(`Nutshell discovery (${discoveryUrl}) named no usable API host for this user`)
    const endpoint = `${discovery.protocol}//${api}/api/v1/json`
    this.cached = {
      endpoint,
      expiresAt: Date.now() + (this.options.discoveryTtlMs ?? DEFAULT_DISCOVERY_TTL_MS),
    }
    return endpoint
  }
}
