/**
 * Where and how the client talks to Nutan's token endpoint. Nutan does not document these paths
 * publicly, so they are options with sensible defaults (see the README).
 */
export interface NutanAuthOptions {
  /** Path (relative to `baseUrl`) or absolute URL of the code exchange. Default `/auth/token`. */
  tokenPath?: string
  /** Path (relative to `baseUrl`) or absolute URL of the refresh. Default `/auth/token`. */
  refreshPath?: string
  /** Sent as `client_id` with both grants when set. */
  clientId?: string
  /** Body encoding of token requests: JSON (default) or `application/x-www-form-urlencoded`. */
  bodyFormat?: 'json' | 'form'
}

/** The default path of both the code exchange and the refresh. */
export const DEFAULT_TOKEN_PATH = '/auth/token'
