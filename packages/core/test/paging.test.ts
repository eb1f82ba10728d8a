import fc from 'fast-check'
import { describe, expect, expectTypeOf, it, vi } from 'vitest'
import {
  AbortError,
  nextOffset,
  nextPageNumber,
  type OffsetParams,
  type PageNumberParams,
  PagePromise,
  type ResponseMeta,
  TimeoutError,
  Transport,
} from '../src'

function numbers(total: number) {
  return Array.from({ length: total }, (_, i) => i)
}

function pageNumberList(total: number, limit: number, first = 0, withTotal = true) {
  const fetch = vi.fn(async (p: PageNumberParams) => {
    const start = (p.page - first) * p.limit
    return { items: numbers(total).slice(start, start + p.limit), total: withTotal ? total : undefined }
  })
  return {
    fetch,
    list: new PagePromise(() => ({
      params: { page: first, limit },
      fetch,
      next: nextPageNumber<number, PageNumberParams>(first),
    })),
  }
}

describe('the paging primitive', () => {
  it('await gives the first page with total and a way to the next', async () => {
    const { list } = pageNumberList(25, 10)
    const page = await list
    expect(page.items).toEqual(numbers(10))
    expect(page.total).toBe(25)
    expect(page.hasNextPage()).toBe(true)
    const second = await page.getNextPage()
    expect(second.items[0]).toBe(10)
    const third = await second.getNextPage()
    expect(third.hasNextPage()).toBe(false)
  })

  it('sends nothing until awaited or iterated', async () => {
    const { fetch, list } = pageNumberList(5, 2)
    expect(fetch).not.toHaveBeenCalled()
    await list
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('input errors thrown while planning surface as a rejection, before any fetch', async () => {
    const fetch = vi.fn()
    const list = new PagePromise<number, PageNumberParams>(() => {
      throw new RangeError('limit must be > 0')
    })
    await expect(list).rejects.toThrow('limit must be > 0')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('for await walks every item, fetching each page only when needed', async () => {
    const { fetch, list } = pageNumberList(23, 5)
    const seen: number[] = []
    for await (const n of list) {
      seen.push(n)
      // While reading page k, no page beyond k has been fetched: one page in memory at a time.
      expect(fetch.mock.calls.length).toBe(Math.floor(n / 5) + 1)
    }
    expect(seen).toEqual(numbers(23))
  })

  it('stops on a short page when the server gives no total', async () => {
    const { fetch, list } = pageNumberList(12, 5, 1, false)
    expect(await list.toArray()).toEqual(numbers(12))
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('toArray stops at max', async () => {
    const { fetch, list } = pageNumberList(1000, 10)
    expect(await list.toArray({ max: 25 })).toEqual(numbers(25))
    expect(fetch).toHaveBeenCalledTimes(3)
  })

  it('pages() yields whole pages', async () => {
    const { list } = pageNumberList(7, 3)
    const sizes: number[] = []
    for await (const page of list.pages()) sizes.push(page.items.length)
    expect(sizes).toEqual([3, 3, 1])
  })

  it('offset paging walks every record exactly once, for any total and limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        async (total, limit, withTotal) => {
          const fetch = async (p: OffsetParams) => ({
            items: numbers(total).slice(p.offset, p.offset + p.limit),
            total: withTotal ? total : undefined,
          })
          const list = new PagePromise(() => ({
            params: { offset: 0, limit },
            fetch,
            next: nextOffset<number, OffsetParams>(),
          }))
          expect(await list.toArray({ max: Number.POSITIVE_INFINITY })).toEqual(numbers(total))
        },
      ),
      { numRuns: 60 },
    )
  })

  it('page-number paging walks every record exactly once, 0- or 1-based', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom(0, 1),
        async (total, limit, first) => {
          const { list } = pageNumberList(total, limit, first)
          expect(await list.toArray({ max: Number.POSITIVE_INFINITY })).toEqual(numbers(total))
        },
      ),
      { numRuns: 60 },
    )
  })
})

