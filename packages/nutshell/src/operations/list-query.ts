import { type PageData, type QueryInput, serializeQuery } from '@x/core'
import { type Filter, filterQuery, filterRepeatKeys } from '../query/filter'
import type { Paging } from './operation'

/** The parameters of one page of a list: the caller's fields, the page, and a followed `meta.next` link. */
export interface ListPageParams {
  page: number
  limit: number
  /** The query of the service's `meta.next` link, for a page reached by following it (`'link'` paging). */
  link?: Record<string, string | string[]>
  [field: string]: unknown
}

/**
 * The query of one page: the encoded fields plus `page[page]`/`page[limit]` (`'page'` paging) or a
 * `limit` when the caller gave one (`'link'` paging); a page reached through `meta.next` is that link's query.
 */
export function pageQuery(fields: QueryInput, paging: Paging, p: ListPageParams): QueryInput {
  if (p.link) return p.link
  if (paging === 'page') return { ...fields, page: { page: p.page, limit: p.limit } }
  if (paging === 'link' && p.limit !== undefined) return { ...fields, limit: p.limit }
  return fields
}

/** The fields of a filterable, sortable list as sent: `filter[...]` conditions, a joined `sort`. */
export interface SearchFields {
  filter?: Filter
  sort?: string | readonly string[]
  [field: string]: unknown
}

/**
 * Encodes the search fields of a list (`encode` of its operation): `filter` as `filter[key][]=value`,
 * except the `scalarFilters` the document names without `[]` (`filter[dateMin]`); a list of sort fields
 * joined with commas. Give the operation `searchRepeatKeys(scalarFilters)` as its `repeatQueryKeys`.
 */
export function encodeSearch(scalarFilters: readonly string[] = []) {
  return ({ filter, sort, ...rest }: SearchFields): QueryInput =>
    ({
      ...rest,
      filter: filterQuery(filter, scalarFilters),
      sort: typeof sort === 'string' || sort === undefined ? sort : sort.join(','),
    }) as QueryInput
}

/** The query keys a search list sends as repeated `key=value` pairs. */
export const searchRepeatKeys = filterRepeatKeys

/** A query in one canonical form, to tell whether a `meta.next` link asks for the page just read. */
function canonical(query: QueryInput, repeat: readonly string[]): string {
  const params = new URLSearchParams(serializeQuery(query, repeat))
  params.sort()
  return params.toString()
}

/**
 * Next-page rule for `'link'` paging: the page the answer's `meta.next` URL names, reached with that
 * URL's query on the list's own path and the client's own host (the link never moves a request, or the
 * credentials, elsewhere). Stops at an empty page, at an answer without `meta.next`, and at a link that
 * asks for the page just read. `sent` is the query of a page, as it went out.
 */
export function nextLink(sent: (p: ListPageParams) => { query: QueryInput; repeat: readonly string[] }) {
  return (params: ListPageParams, page: PageData<unknown>): ListPageParams | undefined => {
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
    const here = sent(params)
    if (canonical(link, Object.keys(link)) === canonical(here.query, here.repeat)) return undefined
    return { ...params, link }
  }
}
