// `list(params, { concurrency })` against the Nutshell simulator: REST page-number lists fetch pages ahead
// from `meta.total`; `link` paging and JSON-RPC find* (no total in their answers) walk one page at a time.
import { InputValidationError } from '@x/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSimulator } from './support/simulator'

const env = useSimulator({ size: { leads: 95, contacts: 4, accounts: 3 } })
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
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
  while (!done) await vi.advanceTimersByTimeAsync(1)
  return tracked
}

/**
 * The recording fetch, counting requests sent and outstanding: each waits a millisecond first (so several
 * overlap) and, like a real fetch, rejects once its signal aborts.
 */
function countingFetch() {
  const stats = { calls: 0, inFlight: 0, max: 0 }
  const fetch: typeof globalThis.fetch = async (input, init) => {
    stats.calls += 1
    stats.inFlight += 1
    stats.max = Math.max(stats.max, stats.inFlight)
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, 1)
        signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(signal.reason)
        })
      })
      return await env.fetch(input, init)
    } finally {
      stats.inFlight -= 1
    }
  }
  return { fetch, stats }
}

const leadPages = () =>
  env.seen.filter((r) => r.url.pathname === '/rest/leads').map((r) => r.url.searchParams.get('page[page]'))

describe('REST lists with { concurrency }', () => {
  it('leads.list({ limit: 50 }, { concurrency: 8 }) walks every lead in the sequential order', async () => {
    const sequential = await settle(env.makeClient().leads.list({ limit: 10 }).toArray())
    env.seen.length = 0
    const { fetch, stats } = countingFetch()
    const ns = env.makeClient({ fetch })
    const concurrent = await settle(ns.leads.list({ limit: 10 }, { concurrency: 4 }).toArray())
    expect(concurrent.map((l) => l.id)).toEqual(sequential.map((l) => l.id))
    expect(concurrent).toHaveLength(95)
    expect(stats.max).toBe(4)
    expect(leadPages()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
    // The benchmark's call: two pages of 50.
    expect(await settle(ns.leads.list({ limit: 50 }, { concurrency: 8 }).toArray())).toHaveLength(95)
  })

  it('a break leaves nothing in flight and sends nothing more', async () => {
    const { fetch, stats } = countingFetch()
    const seen: string[] = []
    await settle(
      (async () => {
        for await (const lead of env.makeClient({ fetch }).leads.list({ limit: 5 }, { concurrency: 3 })) {
          seen.push(lead.id)
          if (seen.length === 7) break
        }
      })(),
    )
    const sent = stats.calls
    await vi.advanceTimersByTimeAsync(1_000)
    expect(stats.calls).toBe(sent)
    expect(stats.inFlight).toBe(0)
    // The first page, the second (being read) and at most 3 ahead of it.
    expect(sent).toBeLessThanOrEqual(1 + 1 + 3)
  })

  it("an abort of the call's signal stops the walk with an AbortError and sends nothing more", async () => {
    const { fetch, stats } = countingFetch()
    const controller = new AbortController()
    const list = env
      .makeClient({ fetch })
      .leads.list({ limit: 10 }, { concurrency: 4, signal: controller.signal })
    const seen: string[] = []
    const walk = (async () => {
      for await (const lead of list) {
        seen.push(lead.id)
        if (seen.length === 15) controller.abort()
      }
    })()
    await expect(settle(walk)).rejects.toMatchObject({ name: 'AbortError' })
    expect(seen).toHaveLength(15)
    const sent = stats.calls
    await vi.advanceTimersByTimeAsync(1_000)
    expect(stats.calls).toBe(sent)
    expect(stats.inFlight).toBe(0)
  })

  it('a 503 on a page fetched ahead is retried; the order holds', async () => {
    const { fetch } = countingFetch()
    const ns = env.makeClient({ fetch })
    const list = ns.leads.list({ limit: 10 }, { concurrency: 4 })
    await settle(Promise.resolve(list))
    env.sim.faults.next({ status: 503, match: { method: 'GET', path: '/rest/leads' } })
    const ids = (await settle(list.toArray())).map((l) => l.id)
    const all = await settle(env.makeClient().leads.list({ limit: 95 }).toArray())
    expect(ids).toEqual(all.map((l) => l.id))
    expect(env.seen.filter((r) => r.status === 503)).toHaveLength(1)
  })

  it('options.concurrency outside 1..16 is refused before any request, naming it', async () => {
    for (const concurrency of [0, 17, 1.5]) {
      const error = await env
        .makeClient()
        .leads.list({ limit: 5 }, { concurrency })
        .then(
          () => undefined,
          (e: unknown) => e,
        )
      expect(error, String(concurrency)).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('options.concurrency')
      expect((error as InputValidationError).message).toContain('leads.list')
    }
    expect(env.seen).toHaveLength(0)
  })

  it('link paging (users.list) walks one page at a time whatever concurrency says', async () => {
    const { fetch, stats } = countingFetch()
    const ns = env.makeClient({ fetch })
    const users = await settle(ns.users.list({ concurrency: 8 }).toArray())
    expect(users.length).toBeGreaterThan(0)
    expect(stats.max).toBe(1)
  })
})

// find* answers give no total: the walk fetches ahead while pages are full and ends at the first short one.
describe('JSON-RPC find* with { concurrency }', () => {
  it('fetches pages ahead while they come back full: the same records in the same order, at most n in flight', async () => {
    const sequential = await settle(env.makeClient().rpc.findLeads({ limit: 10 }).toArray())
    const { fetch, stats } = countingFetch()
    const ns = env.makeClient({ fetch })
    const leads = await settle(ns.rpc.findLeads({ limit: 10 }, { concurrency: 4 }).toArray())
    expect(leads).toHaveLength(95)
    expect(leads.map((l) => l.id)).toEqual(sequential.map((l) => l.id))
    expect(stats.max).toBeGreaterThan(1)
    expect(stats.max).toBeLessThanOrEqual(4)
    await expect(ns.rpc.findLeads({ limit: 10 }, { concurrency: 99 })).rejects.toMatchObject({
      name: 'InputValidationError',
      field: 'options.concurrency',
    })
  })
})
