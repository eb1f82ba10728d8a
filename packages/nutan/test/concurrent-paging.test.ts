// `list(params, { concurrency })` against the Nutan simulator: offset pages fetched ahead from the first
// answer's `total`, every one through the client's transport (limiter, retries), in the sequential order.
import { InputValidationError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
let ids: string[]
/** Requests to /contacts outstanding right now, and the most seen at once. */
let inFlight = 0
let maxInFlight = 0

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 12) })
  server = nutanServer({ size: { contacts: 450, deals: 130 } })
  ids = [...server.sim.db.contacts.keys()]
  inFlight = 0
  maxInFlight = 0
  // Every list answer takes 20 ms (fake time), with the requests outstanding counted.
  server.use(
    http.get('*/v1/:table', async ({ request }) => {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        await new Promise((resolve) => setTimeout(resolve, 20))
        return await server.sim.fetch(request)
      } finally {
        inFlight -= 1
      }
    }),
  )
})
afterEach(() => {
  vi.useRealTimers()
})

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

async function collect<T extends { id: string }>(iterable: AsyncIterable<T>, stopAt?: number) {
  const seen: string[] = []
  for await (const record of iterable) {
    seen.push(record.id)
    if (seen.length === stopAt) break
  }
  return seen
}

const offsets = () => server.to('/contacts').map((s) => Number(s.query.get('offset') ?? 0))

describe('contacts.list with { concurrency }', () => {
  test('walks every record once, in the sequential order, with at most n requests outstanding', async () => {
    const client = server.client()
    const seen = await settle(collect(client.contacts.list({ limit: 50 }, { concurrency: 4 })))
    expect(seen).toEqual(ids)
    expect(maxInFlight).toBe(4)
    expect(offsets()).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400])
  })

  test('the same as the sequential walk for .pages() and .toArray()', async () => {
    const client = server.client()
    const sequential = await settle(client.contacts.list({ limit: 100 }).toArray())
    const pages: number[] = []
    await settle(
      (async () => {
        for await (const page of client.contacts.list({ limit: 100 }, { concurrency: 3 }).pages()) {
          pages.push(page.items.length)
        }
      })(),
    )
    const concurrent = await settle(client.contacts.list({ limit: 100 }, { concurrency: 3 }).toArray())
    expect(concurrent.map((c) => c.id)).toEqual(sequential.map((c) => c.id))
    expect(pages).toEqual([100, 100, 100, 100, 50])
  })

  test('deals.list({ limit: 50 }, { concurrency: 8 }) (the benchmark call)', async () => {
    const client = server.client()
    const deals = await settle(client.deals.list({ limit: 50 }, { concurrency: 8 }).toArray())
    expect(deals.map((d) => d.id)).toEqual([...server.sim.db.deals.keys()])
    expect(server.to('/deals')).toHaveLength(3)
  })

  test('options.concurrency outside 1..16 is refused before any request, naming it', async () => {
    for (const concurrency of [0, 17, 2.5]) {
      const error = await server
        .client()
        .contacts.list({ limit: 10 }, { concurrency })
        .then(
          () => undefined,
          (e: unknown) => e,
        )
      expect(error, String(concurrency)).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('options.concurrency')
      expect((error as InputValidationError).message).toContain('contacts.list')
    }
    expect(server.sent).toHaveLength(0)
  })

  test('a break cancels the pages in flight: no request after it', async () => {
    const client = server.client()
    const seen = await settle(collect(client.contacts.list({ limit: 50 }, { concurrency: 5 }), 60))
    expect(seen).toEqual(ids.slice(0, 60))
    const sent = server.sent.length
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.sent).toHaveLength(sent)
    expect(inFlight).toBe(0)
    // The first page, the second (being read) and at most 5 ahead of it.
    expect(sent).toBeLessThanOrEqual(7)
  })

  test("an abort of the call's signal stops the walk with an AbortError: no request after it", async () => {
    const controller = new AbortController()
    const client = server.client()
    const seen: string[] = []
    const walk = (async () => {
      for await (const contact of client.contacts.list(
        { limit: 50 },
        { concurrency: 4, signal: controller.signal },
      )) {
        seen.push(contact.id)
        if (seen.length === 75) controller.abort()
      }
    })()
    await expect(settle(walk)).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen).toEqual(ids.slice(0, 75))
    const sent = server.sent.length
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.sent).toHaveLength(sent)
    expect(inFlight).toBe(0)
  })

  test('a 429 on a page fetched ahead is retried through the transport; the order holds', async () => {
    let refused = 0
    server.use(
      http.get('*/v1/contacts', ({ request }) => {
        if (new URL(request.url).searchParams.get('offset') !== '100' || refused > 0) return undefined
        refused += 1
        return HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many requests' } },
          { status: 429, headers: { 'retry-after': '2' } },
        )
      }),
    )
    const seen = await settle(collect(server.client().contacts.list({ limit: 50 }, { concurrency: 4 })))
    expect(seen).toEqual(ids)
    const atHundred = server.to('/contacts').filter((s) => s.query.get('offset') === '100')
    expect(atHundred.map((s) => s.status)).toEqual([429, 200])
    expect(maxInFlight).toBeLessThanOrEqual(4)
  })

  test('a failing page surfaces as its error after the pages before it were yielded', async () => {
    server.use(
      http.get('*/v1/contacts', ({ request }) =>
        new URL(request.url).searchParams.get('offset') === '150'
          ? HttpResponse.json({ error: { code: 'bad_request', message: 'no' } }, { status: 400 })
          : undefined,
      ),
    )
    const seen: string[] = []
    const walk = (async () => {
      for await (const contact of server.client().contacts.list({ limit: 50 }, { concurrency: 4 })) {
        seen.push(contact.id)
      }
    })()
    await expect(settle(walk)).rejects.toMatchObject({ status: 400 })
    expect(seen).toEqual(ids.slice(0, 150))
  })

  test('records deleted between pages: none yielded twice, and the walk ends at the new total', async () => {
    const client = server.client()
    const seen: string[] = []
    let pages = 0
    await settle(
      (async () => {
        for await (const page of client.contacts.list({ limit: 50 }, { concurrency: 3 }).pages()) {
          seen.push(...page.items.map((c) => c.id))
          pages += 1
          // After each of the first three pages, delete a contact that was already read.
          if (pages <= 3) server.sim.db.contacts.delete(seen[pages]!)
        }
      })(),
    )
    expect(new Set(seen).size).toBe(seen.length)
    // Records never moved (before every deleted position) come once; at most three are missed.
    expect(seen.slice(0, 50)).toEqual(ids.slice(0, 50))
    expect(seen.length).toBeGreaterThanOrEqual(ids.length - 3)
  })
})
