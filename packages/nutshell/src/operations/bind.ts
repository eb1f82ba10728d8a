import {
  listConcurrency,
  NotFoundError,
  nextPageNumber,
  type PageData,
  PagePromise,
  pageNumbersAhead,
  parseBody,
  parseInput,
  pathParam,
  type QueryInput,
  type RequestOptions,
  type ResponseMeta,
  ResponseValidationError,
  readArgs,
  type Transport,
  withWalkSignal,
} from '@x/core'
import type { ReadFallback } from './fallback'
import { idSegment, oneId } from './ids'
import { type ListPageParams, nextLink, pageQuery } from './list-query'
import type { Operation, OperationKit, OperationTable, Returns } from './operation'
import { RecordPromise, type RecordResult } from './record-promise'

/** Records per page when the caller does not say. */
export const DEFAULT_LIMIT = 50

/** What the methods of every table share: the client's transport, its read fallback and its lookups. */
export interface OperationContext {
  transport: Transport
  readWithFallback: ReadFallback
  outcomes: OperationKit['outcomes']
  call: OperationKit['call']
}

/** Per-call options of an update (`kind: 'patch'`). */
export interface UpdateOptions extends RequestOptions {
  /** GET the record after the 204 and resolve to it (the PATCH itself answers with no body). */
  returnRecord?: boolean
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The records an answer holds: its `key` array, a bare array, or a bare record; undefined when none of these. */
function recordsIn(body: unknown, key: string | undefined): unknown[] | undefined {
  if (Array.isArray(body)) return body
  if (!isRecord(body)) return undefined
  if (key === undefined) return [body]
  const value = body[key]
  if (Array.isArray(value)) return value
  return 'id' in body ? [body] : undefined
}

function totalIn(body: unknown): number | undefined {
  const total = (body as { meta?: { total?: unknown } } | undefined)?.meta?.total
  return typeof total === 'number' ? total : undefined
}

/** The ResponseValidationError for an answer that should have held a record and did not. */
function missingRecord(op: Operation, path: string, context: string, response: ResponseMeta | undefined) {
  const key = (op.returns as { key?: string }).key
  const status = response ? ` (HTTP ${response.status})` : ''
  return new ResponseValidationError(
    [
      {
        path: key ?? '',
        message: `expected ${key ? `a "${key}" record` : 'a record'} in the answer to ${context}, got none${status}`,
      },
    ],
    { method: op.method, path },
  )
}

/**
 * The request path: each `{param}` checked and percent-encoded. An `{id}` follows Nutshell's id rule (no
 * commas, slashes or spaces); where the operation takes several ids it also takes a list, comma-joined.
 */
function pathFor(op: Operation, params: Record<string, unknown>, context: string) {
  let ids: string[] = []
  let many = false
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name !== 'id') return pathParam(params[name], context, name)
    if (op.returns.kind !== 'record' || op.returns.ids !== 'many') return oneId(params.id, context)
    const segment = idSegment(params.id, context)
    ids = segment.list
    many = segment.many
    return segment.segment
  })
  return { path, ids, many }
}

/** The caller's fields, checked (zod) before any request; no fields given is an empty object. */
function checkInput(op: Operation, input: unknown, context: string): unknown {
  if (!op.input) return undefined
  const isQuery = op.method === 'GET' || op.method === 'DELETE'
  return isQuery
    ? parseInput(op.input, input ?? {}, context, op.inputName)
    : parseBody(op.input, input ?? {}, context, op.inputName)
}

/**
 * Makes the methods of one table. Every method checks its path parameters and fields before any request,
 * sends the fields (as `encode` shapes them) as the query of a GET or DELETE and as the body otherwise,
 * and reads the answer as the operation's `returns` says.
 */
class MethodMaker {
  constructor(
    private readonly ctx: OperationContext,
    private readonly prefix: string,
  ) {}

  private kit(options: RequestOptions | undefined): OperationKit {
    return { options, outcomes: this.ctx.outcomes, call: this.ctx.call }
  }

  private send(op: Operation, path: string, sent: unknown, options: RequestOptions | undefined) {
    const isQuery = op.method === 'GET' || op.method === 'DELETE'
    return this.ctx.transport
      .request({
        method: op.method,
        path,
        query: isQuery ? (sent as QueryInput | undefined) : undefined,
        body: isQuery ? undefined : sent,
        schema: op.answer,
        repeatQueryKeys: op.repeatQueryKeys,
        contentType: op.contentType,
        idempotent: op.idempotent,
        options,
      })
      .withResponse()
  }

  method(name: string, op: Operation): (...args: unknown[]) => unknown {
    const context = `${this.prefix}.${name}`
    const returns = op.returns
    if (returns.kind === 'composed') return (...args) => returns.run(this.kit(undefined), ...args)
    if (returns.kind === 'list') return (...args) => this.list(op, returns, context, args)
    return (...args) => new RecordPromise(this.one(op, context, args))
  }

