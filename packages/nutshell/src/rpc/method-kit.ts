import {
  InputValidationError,
  listConcurrency,
  nextPageNumber,
  type PageNumberParams,
  PagePromise,
  pageNumbersAheadUntilShort,
  parseInput,
  ResponseValidationError,
  type Schema,
  SdkError,
  withWalkSignal,
} from '@x/core'
import * as z from 'zod/mini'
import type { RpcCaller, RpcReply } from './caller'
import { RPC_ENTITIES, type RpcEntityName, type RpcEntityTypes } from './entities'
import { toRpcId } from './ids'
import { type RpcRev, rpcTimesToIso } from './schemas/common'
import {
  type RpcIdInput,
  RpcRevInputSchema,
  type RpcSearchOptions,
  RpcSearchOptionsSchema,
  RpcSearchStringSchema,
} from './schemas/params'
import type { RpcConditional, RpcConditionalOptions, RpcRequestOptions } from './types'

/** Records per `find*` page when the caller does not say (Nutshell's own default). */
export const RPC_DEFAULT_LIMIT = 50

/** The parameters of one fetched `find*` page: the caller's, with `page` (1-based) and `limit` filled in. */
export type RpcPageParams<P> = P & PageNumberParams

/** A `get*` method: plain, or conditional when given `{ etag }`. */
export interface RpcGetter<T> {
  (id: RpcIdInput, options: RpcConditionalOptions): Promise<RpcConditional<T>>
  (id: RpcIdInput, options?: RpcRequestOptions): Promise<T>
}

/** `getUser`: one user by id, or the authenticated user when called without one. */
export interface RpcOptionalIdGetter<T> {
  (id: RpcIdInput | undefined, options: RpcConditionalOptions): Promise<RpcConditional<T>>
  (id?: RpcIdInput, options?: RpcRequestOptions): Promise<T>
}

/** A method that takes its named params as one object and answers a value (`newSource({ name })`). */
export type RpcPlain<P, R> = (params?: P, options?: RpcRequestOptions) => Promise<R>

/** A `find*` method: pages to await or iterate, or one conditional page when given `{ etag }`. */
export interface RpcFinder<T, P> {
  (params: P | undefined, options: RpcConditionalOptions): Promise<RpcConditional<T[]>>
  (params?: P, options?: RpcRequestOptions): PagePromise<T, RpcPageParams<P>>
}

/** A `search*` method over one kind of record. */
export type RpcSearcher<T> = (
  query: string,
  params?: RpcSearchOptions,
  options?: RpcRequestOptions,
) => Promise<T[]>

/** The create input of an entity. */
export type RpcEntityInput<E extends RpcEntityName> = RpcEntityTypes[E]['input']

/** A `new*` method. */
export type RpcCreator<I, T> = (input: I, options?: RpcRequestOptions) => Promise<T>
/** An `edit*` method: needs the record's current `rev`. */
export type RpcEditor<C, T> = (
  id: RpcIdInput,
  rev: RpcRev,
  changes: C,
  options?: RpcRequestOptions,
) => Promise<T>
/** A `delete*` method: needs the record's current `rev`; resolves to the service's answer. */
export type RpcDeleter = (id: RpcIdInput, rev: RpcRev, options?: RpcRequestOptions) => Promise<unknown>

/** True when per-call options ask for a conditional read. */
export function isConditional(options: unknown): options is RpcConditionalOptions {
  return !!options && typeof options === 'object' && typeof (options as { etag?: unknown }).etag === 'string'
}

function revOf(result: unknown): string | undefined {
  const rev = (result as { rev?: unknown } | null | undefined)?.rev
  return typeof rev === 'string' || typeof rev === 'number' ? String(rev) : undefined
}

function pathOf(reply: RpcReply<unknown>): string {
  return new URL(reply.response.url).pathname
}

/**
 * Builds the typed JSON-RPC methods from an entity's naming (`getLead {leadId}`) and schemas: input
 * checked before any I/O, conditional reads with `{ etag }`, `find*` as pages, `search*` as lists.
 */
export class RpcMethodKit {
  private readonly caller: () => RpcCaller

  constructor(caller: () => RpcCaller) {
    this.caller = caller
  }

  /** Runs a read, plain or conditional; a plain call that gets 304 is a protocol error. */
  async read<T>(
    method: string,
    params: Record<string, unknown>,
    schema: Schema<T> | undefined,
    options: RpcRequestOptions | RpcConditionalOptions | undefined,
    expectRecord: boolean,
  ): Promise<T | RpcConditional<T>> {
    const reply = await this.caller().invoke<T>(method, params, schema, options)
    if (isConditional(options)) {
      if (reply.unchanged) return { unchanged: true, etag: reply.etag ?? options.etag }
      const result = this.checked(reply, method, expectRecord)
      return { unchanged: false, result, etag: reply.etag ?? (expectRecord ? revOf(result) : undefined) }
    }
    if (reply.unchanged) throw new SdkError(`${method} answered 304 Not Modified to a call that sent no etag`)
    return this.checked(reply, method, expectRecord)
  }

  /** Calls a method that answers one record (get/new/edit). */
  async record<T>(
    method: string,
    params: Record<string, unknown>,
    schema: Schema<T> | z.ZodMiniType,
    options: RpcRequestOptions | undefined,
  ): Promise<T> {
    return (await this.read<T>(method, params, schema as Schema<T>, options, true)) as T
  }

  private checked<T>(reply: RpcReply<T>, method: string, expectRecord: boolean): T {
    if (expectRecord && (reply.result === undefined || reply.result === null)) {
      throw new ResponseValidationError([{ path: 'result', message: `${method} answered no record` }], {
        method: 'POST',
        path: pathOf(reply as RpcReply<unknown>),
      })
    }
    return reply.result as T
  }

