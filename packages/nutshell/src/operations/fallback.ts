/** A read the JSON-RPC fallback can serve: which entity, which operation, and the REST call's parameters. */
export interface ReadRequest {
  entity: 'leads' | 'contacts' | 'accounts'
  op: 'list' | 'get' | 'search'
  params: Record<string, unknown>
}

/**
 * Runs a REST read, or serves it another way (the JSON-RPC fallback) with a result of the same shape:
 * the parsed REST body (`LeadsResponse`, `ContactsResponse`, `AccountsResponse`).
 */
export type ReadFallback = <T>(req: ReadRequest, rest: () => Promise<T>) => Promise<T>

/** The default: every read goes to REST. */
export const restOnly: ReadFallback = (_req, rest) => rest()
