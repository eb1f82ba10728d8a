import { abortedError } from '../http/classify'
import type { ResponseMeta } from '../http/types'

/** What a page needs for walking: its items and the way to the next one. */
export interface WalkablePage<T, Self> {
  items: T[]
  hasNextPage(): boolean
  getNextPage(): Promise<Self>
  /** The HTTP exchange behind the page, when it came over HTTP. */
  readonly response?: ResponseMeta | undefined
  /** The list's per-call signal: walking stops with an AbortError as soon as it aborts. */
  readonly signal?: AbortSignal | undefined
}

/** A list's first page together with the HTTP response behind it (undefined if it came some other way). */
export interface PageWithResponse<TPage> {
  data: TPage
  response: ResponseMeta | undefined
}

/** Throws the call's AbortError (its `cause` the signal's reason) once the list's signal has aborted. */
export function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal)
}

/**
 * A list result fetched on first use: await it for the first page, `for await` it for every item across
 * pages (one page in memory at a time), or use `.pages()` and `.toArray({ max })`. Subclasses say how the
 * first page is fetched; `PagePromise` fetches it, a wrapper (such as an audited list) decorates it.
 */
export abstract class LazyPages<T, TPage extends WalkablePage<T, TPage>>
  implements PromiseLike<TPage>, AsyncIterable<T>
{
  private first: Promise<TPage> | undefined

  /** Fetches the first page; called once, on the first await or iteration. */
  protected abstract loadFirstPage(): Promise<TPage>

  protected firstPage(): Promise<TPage> {
    this.first ??= this.loadFirstPage()
    return this.first
  }

  /** The first page together with its HTTP response (status, headers, request id, rate limit), like `ApiPromise`'s. */
  async withResponse(): Promise<PageWithResponse<TPage>> {
    const data = await this.firstPage()
    return { data, response: data.response }
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a list gives its first page by design
  then<A = TPage, B = never>(
    onfulfilled?: ((value: TPage) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<TPage | B> {
    return this.firstPage().catch(onrejected)
  }

  /**
   * Walks pages in order, fetching each only when the previous one is done with (a list made with
   * `concurrency` above 1 may fetch some ahead; see `PagePromise`).
   */
  async *pages(): AsyncGenerator<TPage, void, undefined> {
    const first = await this.firstPage()
    // The walk holds only the current page, not the first one too.
    this.first = undefined
    yield* this.walkFrom(first)
  }

  /** Walks from the first page on; the sequential walk, one page fetched at a time. */
  protected async *walkFrom(first: TPage): AsyncGenerator<TPage, void, undefined> {
    let page: TPage | undefined = first
    while (page) {
      checkSignal(page.signal)
      yield page
      checkSignal(page.signal)
      page = page.hasNextPage() ? await page.getNextPage() : undefined
    }
  }

  /**
   * Walks every item across all pages. The list's signal is checked before each item: once it aborts,
   * the walk throws the AbortError at once instead of yielding the rest of a page already fetched.
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) {
      for (const item of page.items) {
        checkSignal(page.signal)
        yield item
      }
    }
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