  /** A `get<Entity>` method. */
  getter<T>(method: string, entity: RpcEntityName, idOptional = false): RpcGetter<T> {
    const spec = RPC_ENTITIES[entity]
    return (async (id: RpcIdInput | undefined, options?: RpcRequestOptions | RpcConditionalOptions) => {
      // `getUser` without an id answers the authenticated user, so no id is sent then.
      const params =
        id === undefined && idOptional ? {} : { [spec.idKey]: toRpcId(id, spec.restType, `rpc.${method}`) }
      return this.read(method, params, spec.schema as Schema<T>, options, true)
    }) as RpcGetter<T>
  }

  /** A method taking its named params as one object (checked), answering a value (checked). */
  plain<P, R>(
    method: string,
    paramsSchema: z.ZodMiniType | undefined,
    result: z.ZodMiniType,
  ): RpcPlain<P, R> {
    return async (params, options) => {
      const named = paramsSchema ? parseInput(paramsSchema, params ?? {}, `rpc.${method}`, 'params') : {}
      const reply = await this.caller().invoke<R>(
        method,
        named as Record<string, unknown>,
        result as Schema<R>,
        options,
      )
      return reply.result as R
    }
  }

  /** A `new<Entity>` method: input checked, never resent after the server may have acted. */
  creator<I, T>(method: string, entity: RpcEntityName): RpcCreator<I, T> {
    const spec = RPC_ENTITIES[entity]
    return async (input, options) => {
      const payload = rpcTimesToIso(parseInput(spec.input ?? spec.changes, input, `rpc.${method}`, spec.key))
      return this.record<T>(method, { [spec.key]: payload }, spec.schema, options)
    }
  }

  /** An `edit<Entity>` method taking the current rev. */
  editor<C, T>(method: string, entity: RpcEntityName): RpcEditor<C, T> {
    const spec = RPC_ENTITIES[entity]
    return async (id, rev, changes, options) => {
      const checked = parseInput(spec.changes, changes, `rpc.${method}`, spec.key)
      // An edit with nothing in it would still bump the rev: refused, as an empty REST update is.
      if (typeof checked === 'object' && checked !== null && Object.keys(checked).length === 0) {
        throw new InputValidationError([{ path: spec.key, message: 'no changes given' }], `rpc.${method}`)
      }
      const params = {
        [spec.idKey]: toRpcId(id, spec.restType, `rpc.${method}`),
        rev: String(parseInput(RpcRevInputSchema, rev, `rpc.${method}`, 'rev')),
        [spec.key]: rpcTimesToIso(checked),
      }
      return this.record<T>(method, params, spec.schema, options)
    }
  }

  /** A `delete<Entity>` method taking the current rev. */
  deleter(method: string, entity: RpcEntityName): RpcDeleter {
    const spec = RPC_ENTITIES[entity]
    return async (id, rev, options) => {
      const params = {
        [spec.idKey]: toRpcId(id, spec.restType, `rpc.${method}`),
        rev: String(parseInput(RpcRevInputSchema, rev, `rpc.${method}`, 'rev')),
      }
      return (await this.caller().invoke(method, params, undefined, options)).result
    }
  }

  /** A paged `find*` method (1-based pages), or one conditional page with `{ etag }`. */
  finder<T, P extends object>(
    method: string,
    item: z.ZodMiniType,
    paramsSchema: z.ZodMiniType,
  ): RpcFinder<T, P> {
    const pageSchema = z.array(item) as unknown as Schema<T[]>
    const resolve = (params: P | undefined): RpcPageParams<P> => {
      const parsed = parseInput(paramsSchema, params ?? {}, `rpc.${method}`) as P & Partial<PageNumberParams>
      return { ...parsed, page: parsed.page ?? 1, limit: parsed.limit ?? RPC_DEFAULT_LIMIT }
    }
    const fetchPage = async (p: RpcPageParams<P>, options: RpcRequestOptions | undefined) => {
      const reply = await this.caller().invoke<T[]>(
        method,
        { ...p } as Record<string, unknown>,
        pageSchema,
        options,
      )
      if (reply.unchanged)
        throw new SdkError(`${method} answered 304 Not Modified to a call that sent no etag`)
      return { items: Array.isArray(reply.result) ? reply.result : [], raw: reply.result }
    }
    return ((params?: P, options?: RpcRequestOptions | RpcConditionalOptions) => {
      if (isConditional(options))
        return (async () =>
          this.read<T[]>(method, resolve(params) as Record<string, unknown>, pageSchema, options, false))()
      return new PagePromise<T, RpcPageParams<P>>(() => ({
        params: resolve(params),
        fetch: (p, signal) => fetchPage(p, withWalkSignal(options, signal)),
        next: nextPageNumber<T, RpcPageParams<P>>(1),
        concurrency: listConcurrency(options, `rpc.${method}`),
        // find* answers give no total: pages are fetched ahead while they come back full, and the walk
        // ends at the first short one (aborting the pages it fetched beyond it).
        ahead: pageNumbersAheadUntilShort<T, RpcPageParams<P>>(),
      }))
    }) as RpcFinder<T, P>
  }

  /** A `search*` method: `{ string, limit }` in, a list of stubs out. */
  searcher<T>(method: string, item: z.ZodMiniType): RpcSearcher<T> {
    const schema = z.array(item) as unknown as Schema<T[]>
    return async (query, params, options) => {
      const named = {
        ...parseInput(RpcSearchOptionsSchema, params ?? {}, `rpc.${method}`),
        string: parseInput(RpcSearchStringSchema, query, `rpc.${method}`, 'query'),
      }
      const reply = await this.caller().invoke<T[]>(method, named, schema, options)
      return Array.isArray(reply.result) ? reply.result : []
    }
  }
}
