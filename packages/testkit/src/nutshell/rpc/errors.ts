/** A JSON-RPC error the endpoint returns in `error` ({ code, message, data }). */
export class RpcError extends Error {
  readonly code: number
  readonly data: unknown
  constructor(code: number, message: string, data: unknown = null) {
    super(message)
    this.code = code
    this.data = data
  }
}

/** The documented conflict: the `rev` sent is not the entity's current one. */
export function staleRev(): RpcError {
  return new RpcError(409, 'rev key is out-of-date')
}

/** Invalid or missing named params (-32602). */
export function invalidParams(message: string): RpcError {
  return new RpcError(-32602, `Invalid params: ${message}`)
}
