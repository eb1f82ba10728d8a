// The rule: `deadline`, `timeout` and `signal` bound a Nutan call through everything it waits on, a
// token refresh and the client-side rate budgets included, and a refresh never deadlocks a limiter.
import { type Limiter, TimeoutError } from '@x/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { concurrencyLimiter, never, timed } from '../../core/test/time-limits.support'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('time limits hold through a token refresh', () => {
  it('a 5 s deadline is kept while the refresh waits for a strict-tier slot, and the abandoned refresh is cancelled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    let refreshSignal: AbortSignal | undefined
    const strict: Limiter = {
      schedule: (_fn, signal) => {
        refreshSignal = signal
        return never()
      },
    }
    const client = server.client({
      accessToken: server.expiredToken(),
      refreshToken: server.refreshToken(),
      deadline: 5_000,
      limiter: { global: 1e6, strict },
    })
    const { at, error } = await timed(client.deals.list())
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(5_000)
    expect(refreshSignal?.aborted).toBe(true)
    expect(server.sent).toHaveLength(0)
  })

  it('a per-call signal stops the wait for a refresh at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const client = server.client({
      accessToken: server.expiredToken(),
      refreshToken: server.refreshToken(),
      limiter: { global: 1e6, strict: { schedule: () => never() } },
    })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const { at, error } = await timed(client.deals.list({}, { signal: controller.signal }))
    expect((error as Error).name).toBe('AbortError')
    expect(at).toBe(100)
  })

  it('NutanClient honours deadline, backoff and headers as client options', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    server.sim.faults.set({ error: { rate: 1, status: 503, match: { path: '/v1/contacts' } } })
    const client = server.client({
      deadline: 2_500,
      maxRetries: 10,
      backoff: { initialDelay: 1_000, maxDelay: 1_000 },
      headers: { 'x-team': 'sales' },
    })
    const { at, error } = await timed(client.contacts.list())
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(2_500)
    // Backoff of 500-1000 ms each: between 3 and 6 attempts fit in 2.5 s.
    const sent = server.to('/contacts')
    expect(sent.length).toBeGreaterThanOrEqual(3)
    expect(sent.length).toBeLessThanOrEqual(6)
    expect(sent.every((s) => s.status === 503)).toBe(true)
    expect(sent.every((s) => s.headers.get('x-team') === 'sales')).toBe(true)
  })
})

describe('refresh is single flight', () => {
  it('under a 4-slot concurrency limiter, 8 calls with an expired token all succeed with one refresh (no deadlock)', async () => {
    const fourAtATime = concurrencyLimiter(4)
    const client = server.client({
      accessToken: server.expiredToken(),
      refreshToken: server.refreshToken(),
      deadline: 5_000,
      limiter: { global: fourAtATime, strict: 1e6 },
    })
    const pages = await Promise.all(Array.from({ length: 8 }, () => client.deals.list()))
    expect(pages.map((p) => p.items.length)).toEqual(Array(8).fill(server.sim.db.deals.size))
    expect(server.refreshes()).toHaveLength(1)
  })

  it('a failing token endpoint is asked once for many waiting calls, not once per call', async () => {
    server.sim.faults.set({
      error: { rate: 1, status: 503, match: { method: 'POST', path: '/v1/auth/token' } },
    })
    const client = server.client({
      accessToken: server.expiredToken(),
      refreshToken: server.refreshToken(),
      maxRetries: 0,
    })
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => client.deals.list()))
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true)
    expect(server.to('/auth/token', 'POST')).toHaveLength(1)
    // And within the cool-down, a new call does not knock again.
    await expect(client.deals.list()).rejects.toBeDefined()
    expect(server.to('/auth/token', 'POST')).toHaveLength(1)
  })
})
