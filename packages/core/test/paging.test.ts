import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { nextOffset, nextPageNumber, type OffsetParams, type PageNumberParams, PagePromise } from '../src'

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
