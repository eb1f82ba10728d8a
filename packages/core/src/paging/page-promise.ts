import { LazyPages } from './lazy-pages'
import { type NextParams, Page, type PageFetcher } from './page'

/** What a resource's `list()` supplies; built lazily so input errors surface on await or iteration. */
export interface PagingPlan<T, P> {
  params: P
  fetch: PageFetcher<T, P>
  next: NextParams<T, P>
  /**
   * The list's per-call signal (`RequestOptions.signal`), checked between items. Optional: a page
   * fetched through the transport already carries the signal of the call that fetched it.
   */
  signal?: AbortSignal | undefined
}

/**
 * The result of `list()`: await it for the first page, `for await` it for every item across pages
 * (one page in memory at a time), or use `.pages()` and `.toArray({ max })`; `.withResponse()` gives the
 * first page with its HTTP response. A `for await` stops with an AbortError as soon as the list's
 * `signal` aborts, even in the middle of a page.
 */
export class PagePromise<T, P = unknown> extends LazyPages<T, Page<T, P>> {
  private readonly plan: () => PagingPlan<T, P> | Promise<PagingPlan<T, P>>

  constructor(plan: () => PagingPlan<T, P> | Promise<PagingPlan<T, P>>) {
    super()
    this.plan = plan
  }

  /**
   * A list whose PagePromise is still being produced (e.g. by a module loaded on first use). The list
   * comes boxed because a promise cannot resolve to a thenable without awaiting it.
   */
  static from<T, P>(source: Promise<{ list: PagePromise<T, P> }>): PagePromise<T, P> {
    return new PagePromise<T, P>(async () => (await source).list.plan())
  }

  protected async loadFirstPage(): Promise<Page<T, P>> {
    const plan = await this.plan()
    return new Page(await plan.fetch(plan.params), plan.params, plan.fetch, plan.next, plan.signal)
  }
}
