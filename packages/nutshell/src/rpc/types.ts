import type { RequestOptions, Transport } from '@x/core'

/** JSON-RPC settings of a NutshellClient (`new NutshellClient({ rpc: { ... } })`). */
export interface RpcOptions {
  /** A fixed JSON-RPC endpoint (e.g. `https://app.nutshell.com/api/v1/json`); skips discovery. */
  endpoint?: string
  /** Where `getApiForUsername` is asked; default `https://api.nutshell.com/v1/json`. */
  discoveryUrl?: string
  /** How long a discovered endpoint is reused, in ms; default 30 minutes. */
  discoveryTtlMs?: number
  /** How many times `editWithRev` re-reads and retries after a rev conflict; default 3. */
  maxRevRetries?: number
}

/** What the JSON-RPC client needs from the NutshellClient that owns it. */
export interface RpcContext {
  /** The REST client's transport (auth, hooks, retries, redaction already set up). */
  transport: Transport
  /** The user's email: the username discovery looks up. */
  email: string
  options?: RpcOptions | undefined
}

/** Per-call options of JSON-RPC methods (the core's RequestOptions). */
export type RpcRequestOptions = RequestOptions

/** Per-call options that make a get/find call conditional: sends `If-None-Match: <etag>`. */
export interface RpcConditionalOptions extends RequestOptions {
  etag: string
}

/**
 * The answer to a conditional call: `unchanged: true` when the service said 304 Not Modified, else
 * the fresh result with the etag to send next time (the `ETag` header, or the record's `rev`).
 */
export type RpcConditional<T> =
  | { unchanged: true; etag: string }
  | { unchanged: false; result: T; etag: string | undefined }
