import { callSignalOf } from '../http/call-signal'
import type { ResponseMeta } from '../http/types'

/** One page of a list as a resource fetched it. */
export interface PageData<T> {
  items: T[]
  /** Total records across all pages, when the server says. */
  total?: number | undefined
  /** The whole parsed response (related records, meta). */
  raw?: unknown
  /** The HTTP exchange behind this page (status, headers, request id), when it came over HTTP. */
  response?: ResponseMeta | undefined
}

/**
 * Fetches one page for the given paging parameters. `signal`, when given, is the walk's own: a concurrent
 * walk aborts it to cancel the pages it fetched ahead (on `break`, or when it drops them).
 */
export type PageFetcher<T, P> = (params: P, signal?: AbortSignal) => Promise<PageData<T>>

/** Given the parameters of a page and what it returned, the next page's parameters, or undefined at the end. */
export type NextParams<T, P> = (params: P, page: PageData<T>) => P | undefined

/** One page of results, able to fetch the next. */
export class Page<T, P = unknown> {
  readonly items: T[]
  readonly total: number | undefined
  /** The whole parsed response of this page (meta, related records). */
  readonly raw: unknown
  /** The HTTP exchange behind this page (status, headers, request id, rate limit). */
  readonly response: ResponseMeta | undefined
  /** The parameters this page was fetched with. */
  readonly params: P
  /**
   * The list's per-call signal (`RequestOptions.signal`, or the plan's `signal`): a `for await` over the
   * list checks it between items and throws an AbortError once it aborts.
   */
  readonly signal: AbortSignal | undefined
  private readonly fetcher: PageFetcher<T, P>
  private readonly next: NextParams<T, P>

  constructor(
    data: PageData<T>,
    params: P,
    fetcher: PageFetcher<T, P>,
    next: NextParams<T, P>,
    signal?: AbortSignal,
  ) {
    this.items = data.items
    this.total = data.total
    this.raw = data.raw
    this.response = data.response
    this.params = params
    this.fetcher = fetcher
    this.next = next
    this.signal = signal ?? callSignalOf(data.response)
  }

  /** The parameters of the following page, or undefined on the last page. */
  nextPageParams(): P | undefined {
    return this.next(this.params, this)
  }

  /** True when another page follows. */
  hasNextPage(): boolean {
    return this.nextPageParams() !== undefined
  }

  /** Fetches the following page; throws when there is none. */
  async getNextPage(): Promise<Page<T, P>> {
    const params = this.nextPageParams()
    if (params === undefined) throw new Error('No next page: check hasNextPage() first')
    return new Page(await this.fetcher(params), params, this.fetcher, this.next, this.signal)
  }
}
