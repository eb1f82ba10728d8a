import type { NextParams, PageData } from './page'

/** Parameters of page-number paging (Nutshell REST: 0-based; JSON-RPC find*: 1-based). */
export interface PageNumberParams {
  page: number
  limit: number
}

/** Parameters of offset paging (Nutan). */
export interface OffsetParams {
  offset: number
  limit: number
}

/** Next-page rule for page-number paging: stops at `total`, or at a short or empty page when no total is given. */
export function nextPageNumber<T, P extends PageNumberParams>(firstPage = 0): NextParams<T, P> {
  return (params, page) => {
    if (page.items.length === 0) return undefined
    const seen = (params.page - firstPage) * params.limit + page.items.length
    const more = page.total !== undefined ? seen < page.total : page.items.length >= params.limit
    return more ? { ...params, page: params.page + 1 } : undefined
  }
}

/** Next-page rule for limit/offset paging: stops at `total`, or at a short or empty page. */
export function nextOffset<T, P extends OffsetParams>(): NextParams<T, P> {
  return (params, page) => {
    if (page.items.length === 0) return undefined
    const nextOffsetValue = params.offset + page.items.length
    const more = page.total !== undefined ? nextOffsetValue < page.total : page.items.length >= params.limit
    return more ? { ...params, offset: nextOffsetValue } : undefined
  }
}

/**
 * Given a fetched page (its parameters and answer), the parameters of the page `steps` pages after it,
 * assuming full pages in between; undefined past the end, or when that cannot be known without the
 * answers in between (no total, or a short page). What lets a concurrent walk fetch pages ahead.
 */
export type AheadParams<T, P> = (params: P, page: PageData<T>, steps: number) => P | undefined

/** Pages ahead for page-number paging: known from a full page that gave a `total`. */
export function pageNumbersAhead<T, P extends PageNumberParams>(firstPage = 0): AheadParams<T, P> {
  return (params, page, steps) => {
    if (page.total === undefined || page.items.length !== params.limit) return undefined
    const target = params.page + steps
    return (target - firstPage) * params.limit < page.total ? { ...params, page: target } : undefined
  }
}

/**
 * Pages ahead for page-number paging whose answers give no total (JSON-RPC `find*`): while a page comes
 * back full, the pages after it are taken to exist. The walk ends at the first short page and aborts the
 * pages it fetched beyond it, so it sends at most `concurrency - 1` requests more than a sequential walk.
 */
export function pageNumbersAheadUntilShort<T, P extends PageNumberParams>(): AheadParams<T, P> {
  return (params, page, steps) =>
    page.items.length === params.limit ? { ...params, page: params.page + steps } : undefined
}

/** Pages ahead for limit/offset paging: known from a full page that gave a `total`. */
export function offsetsAhead<T, P extends OffsetParams>(): AheadParams<T, P> {
  return (params, page, steps) => {
    if (page.total === undefined || page.items.length !== params.limit) return undefined
    const offset = params.offset + steps * params.limit
    return offset < page.total ? { ...params, offset } : undefined
  }
}
