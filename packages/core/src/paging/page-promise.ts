import { walkAhead } from './concurrent'
import { LazyPages } from './lazy-pages'
import { type NextParams, Page, type PageFetcher } from './page'
import type { AheadParams } from './strategies'

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
  /** Pages to fetch at once when walking (`RequestOptions.concurrency`, checked by the list); default 1. */
  concurrency?: number | undefined
  /**
   * Where later pages start, known from an earlier page (`pageNumbersAhead`, `offsetsAhead`). Without it
   * the list walks one page at a time whatever `concurrency` says (link paging, no total).
   */
  ahead?: AheadParams<T, P> | undefined
}

/**
 * The result of `list()`: await it for the first page, `for await` it for every item across pages
 * (one page in memory at a time), or use `.pages()` and `.toArray({ max })`; `.withResponse()` gives the
 * first page with its HTTP response. A `for await` stops with an AbortError as soon as the list's
 * `signal` aborts, even in the middle of a page. With the plan's `concurrency` above 1 and an `ahead` rule,
 * walks keep up to that many pages in flight besides the one being read (`walkAhead`).
 */
export class PagePromise<T, P = unknown> extends LazyPages<T, Page<T, P>> {
  private readonly plan: () => PagingPlan<T, P> | Promise<PagingPlan<T, P>>
  /** The plan the first page was fetched with, kept for the walk. */
  private planned: PagingPlan<T, P> | undefined

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
    this.planned = plan
    return new Page(await plan.fetch(plan.params), plan.params, plan.fetch, plan.next, plan.signal)
  }

  /**
   * With `concurrency` above 1 and a way to know later pages ahead, walks with up to that many pages in
   * flight (`walkAhead`): the same items in the same order; otherwise one page at a time.
   */
  protected override walkFrom(first: Page<T, P>): AsyncGenerator<Page<T, P>, void, undefined> {
    const plan = this.planned
    const concurrency = plan?.concurrency ?? 1
    if (!plan?.ahead || concurrency <= 1) return super.walkFrom(first)
    return walkAhead(first, { concurrency, ahead: plan.ahead, fetch: plan.fetch, next: plan.next })
  }
}
