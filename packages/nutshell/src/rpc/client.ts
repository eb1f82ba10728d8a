import { parseInput, SdkError } from '@x/core'
import * as z from 'zod/mini'
import { bindRpcMethods, type RpcTypedMethods } from './bind-methods'
import { RpcCaller } from './caller'
import { RPC_ENTITIES, type RpcChangesOf, type RpcEditableEntity, type RpcRecordOf } from './entities'
import { type RpcEditor, type RpcGetter, RpcMethodKit } from './method-kit'
import { DEFAULT_MAX_REV_RETRIES, withRevRetries } from './rev'
import type { RpcRev } from './schemas/common'
import type { RpcIdInput } from './schemas/params'
import type { RpcConditional, RpcConditionalOptions, RpcContext, RpcRequestOptions } from './types'

const NamedParamsSchema = z.record(z.string(), z.unknown())
const MethodNameSchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a method name'))

// The typed methods (`getLead`, `findLeads`, `findLead_Outcomes`, ...) are made from the table in
// methods.ts and merged onto every instance; this declaration gives them their types.
export interface RpcClient extends RpcTypedMethods {}

/**
 * Nutshell's JSON-RPC API (`ns.rpc`): every method the table in methods.ts declares, typed (`find*` as
 * pages), any other through `call()`, `editWithRev` for optimistic concurrency, and conditional reads
 * with `{ etag }`.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface only types the methods the constructor adds
export class RpcClient {
  private readonly caller: RpcCaller
  private readonly kit = new RpcMethodKit(() => this.caller)
  private readonly maxRevRetries: number
  /** The REST base URL, so records mapped from JSON-RPC get REST `href`s. */
  readonly restBaseUrl: string

  constructor(ctx: RpcContext) {
    this.caller = new RpcCaller(ctx)
    this.maxRevRetries = ctx.options?.maxRevRetries ?? DEFAULT_MAX_REV_RETRIES
    this.restBaseUrl = ctx.transport.options.baseUrl.replace(/\/+$/, '')
    Object.assign(this, bindRpcMethods(this.kit))
  }

  /**
   * Calls any JSON-RPC method by name with named params and resolves to its `result`. `get*`, `find*`
   * and `search*` retry like GETs; other methods are never resent once the server may have acted.
   * With `{ etag }` it sends `If-None-Match` and resolves to `{ unchanged }` (see RpcConditional).
   */
  call<T = unknown>(
    method: string,
    params: Record<string, unknown> | undefined,
    options: RpcConditionalOptions,
  ): Promise<RpcConditional<T>>
  call<T = unknown>(method: string, params?: Record<string, unknown>, options?: RpcRequestOptions): Promise<T>
  async call<T>(
    method: string,
    params?: Record<string, unknown>,
    options?: RpcRequestOptions | RpcConditionalOptions,
  ): Promise<T | RpcConditional<T>> {
    parseInput(MethodNameSchema, method, 'rpc.call', 'method')
    const named = parseInput(NamedParamsSchema, params ?? {}, 'rpc.call', 'params')
    return this.kit.read<T>(method, named, undefined, options, false)
  }

  /**
   * Edits a record without losing concurrent changes: reads its current rev, sends the edit, and on a
   * 409 (someone else changed it) reads and retries up to `maxRevRetries` times, then throws
   * ConflictError. Pass a function to recompute the changes from the fresh record on each attempt.
   */
  editWithRev<E extends RpcEditableEntity>(
    entity: E,
    id: RpcIdInput,
    changes: RpcChangesOf<E> | ((current: RpcRecordOf<E>) => RpcChangesOf<E>),
    options?: RpcRequestOptions,
  ): Promise<RpcRecordOf<E>> {
    const spec = RPC_ENTITIES[entity]
    if (!spec) return Promise.reject(new SdkError(`editWithRev: unknown entity "${String(entity)}"`))
    // The entity's own typed get and edit methods, as the table made them.
    const methods = this as unknown as Record<string, unknown>
    const get = methods[`get${spec.suffix}`] as RpcGetter<RpcRecordOf<E>>
    const edit = methods[`edit${spec.suffix}`] as RpcEditor<RpcChangesOf<E>, RpcRecordOf<E>>
    return withRevRetries(
      () => get(id, options),
      (current) => {
        const next = typeof changes === 'function' ? changes(current) : changes
        return edit(id, (current as { rev?: RpcRev }).rev ?? '', next, options)
      },
      this.maxRevRetries,
      `rpc.editWithRev(${entity})`,
    )
  }
}
