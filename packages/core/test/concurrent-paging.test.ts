// Concurrent paging (`concurrency` above 1): the walk keeps up to n pages in flight and must yield exactly
// what a sequential walk yields, in the same order. The fetchers here wait on fake timers, so pages
// finish out of order, and count the requests outstanding.
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  InputValidationError,
  listConcurrency,
  nextOffset,
  nextPageNumber,
  type OffsetParams,
  offsetsAhead,
  type PageData,
  type PageNumberParams,
  PagePromise,
  pageNumbersAhead,
} from '../src'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** Resolves after `ms` of fake time, or rejects with the signal's reason once it aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

/**
 * A list served by offset from `rows` (read when each request is answered, so a test may change them
 * between pages), each answer taking `delay(offset)` ms. Counts requests outstanding and aborted.
 */
function offsetList(
  rows: number[],
  opts: { limit: number; concurrency: number; delay?: (offset: number) => number; withTotal?: boolean },
) {
  const stats = { inFlight: 0, maxInFlight: 0, aborted: 0, offsets: [] as number[] }
  const fetch = async (p: OffsetParams, signal?: AbortSignal): Promise<PageData<number>> => {
    stats.offsets.push(p.offset)
    stats.inFlight += 1
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
    try {
      await sleep(opts.delay?.(p.offset) ?? 10, signal)
    } catch (error) {
      stats.aborted += 1
      throw error
    } finally {
      stats.inFlight -= 1
    }
    const items = rows.slice(p.offset, p.offset + p.limit)
    return { items, total: opts.withTotal === false ? undefined : rows.length }
  }
  const list = new PagePromise<number, OffsetParams>(() => ({
    params: { offset: 0, limit: opts.limit },
    fetch,
    next: nextOffset<number, OffsetParams>(),
    concurrency: opts.concurrency,
    ahead: offsetsAhead<number, OffsetParams>(),
  }))
  return { list, stats }
}

