// The rule: `timeout`, `deadline` and `signal` bound everything a call waits on (the limiter's queue,
// backoff waits, a credential refresh, and a custom fetch that ignores its signal).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AbortError,
  createRateLimiter,
  type Limiter,
  TimeoutError,
  Transport,
  type TransportOptions,
} from '../src'
import { concurrencyLimiter, never, timed } from './time-limits.support'

const BASE = 'https://api.example.test/v1'
/** A fetch that never answers and never looks at its signal. */
const deafFetch: typeof fetch = () => never()

function transport(options: Partial<TransportOptions> = {}) {
  return new Transport({ baseUrl: BASE, fetch: deafFetch, maxRetries: 0, ...options })
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a fetch that ignores its signal cannot hold a call', () => {
  it('the per-attempt timeout ends it', async () => {
    const { at, error } = await timed(transport({ timeout: 1000 }).request({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(1000)
  })

  it("the caller's abort ends it at once, with the signal's reason as the cause", async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user left')), 100)
    const { at, error } = await timed(
      transport().request({ method: 'GET', path: '/x', options: { signal: controller.signal } }),
    )
    expect(error).toBeInstanceOf(AbortError)
    expect((error as AbortError).cause).toEqual(new Error('user left'))
    expect(at).toBe(100)
  })

  it('the deadline ends it', async () => {
    const { at, error } = await timed(
      transport().request({ method: 'GET', path: '/x', options: { deadline: 500 } }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).message).toMatch(/Deadline of 500 ms/)
    expect(at).toBe(500)
  })
})

describe('the deadline bounds every wait', () => {
  it('a limiter queue that never grants a slot, and ignores the signal', async () => {
    const stuck: Limiter = { schedule: () => never() }
    const { at, error } = await timed(
      transport({ limiters: { default: stuck } }).request({
        method: 'GET',
        path: '/x',
        options: { deadline: 700 },
      }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(700)
  })

  it('a credential provider that hangs (a token refresh before the request)', async () => {
    const { at, error } = await timed(
      transport({ auth: () => never() }).request({ method: 'GET', path: '/x', options: { deadline: 300 } }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(300)
  })

  it('a refresh after a 401 that hangs, and it hands the refresh the call signal', async () => {
    let refreshSignal: AbortSignal | undefined
    const t = transport({
      fetch: async () => Response.json({ message: 'expired' }, { status: 401 }),
      auth: () => ({ authorization: 'Bearer old' }),
      refreshAuth: ({ signal }) => {
        refreshSignal = signal
        return never()
      },
    })
    const { at, error } = await timed(t.request({ method: 'GET', path: '/x', options: { deadline: 400 } }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(400)
    expect(refreshSignal?.aborted).toBe(true)
  })

  it('a backoff wait longer than what is left', async () => {
    const t = transport({
      fetch: async () => Response.json({}, { status: 503 }),
      maxRetries: 5,
      backoff: { initialDelay: 10_000, maxDelay: 10_000 },
    })
    const { at, error } = await timed(t.request({ method: 'GET', path: '/x', options: { deadline: 2_000 } }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(2_000)
  })

  it('a Retry-After wait longer than what is left', async () => {
    const t = transport({
      fetch: async () => Response.json({}, { status: 429, headers: { 'retry-after': '30' } }),
      maxRetries: 5,
    })
    const { at, error } = await timed(t.request({ method: 'GET', path: '/x', options: { deadline: 1_500 } }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(at).toBe(1_500)
  })
})

describe('credentials are never fetched inside a limiter slot', () => {
  it('a refresh under a 2-slot concurrency limiter does not deadlock when both slots are taken by callers', async () => {
    const twoAtATime = concurrencyLimiter(2)
    let token = 'old'
    let refreshing: Promise<void> | undefined
    const t = transport({
      limiters: { default: twoAtATime },
      fetch: async (_url, init) =>
        new Headers(init?.headers).get('authorization') === 'Bearer new'
          ? Response.json({ ok: true })
          : Response.json({}, { status: 401 }),
      auth: () => ({ authorization: `Bearer ${token}` }),
      // The refresh itself goes through the same limiter, as a token endpoint call does.
      refreshAuth: async () => {
        refreshing ??= twoAtATime.schedule(async () => {
          token = 'new'
        })
        await refreshing
        return true
      },
    })
    const calls = Array.from({ length: 6 }, () =>
      t.request({ method: 'GET', path: '/x', options: { deadline: 5_000 } }),
    )
    const outcomes = await Promise.all(calls.map(timed))
    expect(outcomes.map((o) => o.error)).toEqual(Array(6).fill(undefined))
  })
})

describe("an abort's AbortError carries the signal's reason as its cause, whatever the call waits on", () => {
  const paths: [string, () => Transport][] = [
    [
      'a client-side budget',
      () => {
        const limiter = createRateLimiter({ limit: 1, interval: 60_000 })
        void limiter.schedule(async () => undefined)
        return transport({ limiters: { default: limiter } })
      },
    ],
    [
      'a backoff wait',
      () =>
        transport({
          fetch: async () => Response.json({}, { status: 503 }),
          maxRetries: 3,
          backoff: { initialDelay: 10_000, maxDelay: 10_000 },
        }),
    ],
    ['a fetch in flight', () => transport()],
    ['the credential provider', () => transport({ auth: () => never() })],
    [
      'a token refresh after a 401',
      () =>
        transport({
          fetch: async () => Response.json({}, { status: 401 }),
          auth: () => ({ authorization: 'Bearer old' }),
          refreshAuth: () => never(),
        }),
    ],
  ]

  it.each(paths)('%s', async (_name, make) => {
    const reason = new Error('user left')
    const controller = new AbortController()
    setTimeout(() => controller.abort(reason), 50)
    const { at, error } = await timed(
      make().request({ method: 'GET', path: '/x', options: { signal: controller.signal } }),
    )
    expect(error).toBeInstanceOf(AbortError)
    expect((error as AbortError).cause).toEqual(reason)
    expect(at).toBe(50)
  })

  it.each(paths)('%s, aborted without a reason (the DOMException is the cause)', async (_name, make) => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const { error } = await timed(
      make().request({ method: 'GET', path: '/x', options: { signal: controller.signal } }),
    )
    expect(error).toBeInstanceOf(AbortError)
    expect((error as AbortError).cause).toMatchObject({ name: 'AbortError' })
  })
})
