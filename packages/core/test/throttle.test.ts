import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  chainLimiters,
  createAdaptiveLimiter,
  createRateLimiter,
  InputValidationError,
  type Limiter,
  type LimiterFallbackEvent,
  LimiterUnavailableError,
  type LimiterWait,
  type LimiterWaitEvent,
  type NoticeEvent,
  Transport,
} from '../src'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
afterEach(() => vi.useRealTimers())

describe('client-side budgets', () => {
  it('runs at most `limit` calls per interval', async () => {
    const limiter = createRateLimiter({ limit: 3, interval: 1000 })
    const started: number[] = []
    const start = Date.now()
    const all = Promise.all(
      Array.from({ length: 7 }, () => limiter.schedule(async () => started.push(Date.now() - start))),
    )
    await vi.advanceTimersByTimeAsync(5000)
    await all
    expect(started.filter((t) => t < 1000)).toHaveLength(3)
    expect(started.filter((t) => t >= 1000 && t < 2000)).toHaveLength(3)
    expect(started).toHaveLength(7)
  })

  it('a limiter shared by two clients is one budget', async () => {
    const shared = createRateLimiter({ limit: 2, interval: 1000 })
    const times: number[] = []
    const a = shared.schedule(async () => times.push(Date.now()))
    const b = shared.schedule(async () => times.push(Date.now()))
    const c = shared.schedule(async () => times.push(Date.now()))
    await vi.advanceTimersByTimeAsync(2000)
    await Promise.all([a, b, c])
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(1000)
  })

  it("a server pause restarts the budget's window when it ends, instead of keeping the client's own phase", async () => {
    const limiter = createRateLimiter({ limit: 2, interval: 1000 })
    const start = Date.now()
    const started: number[] = []
    const all = Promise.all(
      Array.from({ length: 6 }, () => limiter.schedule(async () => started.push(Date.now() - start))),
    )
    await vi.advanceTimersByTimeAsync(300)
    // The server answered 429: its window opens again at t=1300.
    limiter.pause?.(1000)
    await vi.advanceTimersByTimeAsync(5000)
    await all
    expect(started).toEqual([0, 0, 1300, 1300, 2300, 2300])
  })

  it('an adaptive limiter holds every caller after a server pause', async () => {
    const limiter = createAdaptiveLimiter()
    limiter.pause?.(500)
    const ran = vi.fn(async () => Date.now())
    const start = Date.now()
    const p = limiter.schedule(ran)
    await vi.advanceTimersByTimeAsync(499)
    expect(ran).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect((await p) - start).toBeGreaterThanOrEqual(500)
  })

  it('abort while queued rejects without running the call', async () => {
    const limiter = createRateLimiter({ limit: 1, interval: 1000 })
    await limiter.schedule(async () => 1)
    const controller = new AbortController()
    const fn = vi.fn(async () => 2)
    const p = limiter.schedule(fn, controller.signal).catch((e: unknown) => e)
    controller.abort(new Error('stop'))
    expect(await p).toEqual(new Error('stop'))
    await vi.advanceTimersByTimeAsync(2000)
    expect(fn).not.toHaveBeenCalled()
  })

  it('after a server pause, an adaptive limiter lets queued calls go at the pace that got through, not all at once', async () => {
    // A server allowing 5 calls per fixed 1000 ms window that answers 429 with the wait until its next window.
    let windowStart = 0
    let used = 0
    let rateLimited = 0
    const fetch = async () => {
      const now = Date.now()
      if (now - windowStart >= 1000) {
        windowStart = now - ((now - windowStart) % 1000)
        used = 0
      }
      if (used < 5) {
        used++
        return Response.json({ ok: true })
      }
      rateLimited++
      const wait = String(windowStart + 1000 - now)
      return Response.json({ code: 429 }, { status: 429, headers: { 'retry-after-ms': wait } })
    }
    const transport = new Transport({
      baseUrl: 'https://api.test',
      fetch,
      limiters: { default: createAdaptiveLimiter() },
    })
    const start = Date.now()
    windowStart = start
    const done: number[] = []
    const calls = Array.from({ length: 30 }, () =>
      transport.request({ method: 'GET', path: '/leads' }).then(() => done.push(Date.now() - start)),
    )
    await vi.advanceTimersByTimeAsync(10_000)
    await Promise.all(calls)
    expect(done).toHaveLength(30)
    // Only the first window's surplus is refused; every later window gets exactly what it allows.
    expect(rateLimited).toBe(25)
    // Six windows of five: the last opens at 5000 ms, as soon as the server allows.
    expect(Math.max(...done)).toBe(5000)
  })

  it("an adaptive limiter learns the server's whole window when a busy server names only the rest of one", async () => {
    // A server allowing 5 calls per fixed 1000 ms window, opened by the first request it receives. It
    // takes 20 ms per request and answers 50 ms after deciding, so the burst's 429s name shorter and
    // shorter rests of the window: a pace of the longest wait named falls short of the window.
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    let windowStart: number | undefined
    let used = 0
    let busyUntil = 0
    let rateLimited = 0
    const fetch = async () => {
      await sleep(50)
      busyUntil = Math.max(busyUntil, Date.now()) + 20
      await sleep(busyUntil - Date.now())
      const now = Date.now()
      if (windowStart === undefined || now - windowStart >= 1000) {
        windowStart = now
        used = 0
      }
      const allowed = used < 5
      if (allowed) used++
      else rateLimited++
      const wait = String(windowStart + 1000 - now)
      await sleep(50)
      return allowed
        ? Response.json({ ok: true })
        : Response.json({ code: 429 }, { status: 429, headers: { 'retry-after-ms': wait } })
    }
    const transport = new Transport({
      baseUrl: 'https://api.test',
      fetch,
      limiters: { default: createAdaptiveLimiter() },
    })
    const start = Date.now()
    const done: number[] = []
    const calls = Array.from({ length: 50 }, () =>
      transport.request({ method: 'GET', path: '/leads' }).then(() => done.push(Date.now() - start)),
    )
    await vi.advanceTimersByTimeAsync(30_000)
    await Promise.all(calls)
    expect(done).toHaveLength(50)
    // The burst's surplus, then one window's worth while the pace learns the window; none after
    // (a pace of the longest wait named drew a window's worth in every window).
    expect(rateLimited).toBeLessThanOrEqual(45 + 5)
    // Ten windows of five. A client only learns that a window ended when the answer saying so comes
    // back, so each window costs the server's window plus one round trip (120 ms here), never more.
    expect(Math.max(...done)).toBeLessThanOrEqual(120 + 80 + 9 * (1000 + 120))
  })
})