/** Runs `work` while fake time advances until it settles. */
async function settle<R>(work: Promise<R>): Promise<R> {
  let done = false
  const tracked = work.finally(() => {
    done = true
  })
  tracked.catch(() => {})
  while (!done) await vi.advanceTimersByTimeAsync(5)
  return tracked
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

describe('concurrent paging: order and memory bound', () => {
  it('yields every item in the sequential order, whatever order the pages finish in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 16 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        async (total, limit, concurrency, delays) => {
          const delay = (offset: number) => delays[(offset / limit) % delays.length]!
          const { list, stats } = offsetList(range(total), { limit, concurrency, delay })
          expect(await settle(list.toArray())).toEqual(range(total))
          // Never more than n requests outstanding, and each page fetched once.
          expect(stats.maxInFlight).toBeLessThanOrEqual(concurrency)
          expect(new Set(stats.offsets).size).toBe(stats.offsets.length)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('keeps n pages in flight while one is consumed, and no more', async () => {
    const { list, stats } = offsetList(range(100), { limit: 10, concurrency: 3 })
    const seen: number[] = []
    const walk = (async () => {
      for await (const page of list.pages()) {
        seen.push(...page.items)
        const pagesTaken = seen.length / 10
        // The pages fetched so far: the ones taken, plus at most 3 fetched ahead.
        expect(stats.offsets.length).toBeLessThanOrEqual(pagesTaken + 3)
        await sleep(30, undefined)
        expect(stats.inFlight).toBeLessThanOrEqual(3)
      }
    })()
    await settle(walk)
    expect(seen).toEqual(range(100))
    expect(stats.maxInFlight).toBe(3)
  })

  it('is faster than a sequential walk: n pages at a time', async () => {
    const started = Date.now()
    const { list } = offsetList(range(80), { limit: 10, concurrency: 4, delay: () => 100 })
    await settle(list.toArray())
    // 1 first page + 7 more, 4 at a time: about 3 rounds of 100 ms, not 8.
    expect(Date.now() - started).toBeLessThan(400)
  })

  it('concurrency 1 is the sequential walk: one request at a time, none ahead', async () => {
    const { list, stats } = offsetList(range(30), { limit: 10, concurrency: 1 })
    expect(await settle(list.toArray())).toEqual(range(30))
    expect(stats.maxInFlight).toBe(1)
  })

  it('walks one page at a time when the answers give no total', async () => {
    const { list, stats } = offsetList(range(35), { limit: 10, concurrency: 8, withTotal: false })
    expect(await settle(list.toArray())).toEqual(range(35))
    expect(stats.maxInFlight).toBe(1)
    expect(stats.offsets).toEqual([0, 10, 20, 30])
  })

  it('page-number paging fetches the same pages as the sequential walk', async () => {
    const requested: number[] = []
    const list = new PagePromise<number, PageNumberParams>(() => ({
      params: { page: 1, limit: 4 },
      fetch: async (p, signal) => {
        requested.push(p.page)
        await sleep(50 - p.page * 3, signal)
        return { items: range(23).slice((p.page - 1) * 4, p.page * 4), total: 23 }
      },
      next: nextPageNumber<number, PageNumberParams>(1),
      concurrency: 4,
      ahead: pageNumbersAhead<number, PageNumberParams>(1),
    }))
    expect(await settle(list.toArray())).toEqual(range(23))
    expect(requested.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6])
  })
})

describe('concurrent paging: cancellation and errors', () => {
  it('a break aborts the pages in flight and sends nothing more', async () => {
    const { list, stats } = offsetList(range(200), { limit: 10, concurrency: 5 })
    const seen: number[] = []
    await settle(
      (async () => {
        for await (const n of list) {
          seen.push(n)
          if (n === 14) break
        }
      })(),
    )
    expect(seen).toEqual(range(15))
    const sent = stats.offsets.length
    expect(stats.inFlight).toBe(0)
    expect(stats.aborted).toBeGreaterThan(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(stats.offsets.length).toBe(sent)
  })

  it("the call's signal aborting stops the walk with an AbortError and sends nothing more", async () => {
    const controller = new AbortController()
    const stats = { sent: 0 }
    const list = new PagePromise<number, OffsetParams>(() => ({
      params: { offset: 0, limit: 10 },
      fetch: async (p, signal) => {
        stats.sent += 1
        await sleep(10, signal ? AbortSignal.any([controller.signal, signal]) : controller.signal)
        return { items: range(100).slice(p.offset, p.offset + p.limit), total: 100 }
      },
      next: nextOffset<number, OffsetParams>(),
      signal: controller.signal,
      concurrency: 4,
      ahead: offsetsAhead<number, OffsetParams>(),
    }))
    const seen: number[] = []
    const walk = (async () => {
      for await (const n of list) {
        seen.push(n)
        if (n === 12) controller.abort()
      }
    })()
    await expect(settle(walk)).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen).toEqual(range(13))
    const sent = stats.sent
    await vi.advanceTimersByTimeAsync(1_000)
    expect(stats.sent).toBe(sent)
  })

  it('a failing page surfaces as its own error, after every page before it was yielded', async () => {
    const failure = new Error('page at offset 30 failed')
    const list = new PagePromise<number, OffsetParams>(() => ({
      params: { offset: 0, limit: 10 },
      fetch: async (p, signal) => {
        // The failing page answers first; pages after it answer fine.
        await sleep(p.offset === 30 ? 1 : 40, signal)
        if (p.offset === 30) throw failure
        return { items: range(100).slice(p.offset, p.offset + p.limit), total: 100 }
      },
      next: nextOffset<number, OffsetParams>(),
      concurrency: 6,
      ahead: offsetsAhead<number, OffsetParams>(),
    }))
    const seen: number[] = []
    const walk = (async () => {
      for await (const n of list) seen.push(n)
    })()
    await expect(settle(walk)).rejects.toBe(failure)
    expect(seen).toEqual(range(30))
  })

  it('options.concurrency must be a whole number from 1 to 16', () => {
    expect(listConcurrency(undefined, 'things.list')).toBe(1)
    expect(listConcurrency({ concurrency: 16 }, 'things.list')).toBe(16)
    for (const concurrency of [0, 17, 1.5, -1, Number.NaN, '4' as unknown as number]) {
      let error: unknown
      try {
        listConcurrency({ concurrency }, 'things.list')
      } catch (e) {
        error = e
      }
      expect(error, String(concurrency)).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('options.concurrency')
      expect((error as InputValidationError).message).toContain('things.list')
    }
  })
})

/**
 * What a walk guarantees when records are added or deleted while it runs (README, "Paging"), checked for
 * the sequential walk and the concurrent one alike: rows are ids kept in order; between pages, records
 * are only deleted or only added, at random positions.
 */
describe('concurrent paging: a total that changes during the walk', () => {
  async function walkWhileChanging(
    concurrency: number,
    kind: 'delete' | 'insert',
    changes: number[][],
    delays: number[],
  ) {
    const rows = range(60).map((n) => n * 10)
    const initial = [...rows]
    const ever = new Set(rows)
    let nextId = 1
    // Only ids below every changed position keep their place for the whole walk.
    let lowestChange = Number.POSITIVE_INFINITY
    const { list } = offsetList(rows, {
      limit: 7,
      concurrency,
      delay: (offset) => delays[offset % delays.length]!,
    })
    const seen: number[] = []
    let pageNo = 0
    for await (const page of list.pages()) {
      seen.push(...page.items)
      for (const at of changes[pageNo++ % changes.length] ?? []) {
        if (rows.length === 0) break
        const index = at % rows.length
        if (kind === 'delete') {
          lowestChange = Math.min(lowestChange, rows[index]!)
          rows.splice(index, 1)
        } else {
          const id = rows[index]! - 1 - (nextId++ % 9) / 10
          lowestChange = Math.min(lowestChange, id)
          ever.add(id)
          rows.splice(index, 0, id)
        }
      }
    }
    return { seen, initial, ever, lowestChange, final: rows }
  }

  const property = (kind: 'delete' | 'insert') =>
    fc.asyncProperty(
      fc.integer({ min: 1, max: 8 }),
      fc.array(fc.array(fc.nat(80), { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
      fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
      async (concurrency, changes, delays) => {
        const run = await settle(walkWhileChanging(concurrency, kind, changes, delays))
        const counts = new Map<number, number>()
        for (const id of run.seen) counts.set(id, (counts.get(id) ?? 0) + 1)
        // Nothing made up, and a record that kept its place for the whole walk comes exactly once.
        for (const id of run.seen) expect(run.ever.has(id)).toBe(true)
        for (const id of run.initial.filter((n) => n < run.lowestChange)) expect(counts.get(id)).toBe(1)
        if (kind === 'delete') {
          // Deletions can make a walk miss records, never repeat one.
          for (const count of counts.values()) expect(count).toBe(1)
        } else {
          // Additions can make a walk repeat records, never miss one that was there from the start.
          for (const id of run.initial) expect(counts.get(id) ?? 0).toBeGreaterThanOrEqual(1)
        }
      },
    )

  it('records deleted between pages: none yielded twice (sequential and concurrent alike)', async () => {
    await fc.assert(property('delete'), { numRuns: 80 })
  })

  it('records added between pages: none present from the start missed (sequential and concurrent alike)', async () => {
    await fc.assert(property('insert'), { numRuns: 80 })
  })

  it('a total that changed drops the pages fetched ahead and goes on as a sequential walk would', async () => {
    const walkDeletingAfterFirstPage = async (concurrency: number) => {
      const rows = range(40)
      const { list, stats } = offsetList(rows, { limit: 10, concurrency })
      const seen: number[] = []
      for await (const page of list.pages()) {
        seen.push(...page.items)
        if (page.params.offset === 0) {
          // Pages fetched ahead (10..29 with 2 in flight) answer first; then record 5 is deleted.
          await sleep(50, undefined)
          rows.splice(5, 1)
        }
      }
      return { seen, offsets: stats.offsets }
    }
    const sequential = await settle(walkDeletingAfterFirstPage(1))
    const concurrent = await settle(walkDeletingAfterFirstPage(2))
    // Sequential: the page at 10 is read after the deletion, so record 10 moved to 9 and is missed.
    expect(sequential.seen).toEqual(range(40).filter((n) => n !== 10))
    expect(sequential.offsets).toEqual([0, 10, 20, 30])
    // Concurrent: 10..29 came from before the deletion; the page at 30, fetched after it, said total 39,
    // not 40: it was dropped and fetched again, and record 30 (moved to 29) is the one missed. One record
    // missed either way, none repeated.
    expect(concurrent.seen).toEqual(range(40).filter((n) => n !== 30))
    expect(concurrent.offsets).toEqual([0, 10, 20, 30, 30])
  })
})