/** A list of `total` numbers over a real Transport (a fake fetch), each page fetched with `options`. */
function transportList(total: number, limit: number, options?: { signal?: AbortSignal }) {
  const fetch = vi.fn(async (url: string | URL | Request) => {
    const offset = Number(new URL(String(url)).searchParams.get('offset'))
    return Response.json(
      { data: numbers(total).slice(offset, offset + limit), total },
      { headers: { 'x-request-id': `req-${offset}` } },
    )
  })
  const transport = new Transport({ baseUrl: 'https://api.test', fetch })
  const list = new PagePromise<number, OffsetParams>(() => ({
    params: { offset: 0, limit },
    fetch: (p) =>
      transport
        .request<{ data: number[]; total: number }>({ method: 'GET', path: '/n', query: { ...p }, options })
        .withResponse()
        .then(({ data, response }) => ({ items: data.data, total: data.total, response })),
    next: nextOffset<number, OffsetParams>(),
  }))
  return { fetch, list }
}

describe('aborting a list', () => {
  it("a `for await` stops at once, mid-page, when the list's call signal aborts", async () => {
    const controller = new AbortController()
    const { fetch, list } = transportList(20, 10, { signal: controller.signal })
    const seen: number[] = []
    const reason = new Error('user left')
    const error = await (async () => {
      for await (const n of list) {
        seen.push(n)
        if (n === 2) controller.abort(reason)
      }
    })().catch((e: unknown) => e)
    expect(seen).toEqual([0, 1, 2])
    expect(error).toBeInstanceOf(AbortError)
    expect((error as AbortError).cause).toBe(reason)
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('a signal given in the plan works the same, for any fetcher; pages() and toArray() stop too', async () => {
    const controller = new AbortController()
    const list = () =>
      new PagePromise<number, OffsetParams>(() => ({
        params: { offset: 0, limit: 5 },
        fetch: async (p) => ({ items: numbers(20).slice(p.offset, p.offset + p.limit), total: 20 }),
        next: nextOffset<number, OffsetParams>(),
        signal: controller.signal,
      }))
    const seen: number[] = []
    const walk = async () => {
      for await (const n of list()) {
        seen.push(n)
        if (n === 6) controller.abort()
      }
    }
    await expect(walk()).rejects.toBeInstanceOf(AbortError)
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6])
    const pages = list().pages()
    await expect(pages.next()).rejects.toBeInstanceOf(AbortError)
    await expect(list().toArray()).rejects.toBeInstanceOf(AbortError)
  })

  it('an SDK error as the reason (a deadline) is thrown as it is', async () => {
    const controller = new AbortController()
    const { list } = transportList(20, 10, { signal: controller.signal })
    const page = await list
    const timeout = new TimeoutError({ method: 'GET', path: '/n' }, 100, 'deadline')
    controller.abort(timeout)
    await expect(list.toArray()).rejects.toBe(timeout)
    expect(page.signal).toBe(controller.signal)
  })

  it('without a signal, nothing changes', async () => {
    const { list } = transportList(25, 10)
    expect(await list.toArray()).toEqual(numbers(25))
    expect((await list).signal).toBeUndefined()
  })
})

describe('withResponse() on a list', () => {
  it('resolves the first page with its HTTP response, fetched once for await and withResponse alike', async () => {
    const { fetch, list } = transportList(25, 10)
    const { data, response } = await list.withResponse()
    expect(data.items).toEqual(numbers(10))
    expect(response?.status).toBe(200)
    expect(response?.requestId).toBe('req-0')
    expect(await list).toBe(data)
    expect(fetch).toHaveBeenCalledTimes(1)
    expectTypeOf(response).toEqualTypeOf<ResponseMeta | undefined>()
  })

  it('response is undefined when the fetcher reports none; a failed first page rejects', async () => {
    const { list } = pageNumberList(5, 2)
    expect((await list.withResponse()).response).toBeUndefined()
    const failing = new PagePromise<number, PageNumberParams>(() => {
      throw new RangeError('bad')
    })
    await expect(failing.withResponse()).rejects.toThrow('bad')
  })
})