describe('an adaptive limiter against generated servers', () => {
  it('every call gets through, and 429s stay within the burst surplus and one window while it learns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 8 }), // the server's limit per window
        fc.integer({ min: 2, max: 6 }), // the burst, in windows' worth of calls
        fc.integer({ min: 0, max: 30 }), // ms the server takes per request (it serves one at a time)
        fc.integer({ min: 0, max: 60 }), // one-way latency, ms
        async (limit, windows, perRequest, latency) => {
          const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
          let windowStart: number | undefined
          let used = 0
          let busyUntil = 0
          let rateLimited = 0
          const fetch = async () => {
            await sleep(latency)
            busyUntil = Math.max(busyUntil, Date.now()) + perRequest
            await sleep(busyUntil - Date.now())
            const now = Date.now()
            if (windowStart === undefined || now - windowStart >= 1000) {
              windowStart = now
              used = 0
            }
            const allowed = used < limit
            if (allowed) used++
            else rateLimited++
            const wait = String(windowStart + 1000 - now)
            await sleep(latency)
            return allowed
              ? Response.json({ ok: true })
              : Response.json({ code: 429 }, { status: 429, headers: { 'retry-after-ms': wait } })
          }
          const transport = new Transport({
            baseUrl: 'https://api.test',
            fetch,
            limiters: { default: createAdaptiveLimiter() },
          })
          const calls = limit * windows
          const done = Promise.all(
            Array.from({ length: calls }, () => transport.request({ method: 'GET', path: '/leads' })),
          )
          await vi.advanceTimersByTimeAsync(60_000)
          await done
          const surplus = calls - limit // refused in the burst's first window
          expect(rateLimited).toBeLessThanOrEqual(surplus + limit) // then one window's worth while it learns
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('switching a budget off', () => {
  it.each([
    ['false', false as const],
    ['a limit of Infinity', { limit: Number.POSITIVE_INFINITY, interval: 60_000 }],
  ])('%s runs every call at once', async (_name, budget) => {
    const limiter = createRateLimiter(budget)
    const start = Date.now()
    const started = await Promise.all(
      Array.from({ length: 50 }, () => limiter.schedule(async () => Date.now() - start)),
    )
    expect(started).toEqual(Array(50).fill(0))
  })

  it('still holds callers while the server has asked everyone to wait', async () => {
    const limiter = createRateLimiter(false)
    limiter.pause?.(800)
    const waits: LimiterWait[] = []
    const start = Date.now()
    const p = limiter.schedule(async () => Date.now() - start, undefined, { onWait: (w) => waits.push(w) })
    await vi.advanceTimersByTimeAsync(1000)
    expect(await p).toBe(800)
    expect(waits).toEqual([{ waitMs: 800, reason: 'server-pause' }])
  })

  it('refuses a budget that is no budget at all, naming the field', () => {
    for (const [budget, field] of [
      [{ limit: 0, interval: 1000 }, 'limit'],
      [{ limit: Number.NaN, interval: 1000 }, 'limit'],
      [{ limit: 5, interval: 0 }, 'interval'],
    ] as const) {
      const error = (() => {
        try {
          createRateLimiter(budget)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe(field)
    }
  })
})

describe('a held call says so', () => {
  it('onWait is told once per held call, with about how long', async () => {
    const limiter = createRateLimiter({ limit: 2, interval: 1000 })
    const waits: (LimiterWait | undefined)[][] = [[], [], [], []]
    const all = Promise.all(
      waits.map((seen) => limiter.schedule(async () => 1, undefined, { onWait: (w) => seen.push(w) })),
    )
    await vi.advanceTimersByTimeAsync(3000)
    await all
    expect(waits).toEqual([
      [],
      [],
      [{ waitMs: 1000, reason: 'budget' }],
      [{ waitMs: 1000, reason: 'budget' }],
    ])
  })

  it('a call that waits out a server pause and then a slot is told once', async () => {
    const limiter = createRateLimiter({ limit: 1, interval: 1000 })
    await limiter.schedule(async () => 1)
    limiter.pause?.(300)
    const seen: LimiterWait[] = []
    const p = limiter.schedule(async () => 2, undefined, { onWait: (w) => seen.push(w) })
    await vi.advanceTimersByTimeAsync(3000)
    await p
    expect(seen).toEqual([{ waitMs: 300, reason: 'server-pause' }])
  })

  it('a throwing onWait never breaks the call; the adaptive limiter tells of a server pause too', async () => {
    const limiter = createAdaptiveLimiter()
    limiter.pause?.(200)
    const p = limiter.schedule(async () => 'ran', undefined, {
      onWait: () => {
        throw new Error('listener bug')
      },
    })
    await vi.advanceTimersByTimeAsync(200)
    expect(await p).toBe('ran')
  })

  it("the transport emits one credential-free `limiter.wait` notice per held call (Nutan's strict tier, 6/min)", async () => {
    const secret = 'sk-live-NOTICE-SECRET-123456'
    const notices: NoticeEvent[] = []
    const global = createRateLimiter({ limit: 100, interval: 60_000 })
    const transport = new Transport({
      baseUrl: 'https://api.test/v1',
      fetch: async () => Response.json({ ok: true }),
      auth: () => ({ authorization: `Bearer ${secret}` }),
      secrets: () => [secret],
      limiters: {
        default: global,
        strict: chainLimiters(createRateLimiter({ limit: 6, interval: 60_000 }), global),
      },
      hooks: { onNotice: (event) => notices.push(event) },
    })
    const start = Date.now()
    const done: number[] = []
    const calls = Array.from({ length: 8 }, () =>
      transport
        .request({ method: 'POST', path: '/sync', query: { token: secret }, tier: 'strict', body: {} })
        .then(() => done.push(Date.now() - start)),
    )
    await vi.advanceTimersByTimeAsync(1)
    // Two calls are held, each says so once, before it waits.
    expect(notices).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(61_000)
    await Promise.all(calls)
    expect(done.filter((t) => t >= 60_000)).toHaveLength(2)
    expect(notices).toHaveLength(2)
    const event = notices[0] as LimiterWaitEvent
    expect(event).toEqual({
      type: 'limiter.wait',
      message: 'POST /v1/sync waits about 60 s for the client-side budget of tier "strict"',
      method: 'POST',
      path: '/v1/sync',
      attempt: 1,
      tier: 'strict',
      waitMs: 60_000,
      reason: 'budget',
    })
    expect(JSON.stringify(notices)).not.toContain('NOTICE-SECRET')
    expect(JSON.stringify(notices)).not.toContain('token')
  })

  it("a shared limiter's fallback reaches onNotice as `limiter.fallback`, scrubbed of credentials", async () => {
    const secret = 'sk-live-FALLBACK-SECRET-123456'
    const notices: NoticeEvent[] = []
    const limiter: Limiter = {
      schedule(fn, _signal, options) {
        options?.onFallback?.({ message: `store at redis://:${secret}@10.0.0.1 unreachable` })
        return fn()
      },
    }
    const transport = new Transport({
      baseUrl: 'https://api.test',
      fetch: async () => Response.json({ ok: true }),
      secrets: () => [secret],
      limiters: { default: limiter },
      hooks: { onNotice: (event) => notices.push(event) },
    })
    await transport.request({ method: 'GET', path: '/x' })
    const event = notices[0] as LimiterFallbackEvent
    expect(event).toMatchObject({ type: 'limiter.fallback', method: 'GET', path: '/x', attempt: 1 })
    expect(JSON.stringify(notices)).not.toContain('FALLBACK-SECRET')
  })

  it('a limiter that fails closed fails the call with its LimiterUnavailableError, unsent and not retried', async () => {
    const fetch = vi.fn(async () => Response.json({ ok: true }))
    let scheduled = 0
    const transport = new Transport({
      baseUrl: 'https://api.test',
      fetch,
      limiters: {
        default: {
          schedule: async () => {
            scheduled++
            throw new LimiterUnavailableError(undefined, { cause: new Error('ECONNREFUSED') })
          },
        },
      },
    })
    const error = await transport.request({ method: 'GET', path: '/x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LimiterUnavailableError)
    expect(fetch).not.toHaveBeenCalled()
    expect(scheduled).toBe(1)
  })

  it('an unheld call emits no notice', async () => {
    const notices: NoticeEvent[] = []
    const transport = new Transport({
      baseUrl: 'https://api.test',
      fetch: async () => Response.json({ ok: true }),
      limiters: { default: createRateLimiter(false) },
      hooks: { onNotice: (event) => notices.push(event) },
    })
    await Promise.all(Array.from({ length: 20 }, () => transport.request({ method: 'GET', path: '/x' })))
    expect(notices).toEqual([])
  })
})
