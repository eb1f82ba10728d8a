import { type NextParams, Page, type PageFetcher } from './page'

/** What a resource's `list()` supplies; built lazily so input errors surface on await or iteration. */
export interface PagingPlan<T, P> {
  params: P
  fetch: PageFetcher<T, P>
  next: NextParams<T, P>
}

/**
 * The result of `list()`: await it for the first page, `for await` it for every item across pages
 * (one page in memory at a time), or use `.pages()` and `.toArray({ max })`.
 */
export class PagePromise<T, P = unknown> implements PromiseLike<Page<T, P>>, AsyncIterable<T> {
  private readonly plan: () => PagingPlan<T, P> | Promise<PagingPlan<T, P>>
  private first: Promise<Page<T, P>> | undefined

  constructor(plan: () => PagingPlan<T, P> | Promise<PagingPlan<T, P>>) {
    this.plan = plan
  }

  /**
   * A list whose PagePromise is still being produced (e.g. by a module loaded on first use). The list
   * comes boxed because a promise cannot resolve to a thenable without awaiting it.
   */
  static from<T, P>(source: Promise<{ list: PagePromise<T, P> }>): PagePromise<T, P> {
    return new PagePromise<T, P>(async () => (await source).list.plan())
  }

  private firstPage(): Promise<Page<T, P>> {
    this.first ??= (async () => {
      const plan = await this.plan()
      return new Page(await plan.fetch(plan.params), plan.params, plan.fetch, plan.next)
    })()
    return this.first
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a list gives its first page by design
  then<A = Page<T, P>, B = never>(
    onfulfilled?: ((value: Page<T, P>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T, P> | B> {
    return this.firstPage().catch(onrejected)
  }

  /** Walks pages in order, fetching each only when the previous one is done with. */
  async *pages(): AsyncGenerator<Page<T, P>, void, undefined> {
    let page: Page<T, P> | undefined = await this.firstPage()
    this.first = undefined
    while (page) {
      yield page
      page = page.hasNextPage() ? await page.getNextPage() : undefined
    }
  }

  /** Walks every item across all pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items
  }

  /** Collects items into an array, stopping at `max` (default 10,000) so a huge list cannot exhaust memory. */
  async toArray(options: { max?: number } = {}): Promise<T[]> {
    const max = options.max ?? 10_000
    const out: T[] = []
    if (max <= 0) return out
    for await (const item of this) {
      out.push(item)
      if (out.length >= max) break
    }
    return out
  }
}
