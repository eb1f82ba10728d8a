import type { Recorder } from './recorder'

/** The parts of a core `Page` this module relies on. */
interface PageLike<T> {
  items: T[]
  hasNextPage(): boolean
  getNextPage(): Promise<PageLike<T>>
}

/** The parts of a core `PagePromise` this module relies on. */
type PagePromiseLike<T> = PromiseLike<PageLike<T>> & { pages(): unknown }

/** True for what a `list()` returns: awaitable for the first page, iterable for every item. */
export function isPagePromise(value: unknown): value is PagePromiseLike<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<PropertyKey, unknown>
  return (
    typeof v.then === 'function' &&
    typeof v.pages === 'function' &&
    typeof v[Symbol.asyncIterator] === 'function'
  )
}

/** Wraps a page so fetching the next one is audited as a call of its own. */
function auditedPage<T>(page: PageLike<T>, begin: () => Recorder): PageLike<T> {
  return new Proxy(page, {
    get(target, prop, receiver) {
      if (prop !== 'getNextPage') return Reflect.get(target, prop, receiver)
      return () => {
        if (!target.hasNextPage()) return target.getNextPage()
        const recorder = begin()
        return target.getNextPage().then(
          (next) => {
            recorder.ok()
            return auditedPage(next, begin)
          },
          (error: unknown) => {
            recorder.fail(error)
            throw error
          },
        )
      }
    },
  })
}

/**
 * A `list()` result whose every page fetch emits an audit record, whether the caller awaits the
 * first page, walks pages with `getNextPage()`, or iterates with `for await`.
 */
export class AuditedPagePromise<T> implements PromiseLike<PageLike<T>>, AsyncIterable<T> {
  private readonly inner: PagePromiseLike<T>
  private readonly begin: () => Recorder
  private first: Promise<PageLike<T>> | undefined

  constructor(inner: PagePromiseLike<T>, begin: () => Recorder) {
    this.inner = inner
    this.begin = begin
  }

  private firstPage(): Promise<PageLike<T>> {
    this.first ??= (() => {
      const recorder = this.begin()
      return Promise.resolve(this.inner).then(
        (page) => {
          recorder.ok()
          return auditedPage(page, this.begin)
        },
        (error: unknown) => {
          recorder.fail(error)
          throw error
        },
      )
    })()
    return this.first
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting a list gives its first page, as in the client
  then<A = PageLike<T>, B = never>(
    onfulfilled?: ((value: PageLike<T>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.firstPage().then(onfulfilled, onrejected)
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<PageLike<T> | B> {
    return this.firstPage().catch(onrejected)
  }

  /** Walks pages in order, fetching each only when the previous one is done with. */
  async *pages(): AsyncGenerator<PageLike<T>, void, undefined> {
    let page: PageLike<T> | undefined = await this.firstPage()
    while (page) {
      yield page
      page = page.hasNextPage() ? await page.getNextPage() : undefined
    }
  }

  /** Walks every item across all pages. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.items
  }

  /** Collects items into an array, stopping at `max` (default 10,000). */
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
