import {
  type HttpMethod,
  NotFoundError,
  nextPageNumber,
  type PageData,
  PagePromise,
  parseBody,
  parseInput,
  pathParam,
  type QueryInput,
  type RequestOptions,
  type ResponseMeta,
  ResponseValidationError,
  type Schema,
  serializeQuery,
} from '@x/core'
import * as z from 'zod/mini'
import { filterQuery, filterRepeatKeys } from '../query/filter'
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

/**
 * Validates and encodes an id (or several, each checked, comma-joined) for a path segment: Nutshell's
 * own rule (no commas, slashes or spaces; whole numbers >= 1), then the core's path rule (`pathParam`).
 */
export function idSegment(ids: Ids, context: string): { segment: string; list: string[]; many: boolean } {
  const many = Array.isArray(ids)
  const parsed = parseInput(IdsSchema, ids, context, many ? 'ids' : 'id')
  const values: (string | number)[] = Array.isArray(parsed) ? parsed : [parsed]
  const segment = values.map((id, i) => pathParam(id, context, many ? `ids[${i}]` : 'id')).join(',')
  return { segment, list: values.map(String), many }
}

/** Checks one id (a list is refused: these paths name one record) and encodes it for a path segment. */
export function oneId(id: string | number, context: string, field = 'id'): string {
  return pathParam(parseInput(IdSchema, id, context, field), context, field)
}

/** Checks one id by the same rules as `oneId`, for a body: the checked value, not percent-encoded. */
export function checkedId(id: string | number, context: string, field = 'id'): string {
  oneId(id, context, field)
  return String(id)
}

/** The ResponseValidationError for an answer that should have held a record and did not. */
export function missingRecord(
  key: string,
  context: string,
  method: string,
  path: string,
  response: ResponseMeta | undefined,
): ResponseValidationError {
  const status = response ? ` (HTTP ${response.status})` : ''
  return new ResponseValidationError(
    [{ path: '', message: `expected a "${key}" record in the answer to ${context}, got none${status}` }],
    { method, path },
  )
}

/** The records a body holds: its `<key>` array, a bare array, or a bare record; undefined when it holds none of these. */
function recordsIn(body: unknown, key: string): unknown[] | undefined {
  if (Array.isArray(body)) return body
  if (typeof body !== 'object' || body === null) return undefined
  const value = (body as Record<string, unknown>)[key]
  if (Array.isArray(value)) return value
  return 'id' in body ? [body] : undefined
}

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function totalIn(body: unknown): number | undefined {
  const meta = (body as { meta?: { total?: unknown } } | undefined)?.meta
  return typeof meta?.total === 'number' ? meta.total : undefined
}

function sortParam(sort: string | readonly string[] | undefined): string | undefined {
  return sort === undefined ? undefined : typeof sort === 'string' ? sort : sort.join(',')
}

/** How a list pages, as its operation's document declares (see `CollectionSpec.paging`). */
export type Paging = 'page' | 'link' | 'none'

/**
 * The REST query for one page of a list: `page[page]` and `page[limit]` (`'page'` paging), or `limit`
 * alone when given (`'link'` paging), `filter[...]`, `sort`, `q`, `email`; a page reached through a
 * `meta.next` link is that link's query. `scalarFilters` are the filter keys sent without `[]`.
 */
export function listQuery(
  p: Partial<ResolvedListParams>,
  paging: Paging | boolean,
  scalarFilters: readonly string[] = [],
): QueryInput {
  if (p.link) return p.link
  const mode = paging === true ? 'page' : paging === false ? 'none' : paging
  return {
    ...(mode === 'page' ? { page: { page: p.page, limit: p.limit } } : {}),
    ...(mode === 'link' ? { limit: p.limit } : {}),
    filter: filterQuery(p.filter, scalarFilters),
    sort: sortParam(p.sort),
    q: p.q,
    email: p.email,
  }
}

/** The query keys of a list request sent as repeated `key=value` pairs (for `RequestSpec.repeatQueryKeys`). */
function repeatKeys(p: Partial<ResolvedListParams>, scalarFilters: readonly string[]): string[] {
  return p.link ? Object.keys(p.link) : filterRepeatKeys(scalarFilters)
}

/** A query in one canonical form, to tell whether a `meta.next` link asks for the page just read. */
function canonical(query: QueryInput, repeat: readonly string[]): string {
  const params = new URLSearchParams(serializeQuery(query, repeat))
  params.sort()
  return params.toString()
}

/**
 * Next-page rule for `'link'` paging: the page the answer's `meta.next` URL names, reached with that
 * URL's query on the collection's own path and the client's own host (the link never moves a request,
 * or the credentials, elsewhere). Stops at an empty page, at an answer without `meta.next`, and at a
 * link that asks for the page just read.
 */
