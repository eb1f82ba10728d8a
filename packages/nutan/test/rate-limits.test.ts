import { createRateLimiter, InputValidationError, RateLimitError } from '@x/core'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { NutanClient } from '../src'
import { changeSet, type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 12) })
  // The simulator enforces Nutan's own tiers (global 100, strict 10 a minute): a client that
  // overshot them would meet 429s here.
  server = nutanServer()
})
afterEach(() => {
  vi.useRealTimers()
})

/** A client with the SDK's default rate tiers. */
const defaults = (options = {}) => server.client({ limiter: {}, ...options })
const refused = () => server.sent.filter((s) => s.status === 429)

describe('rate tiers', () => {
  test('strict tier: sync sends at most 6 requests a minute by default, then continues', async () => {
    const pushed = defaults().sync.push(changeSet(80), { batchSize: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.to('/sync')).toHaveLength(6)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.to('/sync')).toHaveLength(8)
    expect((await pushed).batches).toBe(8)
    expect(refused()).toHaveLength(0)
  })

  test('strict tier is configurable within the documented 3–10 a minute', async () => {
    const pushed = defaults({ limiter: { strict: 3 } }).sync.push(changeSet(50), { batchSize: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.to('/sync')).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.to('/sync')).toHaveLength(5)
    await pushed
  })

  test('global tier: 100 requests a minute; the 101st waits for the next window', async () => {
    const client = defaults()
    const calls = Promise.all(Array.from({ length: 103 }, () => client.deals.list()))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.to('/deals')).toHaveLength(100)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(server.to('/deals')).toHaveLength(103)
    await calls
    expect(refused()).toHaveLength(0)
  })

  test('strict calls also spend the global budget', async () => {
    const client = defaults({ limiter: { global: 5, strict: 10 } })
    const pushed = client.sync.push(changeSet(30), { batchSize: 10 })
    // A list starts when awaited (or then'd): start it now.
    const listed = Promise.resolve(client.deals.list())
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.sent).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all([pushed, listed])
  })

  test('a limiter can be shared between clients (one budget for one IP)', async () => {
    const strict = createRateLimiter({ limit: 4, interval: 60_000 })
    const a = defaults({ limiter: { strict } })
    const b = defaults({ limiter: { strict } })
    const both = Promise.all([
      a.sync.push(changeSet(30), { batchSize: 10 }),
      b.sync.push(changeSet(30), { batchSize: 10 }),
    ])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.to('/sync')).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(60_000)
    await both
    expect(server.to('/sync')).toHaveLength(6)
  })

  test('a rate given as a number must be a positive number per minute', () => {
    expect(() => new NutanClient({ accessToken: 'token', limiter: { strict: 0 } })).toThrow(
      InputValidationError,
    )
  })
})

describe('rate-limit headers and 429', () => {
  test('the headers of every response are exposed as client.rateLimit', async () => {
    const client = defaults()
    expect(client.rateLimit).toBeUndefined()
    await client.deals.list()
    await vi.advanceTimersByTimeAsync(18_000)
    await client.deals.list()
    await client.contacts.list()
    const headers = server.to('/contacts')[0]!.responseHeaders!
    // The simulator's global tier: 100 a minute, 3 used, the window ending 42 s from now.
    expect(headers.get('ratelimit-remaining')).toBe('97')
    expect(headers.get('ratelimit-reset')).toBe('42')
    expect(client.rateLimit).toMatchObject({ limit: 100, remaining: 97, resetMs: 42_000 })
    expect(client.toJSON().rateLimit).toMatchObject({ remaining: 97 })
  })

  test('a 429 waits for Retry-After (core backoff) and then succeeds', async () => {
    server.sim.faults.next({
      status: 429,
      retryAfterMs: 20_000,
      match: { method: 'GET', path: '/v1/meetings' },
    })
    const page = Promise.resolve(defaults().meetings.list())
    await vi.advanceTimersByTimeAsync(19_000)
    expect(server.to('/meetings')).toHaveLength(1)
    expect(server.to('/meetings')[0]!.status).toBe(429)
    await vi.advanceTimersByTimeAsync(2_000)
    expect((await page).items.length).toBeGreaterThan(0)
    expect(server.to('/meetings').map((s) => s.status)).toEqual([429, 200])
  })

  test("a 429 from the simulator's own strict tier is waited out too", async () => {
    // The client's strict budget is wider than the server's (10 a minute): the 11th sync meets a 429
    // whose Retry-After runs to the end of the server's window.
    const pushed = defaults({ limiter: { strict: 1e6 } }).sync.push(changeSet(120), { batchSize: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(server.to('/sync').map((s) => s.status)).toEqual([...Array(10).fill(200), 429])
    await vi.advanceTimersByTimeAsync(60_000)
    expect((await pushed).batches).toBe(12)
    expect(server.sim.db.synced.contacts.size + server.sim.db.synced.deals.size).toBe(80)
  })

  test('a Retry-After longer than maxRetryAfter throws RateLimitError carrying the wait', async () => {
    server.sim.faults.next({ status: 429, retryAfterMs: 600_000, match: { path: '/v1/meetings' } })
    const error = await defaults({ maxRetryAfter: 30_000 })
      .meetings.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(600_000)
    expect(server.to('/meetings')).toHaveLength(1)
  })
})
