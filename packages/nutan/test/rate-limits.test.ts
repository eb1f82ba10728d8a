import { createRateLimiter, InputValidationError, RateLimitError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { NutanClient } from '../src'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf } from './support/fake-nutan'
import { changeSet, installSync } from './support/fake-sync'

let fake: FakeNutan
beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 12) })
  fake = createFakeNutan()
  installSync(fake)
  fake.use(http.get(`${BASE}/deals`, ({ request }) => listOf([{ id: 'deal_1' }], new URL(request.url))))
})
afterEach(() => {
  vi.useRealTimers()
})

/** A client with the SDK's default rate tiers. */
const defaults = (options = {}) => clientFor(fake, { rateLimits: {}, ...options })

describe('rate tiers', () => {
  test('strict tier: sync sends at most 6 requests a minute by default, then continues', async () => {
    const pushed = defaults().sync.push(changeSet(80), { batchSize: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.to('/sync')).toHaveLength(6)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.to('/sync')).toHaveLength(8)
    expect((await pushed).batches).toBe(8)
  })

  test('strict tier is configurable within the documented 3–10 a minute', async () => {
    const pushed = defaults({ rateLimits: { strict: 3 } }).sync.push(changeSet(50), { batchSize: 10 })
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.to('/sync')).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.to('/sync')).toHaveLength(5)
    await pushed
  })

  test('global tier: 100 requests a minute; the 101st waits for the next window', async () => {
    const client = defaults()
    const calls = Promise.all(Array.from({ length: 103 }, () => client.deals.list()))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.to('/deals')).toHaveLength(100)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(fake.to('/deals')).toHaveLength(103)
    await calls
  })

  test('strict calls also spend the global budget', async () => {
    const client = defaults({ rateLimits: { global: 5, strict: 10 } })
    const pushed = client.sync.push(changeSet(30), { batchSize: 10 })
    // A list starts when awaited (or then'd): start it now.
    const listed = Promise.resolve(client.deals.list())
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.sent).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(60_000)
    await Promise.all([pushed, listed])
  })

  test('a limiter can be shared between clients (one budget for one IP)', async () => {
    const strict = createRateLimiter({ limit: 4, interval: 60_000 })
    const a = defaults({ rateLimits: { strict } })
    const b = defaults({ rateLimits: { strict } })
    const both = Promise.all([
      a.sync.push(changeSet(30), { batchSize: 10 }),
      b.sync.push(changeSet(30), { batchSize: 10 }),
    ])
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fake.to('/sync')).toHaveLength(4)
    await vi.advanceTimersByTimeAsync(60_000)
    await both
    expect(fake.to('/sync')).toHaveLength(6)
  })

  test('a rate given as a number must be a positive number per minute', () => {
    expect(() => new NutanClient({ accessToken: 'token', rateLimits: { strict: 0 } })).toThrow(
      InputValidationError,
    )
  })
})

describe('rate-limit headers and 429', () => {
  test('the headers of every response are exposed as client.rateLimit', async () => {
    fake.use(
      http.get(`${BASE}/contacts`, () =>
        HttpResponse.json(
          { data: [], total: 0, limit: 50, offset: 0 },
          { headers: { 'RateLimit-Limit': '100', 'RateLimit-Remaining': '97', 'RateLimit-Reset': '42' } },
        ),
      ),
    )
    const client = defaults()
    expect(client.rateLimit).toBeUndefined()
    await client.contacts.list()
    expect(client.rateLimit).toMatchObject({ limit: 100, remaining: 97, resetMs: 42_000 })
    expect(client.toJSON().rateLimit).toMatchObject({ remaining: 97 })
  })

  test('a 429 waits for Retry-After (core backoff) and then succeeds', async () => {
    let calls = 0
    fake.use(
      http.get(`${BASE}/meetings`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { error: 'rate_limited', message: 'Too many' },
              { status: 429, headers: { 'Retry-After': '20' } },
            )
          : HttpResponse.json({ data: [{ id: 'mtg_1' }], total: 1, limit: 50, offset: 0 }),
      ),
    )
    const page = Promise.resolve(defaults().meetings.list())
    await vi.advanceTimersByTimeAsync(19_000)
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(2_000)
    expect((await page).items).toHaveLength(1)
    expect(calls).toBe(2)
  })

  test('a Retry-After longer than maxRetryAfter throws RateLimitError carrying the wait', async () => {
    fake.use(
      http.get(`${BASE}/meetings`, () =>
        HttpResponse.json({ error: 'rate_limited' }, { status: 429, headers: { 'Retry-After': '600' } }),
      ),
    )
    const error = await defaults({ maxRetryAfter: 30_000 })
      .meetings.list()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(600_000)
  })
})