function nextLink(scalarFilters: readonly string[]) {
  return (params: ResolvedListParams, page: PageData<unknown>): ResolvedListParams | undefined => {
    if (page.items.length === 0) return undefined
    const next = (page.raw as { meta?: { next?: unknown } } | undefined)?.meta?.next
    if (typeof next !== 'string' || next.trim() === '') return undefined
    let url: URL
    try {
      url = new URL(next, 'https://nutshell.invalid/')
    } catch {
      return undefined
    }
    const link: Record<string, string | string[]> = {}
    for (const [key, value] of url.searchParams) {
      const seen = link[key]
      link[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
    }
    const here = canonical(listQuery(params, 'link', scalarFilters), repeatKeys(params, scalarFilters))
    if (canonical(link, Object.keys(link)) === here) return undefined
    return { ...params, link }
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
  /** False for endpoints that return everything at once (no `page[...]` parameters); same as `paging: 'none'`. */
  paged?: boolean
  /**
   * How the list pages, as the operation's document declares: `'page'` (the default: `page[page]`,
   * `page[limit]`), `'link'` (no page index: a `limit` only when the caller gives one, and a following
   * page only where the answer's `meta.next` names one, as for `GET /activities` and `GET /users`),
   * `'none'` (everything at once).
   */
  paging?: Paging
  /** Filter keys the document names without `[]` (`filter[dateMin]`): sent as `filter[key]=value`. */
  scalarFilters?: readonly string[]
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
  /** The answer may hold no record (a delete); otherwise an answer without one is a ResponseValidationError. */
  recordOptional?: boolean
}

/** One write: where it goes, its body, and how its answer is read. */
export interface WriteRequest {
  method: HttpMethod
  path: string
  options: RequestOptions | undefined
  /** Plain data: build it from `parseBody`, so a cycle or a bigint is refused before any I/O. */
  body?: unknown
  idempotent?: boolean | undefined
  /** Names the method in errors (`leads.close`). */
  context: string
  /** The answer may hold no record (a delete). */
  recordOptional?: boolean | undefined
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
    const paging: Paging = this.spec.paging ?? (this.spec.paged === false ? 'none' : 'page')
    const scalarFilters = this.spec.scalarFilters ?? []
    const fetchPage = async (p: ResolvedListParams): Promise<PageData<T>> => {
      let response: ResponseMeta | undefined
      const fetchBody = async (): Promise<unknown> => {
        const answer = await this.ctx.transport
          .request({
            method: 'GET',
            path: this.path,
            query: listQuery(p, paging, scalarFilters),
            repeatQueryKeys: repeatKeys(p, scalarFilters),
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
      return { items: (recordsIn(body, this.key) ?? []) as T[], total: totalIn(body), raw: body, response }
    }
    return new PagePromise<T, ResolvedListParams>(() => {
      const checked = listParams ? parseInput(listParams, input ?? {}, `${this.spec.name}.list`) : {}
      const given = checked as Partial<ResolvedListParams>
      const params: ResolvedListParams = {
        ...given,
        page: given.page ?? 0,
        limit: given.limit ?? DEFAULT_LIMIT,
      }
      if (paging === 'none' || (paging === 'link' && given.limit === undefined)) {
        delete (params as Partial<ResolvedListParams>).limit
      }
      const next =
        paging === 'page'
          ? nextPageNumber<T, ResolvedListParams>(0)
          : paging === 'link'
            ? nextLink(scalarFilters)
            : () => undefined
      return { params, fetch: fetchPage, next }
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
    // No `<key>` array at all (a 204, a 304, an empty or foreign body) is a broken answer; an empty one, a miss.
    if (records === undefined) throw missingRecord(this.key, context, 'GET', path, response)
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
    if (!isRecord(records[0])) throw missingRecord(this.key, context, 'GET', path, response)
    return { data: records[0] as R, body, response }
  }

  /** Creates one record from a checked input; `wrap` shapes the body (default `{ <key>: [record] }`). */
  create(
    schema: z.ZodMiniType,
    input: unknown,
    options: RequestOptions | undefined,
    wrap: (record: unknown) => unknown = (record) => ({ [this.key]: [record] }),
  ): RecordPromise<T> {
    const context = `${this.spec.name}.create`
    return new RecordPromise(
      (async () =>
        this.write<T>({
          method: 'POST',
          path: this.path,
          options,
          body: wrap(parseBody(schema, input, context)),
          context,
        }))(),
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
    const context = `${this.spec.name}.${action}`
    return new RecordPromise(
      (async () =>
        this.write<R>({
          method,
          path: `${this.path}/${oneId(id, context)}${extras.suffix ?? ''}`,
          options,
          body: extras.body?.(),
          idempotent: extras.idempotent,
          context,
          recordOptional: extras.recordOptional,
        }))(),
    )
  }

  /** Deletes a record; the service answers with it (or with nothing). */
  delete(id: string | number, options: RequestOptions | undefined): RecordPromise<T | undefined> {
    return this.send('DELETE', id, 'delete', options, { recordOptional: true })
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

  /**
   * Sends a write and resolves to the record the service answered with. An answer without one (a 204, a
   * 304, an empty body, `{}`, `{ "<key>": [] }`) is a ResponseValidationError, unless `recordOptional`.
   */
  async write<R>(req: WriteRequest): Promise<RecordResult<R>> {
    const { method, path, body, idempotent, options } = req
    const r = await this.ctx.transport
      .request({ method, path, body, schema: this.spec.answer, idempotent, options })
      .withResponse()
    const record = recordsIn(r.data, this.key)?.[0]
    if (!isRecord(record) && !req.recordOptional) {
      throw missingRecord(this.key, req.context, method, path, r.response)
    }
    return { data: (isRecord(record) ? record : undefined) as R, body: r.data, response: r.response }
  }
}
