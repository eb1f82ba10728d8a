import {
  assertPlainData,
  ConnectionError,
  type ResponseMeta,
  ResponseValidationError,
  type Schema,
  type Transport,
  type WithResponse,
} from '@x/core'
import * as z from 'zod/mini'
import { EndpointResolver, parseUrl } from './discovery'
import { isReadMethod, isRpcResponse, rpcResponseSchema } from './envelope'
import { rpcError } from './errors'
import type { RpcConditionalOptions, RpcContext, RpcRequestOptions } from './types'

/** The outcome of one JSON-RPC call. */
export interface RpcReply<T> {
  /** True when the service answered 304 Not Modified to `If-None-Match`. */
  unchanged: boolean
  result: T | undefined
  /** The response's `ETag` header, if any. */
  etag: string | undefined
  response: ResponseMeta
}

/**
 * Sends JSON-RPC envelopes through the client's transport: resolves the endpoint, marks read-only
 * methods idempotent (so they retry like GETs), and turns the envelope's `error` into typed errors.
 */
export class RpcCaller {
  readonly transport: Transport
  readonly endpoints: EndpointResolver
  private sequence = 0

  constructor(ctx: RpcContext) {
    this.transport = ctx.transport
    this.endpoints = new EndpointResolver({
      transport: ctx.transport,
      email: ctx.email,
      endpoint: ctx.options?.endpoint,
      discoveryUrl: ctx.options?.discoveryUrl,
      discoveryTtlMs: ctx.options?.discoveryTtlMs,
    })
  }

  /** Calls `method` with named `params`; `etag` in the options sends `If-None-Match`. */
  async invoke<T>(
    method: string,
    params: Record<string, unknown>,
    schema: Schema<T> | undefined,
    options: RpcRequestOptions | RpcConditionalOptions = {},
  ): Promise<RpcReply<T>> {
    const { etag, ...requestOptions } = options as Partial<RpcConditionalOptions>
    // Params go out as given: plain data only, so JSON.stringify never meets a cycle or a bigint.
    assertPlainData(params, `rpc.${method}`, 'params')
    const endpoint = await this.endpoints.resolve(requestOptions)
    const path = parseUrl(endpoint, 'rpc.endpoint').pathname
    let reply: WithResponse<unknown>
    try {
      reply = await this.transport
        .request({
          method: 'POST',
          path: endpoint,
          body: { method, params, id: String(++this.sequence) },
          idempotent: isReadMethod(method),
          headers: etag === undefined ? undefined : { 'if-none-match': etag },
          schema: rpcResponseSchema((schema ?? z.unknown()) as z.ZodMiniType),
          // An `error` inside the 200 goes through the transport's retry policy and hooks like an HTTP one.
          check: (data, response) =>
            isRpcResponse(data) && data.error
              ? rpcError(data.error, {
                  rpcMethod: method,
                  path,
                  requestId: response.requestId,
                })
              : undefined,
          options: requestOptions,
        })
        .withResponse()
    } catch (error) {
      if (error instanceof ConnectionError && !this.endpoints.isFixed) this.endpoints.invalidate()
      throw error
    }
    const { data, response } = reply
    const etagHeader = response.headers.get('etag') ?? undefined
    if (response.status === 304)
      return { unchanged: true, result: undefined, etag: etagHeader ?? etag, response }
    if (!isRpcResponse(data)) {
      throw new ResponseValidationError(
        [{ path: '', message: 'expected a JSON-RPC response with "result" or "error"' }],
        { method: 'POST', path },
      )
    }
    return {
      unchanged: false,
      result: (data.result ?? undefined) as T | undefined,
      etag: etagHeader,
      response,
    }
  }
}
