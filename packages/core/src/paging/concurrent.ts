import { checkRequestOptions } from '../http/options'
import type { RequestOptions } from '../http/types'
import { checkSignal } from './lazy-pages'
import { type NextParams, Page, type PageFetcher } from './page'
import type { AheadParams } from './strategies'

/** What a concurrent walk needs besides the first page. */
export interface AheadPlan<T, P> {
  /** Pages fetched at once, 2 to 16. */
  concurrency: number
  ahead: AheadParams<T, P>
  fetch: PageFetcher<T, P>
  next: NextParams<T, P>
}

/**
 * Checks a list's per-call options before any request (an InputValidationError names the option, e.g.
 * `options.concurrency`) and gives the pages to fetch at once: 1 unless `options.concurrency` says more.
 */
export function listConcurrency(options: RequestOptions | undefined, context: string): number {
  checkRequestOptions(options, context)
  return options?.concurrency ?? 1
}

/** The call's options with a walk's signal joined to the caller's own, so either one cancels the request. */
export function withWalkSignal<O extends RequestOptions>(
  options: O | undefined,
  signal: AbortSignal | undefined,
): O | undefined {
  if (!signal) return options
  return { ...options, signal: options?.signal ? AbortSignal.any([options.signal, signal]) : signal } as O
}

/**
 * Walks the pages after `first` in order, keeping up to `concurrency` of the following pages in flight: a
 * queue of page promises, topped up as the walk moves on. The pages fetched ahead are used only while the
 * plan they were made from still holds: each page came back full and with the same total as the one before
 * it. Otherwise (records added or deleted during the walk, a short page) they are dropped, their requests
 * aborted, and the walk fetches the next page as a sequential walk would, then plans ahead from there.
 * A page's error surfaces when its turn comes; leaving the walk (break, error, abort) aborts what is in flight.
 */
export async function* walkAhead<T, P>(
  first: Page<T, P>,
  plan: AheadPlan<T, P>,
): AsyncGenerator<Page<T, P>, void, undefined> {
  let controller = new AbortController()
  const queue: Promise<Page<T, P>>[] = []
  // The page the queued ones were planned from, and how many pages after it are queued or were taken.
  let base = first
  let planned = 0

  const fetchPage = async (params: P) => {
    const data = await plan.fetch(params, controller.signal)
    return new Page(data, params, plan.fetch, plan.next, first.signal)
  }
  const fill = () => {
    while (queue.length < plan.concurrency) {
      const params = plan.ahead(base.params, base, planned + 1)
      if (params === undefined) return
      planned += 1
      const page = fetchPage(params)
      // Its error is rethrown when its turn comes; a page dropped before then must not go unhandled.
      page.catch(() => {})
      queue.push(page)
    }
  }
  const dropAhead = () => {
    controller.abort()
    controller = new AbortController()
    queue.length = 0
  }

  try {
    let page = first
    fill()
    while (true) {
      checkSignal(page.signal)
      yield page
      checkSignal(page.signal)
      const params = page.nextPageParams()
      if (params === undefined) return
      const planHolds = plan.ahead(page.params, page, 1) !== undefined
      let next = planHolds ? await queue.shift() : undefined
      if (next && next.total !== page.total) next = undefined
      if (!next) {
        dropAhead()
        next = await fetchPage(params)
        base = next
        planned = 0
      }
      page = next
      fill()
    }
  } finally {
    controller.abort()
  }
}
