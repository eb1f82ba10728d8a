import {
  type AheadParams,
  assertPlainData,
  listConcurrency,
  type NextParams,
  nextOffset,
  type OffsetParams,
  offsetsAhead,
  type PageData,
  PagePromise,
  parseInput,
  type QueryInput,
  type RequestOptions,
  type Schema,
  type Transport,
  type WithResponse,
  withWalkSignal,
} from '@x/core'
import type { z } from 'zod/mini'
import type { ListEnvelope } from '../schemas/common'

/** Parameters of a list page: filters plus `limit`/`offset`. */
export type ListParams = { limit?: number | undefined; offset?: number | undefined; [key: string]: unknown }

/** What one list call needs. */
export interface OffsetListSpec<T> {
  transport: Transport
  /** The list's path; a function when it holds an id still to be checked (a bad one rejects the promise). */
  path: string | (() => string)
  /** The answer's schema: `listEnvelope(item)`. */
  answer: Schema<ListEnvelope<T>>
  params: z.ZodMiniType
  input: unknown
  options: RequestOptions | undefined
  /** Names the method in input errors (`contacts.list`). */
  context: string
}

function numberOr(value: unknown, fallback: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/**
 * Next-page rule that trusts the response: the server's `offset` and `limit` (it may cap the limit
 * asked for) and `total` decide where the next page starts and whether there is one.
 */
function nextFromResponse<T, P extends ListParams>(): NextParams<T, P> {
  const step = nextOffset<T, P & OffsetParams>()
  return (params, page) => {
    const raw = page.raw as Partial<ListEnvelope<T>> | undefined
    const offset = numberOr(raw?.offset, params.offset ?? 0)!
    const limit = numberOr(raw?.limit, params.limit ?? page.items.length)!
    return step({ ...params, offset, limit }, page)
  }
}

/** Pages ahead, from the first answer's `offset`, `limit` and `total` (as `nextFromResponse` reads them). */
function aheadFromResponse<T, P extends ListParams>(): AheadParams<T, P> {
  const step = offsetsAhead<T, P & OffsetParams>()
  return (params, page, steps) => {
    const raw = page.raw as Partial<ListEnvelope<T>> | undefined
    const offset = numberOr(raw?.offset, params.offset ?? 0)!
    const limit = numberOr(raw?.limit, params.limit ?? page.items.length)!
    return step({ ...params, offset, limit }, page, steps)
  }
}

/** A list body as a page. Loose validation hands back whatever arrived; a bare array is read as one page. */
function pageData<T>({ data: body, response }: WithResponse<ListEnvelope<T>>): PageData<T> {
  const items = Array.isArray(body) ? (body as T[]) : Array.isArray(body?.data) ? body.data : []
  return { items, total: numberOr(body?.total, undefined), raw: body, response }
}

/** A `limit`/`offset` list through the core paging primitive; the input is validated before any request. */
export function offsetList<T, P extends ListParams>(spec: OffsetListSpec<T>): PagePromise<T, P> {
  return new PagePromise<T, P>(() => {
    const path = typeof spec.path === 'function' ? spec.path() : spec.path
    const params = parseInput(spec.params, spec.input ?? {}, spec.context) as P
    // Loose filters pass unknown keys through as given: a cycle or a bigint is refused here, naming the method.
    assertPlainData(params, spec.context)
    const concurrency = listConcurrency(spec.options, spec.context)
    const fetch = (page: P, signal?: AbortSignal): Promise<PageData<T>> =>
      spec.transport
        .request({
          method: 'GET',
          path,
          query: page as QueryInput,
          schema: spec.answer,
          options: withWalkSignal(spec.options, signal),
        })
        .withResponse()
        .then(pageData<T>)
    return { params, fetch, next: nextFromResponse<T, P>(), concurrency, ahead: aheadFromResponse<T, P>() }
  })
}
