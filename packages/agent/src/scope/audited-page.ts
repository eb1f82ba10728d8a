import { LazyPages, type WalkablePage } from '@x/core'
import type { Recorder } from './recorder'

/** The parts of a core `Page` this module relies on. */
type PageLike<T> = WalkablePage<T, PageLike<T>>

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
export class AuditedPagePromise<T> extends LazyPages<T, PageLike<T>> {
  private readonly inner: PagePromiseLike<T>
  private readonly begin: () => Recorder

  constructor(inner: PagePromiseLike<T>, begin: () => Recorder) {
    super()
    this.inner = inner
    this.begin = begin
  }

  protected loadFirstPage(): Promise<PageLike<T>> {
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
  }
}
