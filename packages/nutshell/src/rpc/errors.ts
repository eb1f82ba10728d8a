import { type ApiError, apiErrorFromStatus } from '@x/core'
import type { RpcErrorBody } from './envelope'

/** HTTP statuses a JSON-RPC `code` is taken as literally. */
const HTTP_LIKE = new Set([400, 401, 403, 404, 409, 422, 429])

/** JSON-RPC 2.0's reserved codes for a bad request (parse error, invalid request, no such method, bad params). */
const CLIENT_CODES = new Set([-32700, -32600, -32601, -32602])

/**
 * The HTTP status a JSON-RPC error code stands for: HTTP-like codes as themselves (409 is Nutshell's
 * "rev key is out-of-date"), JSON-RPC's request errors as 400, anything else as a server failure.
 */
export function statusForRpcCode(code: number | string): number {
  const n = typeof code === 'number' ? code : Number(code)
  if (!Number.isInteger(n)) return 500
  if (HTTP_LIKE.has(n) || (n >= 500 && n <= 599)) return n
  if (CLIENT_CODES.has(n)) return 400
  return 500
}

/** Where a JSON-RPC error came from. */
export interface RpcErrorPlace {
  rpcMethod: string
  path: string
  requestId: string | undefined
}

/**
 * Turns a JSON-RPC `error` member into the core's typed ApiError, keeping `code` and `data`. (The
 * transport scrubs every credential from it before anyone sees it, as from every error.)
 */
export function rpcError(error: RpcErrorBody, place: RpcErrorPlace): ApiError {
  const text = error.message || 'JSON-RPC error'
  const message = `JSON-RPC error ${error.code} from ${place.rpcMethod}: ${text}${place.requestId ? ` [request ${place.requestId}]` : ''}`
  return apiErrorFromStatus(statusForRpcCode(error.code), {
    message,
    method: 'POST',
    path: place.path,
    requestId: place.requestId,
    code: error.code,
    data: error.data,
    body: error,
  })
}
