import { ConnectionError, type NoticeEvent, ServerError, TimeoutError } from '@x/core'
import type { ReadFallback, ReadRequest } from '../operations/fallback'
import type { RpcClient } from './client'
import { planFallback } from './fallback-plan'

function describe(error: unknown): string {
  if (error instanceof ServerError) return `${error.name} ${error.status}`
  return error instanceof Error ? error.name : 'failure'
}

/**
 * The opt-in read fallback (`fallback: 'rpc'`): runs the REST read, and when it fails with a server
 * error, a connection failure or a timeout (after the transport's retries) answers from the JSON-RPC twin, mapped
 * into the same REST body (`{ meta, links, leads: [...] }`), emitting a `fallback` notice. Client
 * errors (4xx) and reads JSON-RPC cannot express rethrow the REST error; writes never come here.
 */
export function makeReadFallback(
  rpc: RpcClient,
  emit: ((event: NoticeEvent) => void) | undefined,
): ReadFallback {
  const notify = (event: NoticeEvent) => {
    try {
      emit?.(event)
    } catch {
      // A user's hook must never break or alter a call.
    }
  }
  return async <T>(req: ReadRequest, rest: () => Promise<T>): Promise<T> => {
    try {
      return await rest()
    } catch (error) {
      if (
        !(error instanceof ServerError || error instanceof ConnectionError || error instanceof TimeoutError)
      )
        throw error
      const where = { entity: req.entity, op: req.op }
      const plan = planFallback(req)
      if ('unsupported' in plan) {
        notify({
          type: 'fallback-skipped',
          message: `REST ${req.entity}.${req.op} failed (${describe(error)}); not served from JSON-RPC: ${plan.unsupported}`,
          ...where,
          reason: plan.unsupported,
        })
        throw error
      }
      let records: object[]
      try {
        records = await plan.run(rpc, { restBaseUrl: rpc.restBaseUrl })
      } catch (rpcError) {
        notify({
          type: 'fallback-failed',
          message: `REST ${req.entity}.${req.op} failed (${describe(error)}) and so did JSON-RPC ${plan.method} (${describe(rpcError)})`,
          ...where,
          method: plan.method,
          error: describe(rpcError),
        })
        throw error
      }
      notify({
        type: 'fallback',
        message: `REST ${req.entity}.${req.op} failed (${describe(error)}); served from JSON-RPC ${plan.method}`,
        ...where,
        from: 'rest',
        to: 'rpc',
        method: plan.method,
        reason: describe(error),
      })
      return {
        meta: { count: records.length, source: 'json-rpc' },
        links: {},
        [req.entity]: records,
      } as T
    }
  }
}
