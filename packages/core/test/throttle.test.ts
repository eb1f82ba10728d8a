import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAdaptiveLimiter, createRateLimiter, Transport } from '../src'

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
})
