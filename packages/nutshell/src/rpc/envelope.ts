import * as z from 'zod/mini'

/** One JSON-RPC request as Nutshell takes it: a method name, named params, a string id. */
export interface RpcRequestBody {
  method: string
  params: Record<string, unknown>
  id: string
}

/** The `error` member of a failed JSON-RPC response. */
export const RpcErrorBodySchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  message: z.nullish(z.string()),
  data: z.optional(z.unknown()),
})
export type RpcErrorBody = z.infer<typeof RpcErrorBodySchema>

/** A JSON-RPC response whose `result` should fit `result` (checked by the transport in the client's validation mode). */
export function rpcResponseSchema<S extends z.ZodMiniType>(result: S) {
  return z.looseObject({
    result: z.nullish(result),
    id: z.nullish(z.union([z.string(), z.number()])),
    error: z.nullish(RpcErrorBodySchema),
  })
}

/** The parsed body of a JSON-RPC response. */
export interface RpcResponseBody<T> {
  result?: T | null | undefined
  id?: string | number | null | undefined
  error?: RpcErrorBody | null | undefined
}

const READ_PREFIX = /^(get|find|search)[A-Z]/

/**
 * Whether a method only reads (`get*`, `find*`, `search*`), so a retry after the server may have
 * acted is harmless. Everything else (`new*`, `edit*`, `delete*`, unknown names) is treated as a write.
 */
export function isReadMethod(method: string): boolean {
  return READ_PREFIX.test(method)
}

/** True when a parsed body looks like a JSON-RPC response at all. */
export function isRpcResponse(body: unknown): body is RpcResponseBody<unknown> {
  return !!body && typeof body === 'object' && !Array.isArray(body) && ('result' in body || 'error' in body)
}
