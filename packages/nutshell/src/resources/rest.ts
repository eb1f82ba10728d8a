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

/** How a resource lists its records. */
export interface ListSpec<B> {
  ctx: ResourceContext
  /** `leads.list`, used in error messages. */
  name: string
  path: string
  /** The key of the records' array in the body. */
  key: string
  schema: Schema<B>
  paramsSchema: z.ZodMiniType
  input: unknown
  options?: RequestOptions | undefined
  /** False for endpoints that return everything at once (no `page[...]` parameters). */
  paged?: boolean
  /** Reads the JSON-RPC fallback may serve. */
  fallback?: ReadRequest['entity']
  /** Extra query parameters fixed by the resource. */
  query?: QueryInput
}

/** A list as a PagePromise: input checked on first use, each page fetched (or served by the fallback) on demand. */
export function listRecords<T, B>(spec: ListSpec<B>): PagePromise<T, ResolvedListParams> {
  const paged = spec.paged ?? true
  const fetchPage = async (p: ResolvedListParams): Promise<PageData<T>> => {
    let response: ResponseMeta | undefined
    const fetchBody = async (): Promise<B> => {
      const answer = await spec.ctx.transport
        .request<B>({
          method: 'GET',
          path: spec.path,
          query: { ...spec.query, ...listQuery(p, paged) },
          schema: spec.schema,
          options: spec.options,
        })
        .withResponse()
      response = answer.response
      return answer.data
    }
    const entity = spec.fallback
    const body = entity
      ? await spec.ctx.readWithFallback({ entity, op: p.q ? 'search' : 'list', params: { ...p } }, fetchBody)
      : await fetchBody()
    return { items: recordsIn(body, spec.key) as T[], total: totalIn(body), raw: body, response }
  }
  return new PagePromise<T, ResolvedListParams>(() => {
    const input = parseInput(spec.paramsSchema, spec.input ?? {}, spec.name) as Partial<ResolvedListParams>
    const params: ResolvedListParams = {
      ...input,
      page: input.page ?? 0,
      limit: input.limit ?? DEFAULT_LIMIT,
    }
    if (!paged) delete (params as Partial<ResolvedListParams>).limit
    return {
      params,
      fetch: fetchPage,
      next: paged ? nextPageNumber<T, ResolvedListParams>(0) : () => undefined,
    }
  })
}

/** How a resource fetches records by id. */
export interface GetSpec<B> {
  ctx: ResourceContext
  name: string
  /** The collection path, e.g. `/leads`. */
  path: string
  key: string
  schema: Schema<B>
  ids: Ids
  options?: RequestOptions | undefined
  fallback?: ReadRequest['entity']
}

/** Fetches one record, or several in one call (`GET /leads/1-leads,2-leads`). */
export function getRecords<T>(spec: GetSpec<unknown>): RecordPromise<T> {
  return new RecordPromise(fetchRecords<T>(spec))
}

/** The work behind getRecords, for callers that compose it. */
export async function fetchRecords<T>(spec: GetSpec<unknown>): Promise<RecordResult<T>> {
  const { segment, list, many } = idSegment(spec.ids, spec.name)
  const path = `${spec.path}/${segment}`
  let response: ResponseMeta | undefined
  const rest = async () => {
    const r = await spec.ctx.transport
      .request({ method: 'GET', path, schema: spec.schema, options: spec.options })
      .withResponse()
    response = r.response
    return r.data
  }
  const body = spec.fallback
    ? await spec.ctx.readWithFallback({ entity: spec.fallback, op: 'get', params: { ids: list } }, rest)
    : await rest()
  const records = recordsIn(body, spec.key)
  if (many) return { data: records as T, body, response }
  if (records.length === 0) {
    throw new NotFoundError({
      status: 404,
      message: `No ${spec.key} record ${list[0]} in the response to GET ${path}`,
      method: 'GET',
      path,
      requestId: response?.requestId,
    })
  }
  return { data: records[0] as T, body, response }
}

/** How a resource sends a write that answers with a record (or with nothing). */
export interface WriteSpec {
  ctx: ResourceContext
  method: HttpMethod
  path: string
  key: string
  body?: unknown
  contentType?: string
  /** Schema of the answer: the wrapped body or the bare record. */
  schema?: Schema<unknown>
  idempotent?: boolean
  options?: RequestOptions | undefined
}

/** Sends a write; resolves to the record the service answered with (undefined on 204). */
export function writeRecord<T>(spec: WriteSpec | (() => WriteSpec)): RecordPromise<T> {
  return new RecordPromise(sendWrite<T>(spec))
}

/** The work behind writeRecord, for callers that compose it; a spec builder's input errors become rejections. */
export async function sendWrite<T>(build: WriteSpec | (() => WriteSpec)): Promise<RecordResult<T>> {
  const spec = typeof build === 'function' ? build() : build
  const r = await spec.ctx.transport
    .request({
      method: spec.method,
      path: spec.path,
      body: spec.body,
      contentType: spec.contentType,
      schema: spec.schema,
      idempotent: spec.idempotent,
      options: spec.options,
    })
    .withResponse()
  return { data: recordsIn(r.data, spec.key)[0] as T, body: r.data, response: r.response }
}

/** Schema of a write's answer: `{ <key>: [record] }` as reads answer, or the bare record as the document declares. */
export function recordAnswer(envelope: z.ZodMiniType, record: z.ZodMiniType): Schema<unknown> {
  return z.optional(z.union([envelope, record])) as Schema<unknown>
}

/** Encodes one id for a path, after checking it. */
export function oneId(id: string | number, context: string): string {
  return idSegment(id, context).segment
}
