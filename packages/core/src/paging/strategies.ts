import type { NextParams } from './page'

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