  /** A list as a PagePromise: the input checked on first use, each page fetched (or served by the fallback) on demand. */
  private list(op: Operation, returns: Extract<Returns, { kind: 'list' }>, context: string, args: unknown[]) {
    const { params, input, options } = readArgs<RequestOptions>(op, args)
    const kit = this.kit(options)
    const sent = (p: ListPageParams) => {
      const { page: _page, limit: _limit, link: _link, ...fields } = p
      const encoded = (op.encode ? op.encode(fields, kit) : fields) as QueryInput
      return {
        query: pageQuery(encoded, returns.paging, p),
        repeat: p.link ? Object.keys(p.link) : (op.repeatQueryKeys ?? []),
      }
    }
    return new PagePromise<unknown, ListPageParams>(() => {
      const { path } = pathFor(op, params, context)
      const concurrency = listConcurrency(options, context)
      const { page, limit, ...fields } = (checkInput(op, input, context) ?? {}) as Partial<ListPageParams>
      const first: ListPageParams = { ...fields, page: page ?? 0, limit: limit ?? DEFAULT_LIMIT }
      if (returns.paging === 'none' || (returns.paging === 'link' && limit === undefined)) {
        delete (first as Partial<ListPageParams>).limit
      }
      const fetch = async (p: ListPageParams, signal?: AbortSignal): Promise<PageData<unknown>> => {
        let response: ResponseMeta | undefined
        const fetchBody = async () => {
          const { query, repeat } = sent(p)
          const r = await this.ctx.transport
            .request({
              method: 'GET',
              path,
              query,
              repeatQueryKeys: repeat,
              schema: op.answer,
              options: withWalkSignal(options, signal),
            })
            .withResponse()
          response = r.response
          return r.data
        }
        const body = returns.fallback
          ? await this.ctx.readWithFallback(
              { entity: returns.fallback, op: p.q ? 'search' : 'list', params: { ...p } },
              fetchBody,
            )
          : await fetchBody()
        return { items: recordsIn(body, returns.key) ?? [], total: totalIn(body), raw: body, response }
      }
      const next =
        returns.paging === 'page'
          ? nextPageNumber<unknown, ListPageParams>(0)
          : returns.paging === 'link'
            ? nextLink(sent)
            : () => undefined
      // Only page-number paging can fetch pages ahead (from `meta.total`); `link` and `none` walk one at a time.
      const ahead = returns.paging === 'page' ? pageNumbersAhead<unknown, ListPageParams>(0) : undefined
      return { params: first, fetch, next, concurrency, ahead }
    })
  }

  /** Any call that is not a list: one request (a GET after a patch, when asked), read as `returns` says. */
  private async one(op: Operation, context: string, args: unknown[]): Promise<RecordResult<unknown>> {
    const { params, input, options } = readArgs<UpdateOptions>(op, args)
    const { path, ids, many } = pathFor(op, params, context)
    const fields = checkInput(op, input, context)
    const sent = op.encode ? await op.encode(fields, this.kit(options)) : fields
    const returns = op.returns
    let response: ResponseMeta | undefined
    const fetchBody = async () => {
      const r = await this.send(op, path, sent, options)
      response = r.response
      return r.data
    }
    const fallback = returns.kind === 'record' ? returns.fallback : undefined
    const body = fallback
      ? await this.ctx.readWithFallback({ entity: fallback, op: 'get', params: { ids } }, fetchBody)
      : await fetchBody()
    if (returns.kind === 'patch') {
      if (!options?.returnRecord) return { data: undefined, body, response }
      const get = this.ctx.call(this.prefix, 'get', params.id, options) as RecordPromise<unknown>
      return get.withFull()
    }
    if (returns.kind === 'answer') return { data: returns.map ? returns.map(body) : body, body, response }
    if (returns.kind !== 'record') throw new Error(`unreachable: ${returns.kind}`)
    const records = recordsIn(body, returns.key)
    if (returns.ids === 'many') {
      // No records array at all (a 204, a 304, a foreign body) is a broken answer; an empty one, a miss.
      if (records === undefined) throw missingRecord(op, path, context, response)
      if (many) return { data: records, body, response }
      if (records.length === 0) {
        throw new NotFoundError({
          status: 404,
          message: `No ${returns.key ?? 'record'} ${ids[0]} in the response to ${op.method} ${path}`,
          method: op.method,
          path,
          requestId: response?.requestId,
        })
      }
    }
    const record = records?.[0]
    if (isRecord(record)) return { data: record, body, response }
    if (returns.optional) return { data: undefined, body, response }
    throw missingRecord(op, path, context, response)
  }
}

/** The methods of a table, bound to a client; `prefix` names them in errors (`leads` → `leads.get`). */
export function bindOperations<T extends OperationTable>(
  ctx: OperationContext,
  prefix: string,
  table: T,
): Record<keyof T, (...args: unknown[]) => unknown> {
  const maker = new MethodMaker(ctx, prefix)
  const methods: Record<string, (...args: unknown[]) => unknown> = {}
  for (const [name, op] of Object.entries(table)) methods[name] = maker.method(name, op)
  return methods as Record<keyof T, (...args: unknown[]) => unknown>
}
