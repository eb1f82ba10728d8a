import {
  type HttpMethod,
  NotFoundError,
  nextPageNumber,
  type PageData,
  PagePromise,
  parseInput,
  type QueryInput,
  type RequestOptions,
  type ResponseMeta,
  type Schema,
} from '@x/core'
import * as z from 'zod/mini'
import { filterQuery } from '../query/filter'
import type { ResolvedListParams } from '../query/list-params'
import type { ReadRequest, ResourceContext } from './context'
import { RecordPromise, type RecordResult } from './record-promise'
import { patchRecord, type UpdateOptions } from './update'

/** Records per page when the caller does not say. */
export const DEFAULT_LIMIT = 50

/** One id, or several joined with commas in a single request. */
export type Ids = string | number | readonly (string | number)[]

const IdSchema = z.union([
  z
    .string()
    .check(z.minLength(1), z.regex(/^[^,/?#\s]+$/, 'must be one id without commas, slashes or spaces')),
  z.int().check(z.gte(1)),
])
const IdsSchema = z.union([IdSchema, z.array(IdSchema).check(z.minLength(1))])

/** Validates and encodes an id (or several, comma-joined) for a path segment. */
export function idSegment(ids: Ids, context: string): { segment: string; list: string[]; many: boolean } {
  const parsed = parseInput(IdsSchema, ids, context, Array.isArray(ids) ? 'ids' : 'id')
  const list = (Array.isArray(parsed) ? parsed : [parsed]).map(String)
  return { segment: list.map(encodeURIComponent).join(','), list, many: Array.isArray(parsed) }
}

/** Encodes one id for a path, after checking it; a list is refused, since these paths name one record. */
export function oneId(id: string | number, context: string): string {
  return encodeURIComponent(parseInput(IdSchema, id, context, 'id'))
}

function recordsIn(body: unknown, key: string): unknown[] {
  if (Array.isArray(body)) return body
  if (typeof body !== 'object' || body === null) return []
  const value = (body as Record<string, unknown>)[key]
  if (Array.isArray(value)) return value
  return 'id' in body ? [body] : []
}

function totalIn(body: unknown): number | undefined {
  const meta = (body as { meta?: { total?: unknown } } | undefined)?.meta
  return typeof meta?.total === 'number' ? meta.total : undefined
}

function sortParam(sort: string | readonly string[] | undefined): string | undefined {
  return sort === undefined ? undefined : typeof sort === 'string' ? sort : sort.join(',')
}

/** The REST query for one page of a list: `page[page]`, `page[limit]`, `filter[...]`, `sort`, `q`, `email`. */
export function listQuery(p: Partial<ResolvedListParams>, paged: boolean): QueryInput {
  return {
    ...(paged ? { page: { page: p.page, limit: p.limit } } : {}),
    filter: filterQuery(p.filter),
    sort: sortParam(p.sort),
    q: p.q,
    email: p.email,
  }
}

/** Schema of a write's answer: `{ <key>: [record] }` as reads answer, or the bare record as the document declares. */
export function recordAnswer(envelope: z.ZodMiniType, record: z.ZodMiniType): Schema<unknown> {
  return z.optional(z.union([envelope, record])) as Schema<unknown>
}

/** What one REST collection's requests share; defined once per resource, at module level. */
export interface CollectionSpec {
  /** The collection's name in error messages (`leads` → `leads.get`); also its path and body key by default. */
  name: string
  /** Default `/<name>`. */
  path?: string
  /** The key of the records' array in bodies; default `<name>`. */
  key?: string
  /** Schema of a read's body. */
  schema: Schema<unknown>
  /** Schema of a write's answer (see `recordAnswer`); writes go unchecked without it. */
  answer?: Schema<unknown>
  /** The strict schema of `list()`'s parameters; lists without parameters omit it. */
  listParams?: z.ZodMiniType
  /** False for endpoints that return everything at once (no `page[...]` parameters). */
  paged?: boolean
  /** Reads the JSON-RPC fallback may serve. */
  fallback?: ReadRequest['entity']
}

/** Extras of a write addressed to one record. */
export interface SendExtras {
  /** Appended to the record's path (`/undelete`). */
  suffix?: string
  /** Builds the body; runs after the id is checked, and its input errors become rejections. */
  body?: () => unknown
  idempotent?: boolean
}

/**
 * The requests of one REST collection (list, get, create, id-addressed writes, JSON Patch updates),
 * bound to a client: each resource method is one call to it, so every resource behaves alike.
 */
export class Collection<T> {
  private readonly ctx: ResourceContext
  private readonly spec: CollectionSpec
  private readonly path: string
  private readonly key: string

  constructor(ctx: ResourceContext, spec: CollectionSpec) {
    this.ctx = ctx
    this.spec = spec
    this.path = spec.path ?? `/${spec.name}`
    this.key = spec.key ?? spec.name
  }

  /** A list as a PagePromise: input checked on first use, each page fetched (or served by the fallback) on demand. */
  list(input: unknown, options: RequestOptions | undefined): PagePromise<T, ResolvedListParams> {
    const { listParams, fallback } = this.spec
    const paged = this.spec.paged ?? true
    const fetchPage = async (p: ResolvedListParams): Promise<PageData<T>> => {
      let response: ResponseMeta | undefined
      const fetchBody = async (): Promise<unknown> => {
        const answer = await this.ctx.transport
          .request({
            method: 'GET',
            path: this.path,
            query: listQuery(p, paged),
            schema: this.spec.schema,
            options,
          })
          .withResponse()
        response = answer.response
        return answer.data
      }
      const body = fallback
        ? await this.ctx.readWithFallback(
            { entity: fallback, op: p.q ? 'search' : 'list', params: { ...p } },
            fetchBody,
          )
        : await fetchBody()
      return { items: recordsIn(body, this.key) as T[], total: totalIn(body), raw: body, response }
    }
    return new PagePromise<T, ResolvedListParams>(() => {
      const checked = listParams ? parseInput(listParams, input ?? {}, `${this.spec.name}.list`) : {}
      const given = checked as Partial<ResolvedListParams>
      const params: ResolvedListParams = {
        ...given,
        page: given.page ?? 0,
        limit: given.limit ?? DEFAULT_LIMIT,
      }
      if (!paged) delete (params as Partial<ResolvedListParams>).limit
      return {
        params,
        fetch: fetchPage,
        next: paged ? nextPageNumber<T, ResolvedListParams>(0) : () => undefined,
      }
    })
  }

  /** Fetches one record, or several in one call (`GET /leads/1-leads,2-leads`). */
  get<R = T | T[]>(ids: Ids, options: RequestOptions | undefined): RecordPromise<R> {
    return new RecordPromise(this.fetch<R>(ids, options))
  }

  /** The work behind `get`, for methods that compose it; `context` names the method in errors. */
  async fetch<R>(
    ids: Ids,
    options: RequestOptions | undefined,
    context = `${this.spec.name}.get`,
  ): Promise<RecordResult<R>> {
    const { segment, list, many } = idSegment(ids, context)
    const path = `${this.path}/${segment}`
    let response: ResponseMeta | undefined
    const rest = async () => {
      const r = await this.ctx.transport
        .request({ method: 'GET', path, schema: this.spec.schema, options })
        .withResponse()
      response = r.response
      return r.data
    }
    const fallback = this.spec.fallback
    const body = fallback
      ? await this.ctx.readWithFallback({ entity: fallback, op: 'get', params: { ids: list } }, rest)
      : await rest()
    const records = recordsIn(body, this.key)
    if (many) return { data: records as R, body, response }
    if (records.length === 0) {
      throw new NotFoundError({
        status: 404,
        message: `No ${this.key} record ${list[0]} in the response to GET ${path}`,
        method: 'GET',
        path,
        requestId: response?.requestId,
      })
    }
    return { data: records[0] as R, body, response }
  }

  /** Creates one record from a checked input; `wrap` shapes the body (default `{ <key>: [record] }`). */
  create(
    schema: z.ZodMiniType,
    input: unknown,
    options: RequestOptions | undefined,
    wrap: (record: unknown) => unknown = (record) => ({ [this.key]: [record] }),
  ): RecordPromise<T> {
    return new RecordPromise(
      (async () =>
        this.write<T>(
          'POST',
          this.path,
          options,
          wrap(parseInput(schema, input, `${this.spec.name}.create`)),
        ))(),
    )
  }

  /** `<method> <path>/<id><suffix>`, answered with the record; a bad id or input rejects before any I/O. */
  send<R = T>(
    method: HttpMethod,
    id: string | number,
    action: string,
    options: RequestOptions | undefined,
    extras: SendExtras = {},
  ): RecordPromise<R> {
    return new RecordPromise(
      (async () =>
        this.write<R>(
          method,
          `${this.path}/${oneId(id, `${this.spec.name}.${action}`)}${extras.suffix ?? ''}`,
          options,
          extras.body?.(),
          extras.idempotent,
        ))(),
    )
  }

  /** Deletes a record; the service answers with it (or with nothing). */
  delete(id: string | number, options: RequestOptions | undefined): RecordPromise<T | undefined> {
    return this.send('DELETE', id, 'delete', options)
  }

  /** Restores a deleted record (retried safely: restoring twice changes nothing). */
  undelete(id: string | number, options: RequestOptions | undefined): RecordPromise<T> {
    return this.send('POST', id, 'undelete', options, { suffix: '/undelete', idempotent: true })
  }

  /** Updates a record with JSON Patch (204); `returnRecord` GETs it afterwards. A bad id or patch rejects. */
  update(
    id: string | number,
    changes: unknown,
    options: UpdateOptions | undefined,
    contentType?: string,
  ): Promise<T | undefined> {
    let path: string
    try {
      path = `${this.path}/${oneId(id, `${this.spec.name}.update`)}`
    } catch (error) {
      return Promise.reject(error)
    }
    return patchRecord({
      ctx: this.ctx,
      type: this.spec.name,
      path,
      input: changes,
      options,
      contentType,
      refetch: (o) => this.get<T>(id, o),
    })
  }

  /** Sends a write and resolves to the record the service answered with (undefined on 204). */
  async write<R>(
    method: HttpMethod,
    path: string,
    options: RequestOptions | undefined,
    body?: unknown,
    idempotent?: boolean,
  ): Promise<RecordResult<R>> {
    const r = await this.ctx.transport
      .request({ method, path, body, schema: this.spec.answer, idempotent, options })
      .withResponse()
    return { data: recordsIn(r.data, this.key)[0] as R, body: r.data, response: r.response }
  }
}
