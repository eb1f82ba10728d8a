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

/** True for a page (items and the way on), not a record a lazy call answered. */
function isPage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<PropertyKey, unknown>
  return Array.isArray(v.items) && typeof v.hasNextPage === 'function' && typeof v.getNextPage === 'function'
}

/** What a caller may use of a page: its data and the walk; not its fetcher, which would skip the audit. */
const PAGE_FIELDS = new Set<PropertyKey>(['items', 'total', 'raw', 'response', 'params', 'signal'])
const PAGE_METHODS = new Set<PropertyKey>(['hasNextPage', 'nextPageParams'])

/**
 * Wraps a page so fetching the next one is audited as a call of its own. Only the page's data and its
 * walking methods show through (bound to the page); anything else, such as the fetcher the next page is
 * made with, is hidden, and the Proxy's target is an empty stand-in so inspecting it shows nothing more.
 */
function auditedPage<T>(page: PageLike<T>, begin: () => Recorder): PageLike<T> {
  // A lazy call that was not a list after all (a lazy `rpc.getLead`) answers its record: given as it is.
  if (!isPage(page)) return page
  const standIn = Object.create(Object.getPrototypeOf(page) as object | null) as PageLike<T>
  const getNextPage = () => {
    if (!page.hasNextPage()) return page.getNextPage()
    const recorder = begin()
    return page.getNextPage().then(
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
  return new Proxy(standIn, {
    get(_target, prop) {
      if (prop === 'getNextPage') return getNextPage
      if (PAGE_FIELDS.has(prop)) return Reflect.get(page, prop)
      if (PAGE_METHODS.has(prop)) {
        const method = Reflect.get(page, prop)
        return typeof method === 'function' ? method.bind(page) : undefined
      }
      return undefined
    },
    has: (_target, prop) => PAGE_FIELDS.has(prop) || PAGE_METHODS.has(prop) || prop === 'getNextPage',
    ownKeys: () => [...PAGE_FIELDS].filter((key) => Object.hasOwn(page, key)) as (string | symbol)[],
    getOwnPropertyDescriptor(_target, prop) {
      if (!PAGE_FIELDS.has(prop) || !Object.hasOwn(page, prop)) return undefined
      return { value: Reflect.get(page, prop), writable: false, enumerable: true, configurable: true }
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  })
}

/**
 * A `list()` result whose every page fetch emits an audit record, whether the caller awaits the
 * first page, walks pages with `getNextPage()`, or iterates with `for await`.
 */
export class AuditedPagePromise<T> extends LazyPages<T, PageLike<T>> {
  // Truly private (`#`): the client's own list behind it fetches pages with no audit record.
  readonly #inner: PagePromiseLike<T>
  readonly #begin: () => Recorder

  constructor(inner: PagePromiseLike<T>, begin: () => Recorder) {
    super()
    this.#inner = inner
    this.#begin = begin
  }

  protected loadFirstPage(): Promise<PageLike<T>> {
    const recorder = this.#begin()
    const begin = this.#begin
    return Promise.resolve(this.#inner).then(
      (page) => {
        recorder.ok()
        return auditedPage(page, begin)
      },
      (error: unknown) => {
        recorder.fail(error)
        throw error
      },
    )
  }
}
