import { HttpResponse, http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AbortError, ConnectionError, RateLimitError, ServerError, TimeoutError } from '../src'
import { BASE, makeTransport, recordHooks, useServer } from './helpers'

const server = useServer()

function counted(respond: (n: number) => Response | Promise<Response>) {
  const calls = { n: 0 }
  server.use(
    http.all(`${BASE}/items`, () => {
      calls.n++
      return respond(calls.n)
    }),
  )
  return calls
}

/** Runs a call to completion while fake timers drive every backoff sleep. */
async function settle<T>(promise: PromiseLike<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = Promise.resolve(promise).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.runAllTimersAsync()
  return outcome
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('which failures retry', () => {
  it.each([408, 429, 500, 502, 503, 504])(
    'a GET retries on %i up to maxRetries (default 2)',
    async (status) => {
      const calls = counted(() => HttpResponse.json({ message: 'busy' }, { status }))
      const { error } = await settle(makeTransport().request({ method: 'GET', path: '/items' }))
      expect(error).toBeDefined()
      expect(calls.n).toBe(3)
    },
  )

  it('a GET succeeds once the server recovers', async () => {
    const calls = counted((n) =>
      n < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ ok: true }),
    )
    const { value } = await settle(makeTransport().request({ method: 'GET', path: '/items' }))
    expect(value).toEqual({ ok: true })
    expect(calls.n).toBe(3)
  })

  it('never retries 400, 401, 403, 404 or 409', async () => {
    for (const status of [400, 401, 403, 404, 409]) {
      const calls = counted(() => HttpResponse.json({ message: 'no' }, { status }))
      await settle(makeTransport().request({ method: 'GET', path: '/items' }))
      expect(calls.n, `status ${status}`).toBe(1)
    }
  })

  it('honours a per-call maxRetries over the client default', async () => {
    const calls = counted(() => new HttpResponse(null, { status: 503 }))
    await settle(
      makeTransport({ maxRetries: 5 }).request({ method: 'GET', path: '/items', options: { maxRetries: 1 } }),
    )
    expect(calls.n).toBe(2)
  })

  it('retries a dropped connection on a GET', async () => {
    const calls = counted((n) => (n === 1 ? HttpResponse.error() : HttpResponse.json({ ok: 1 })))
    const { value } = await settle(makeTransport().request({ method: 'GET', path: '/items' }))
    expect(value).toEqual({ ok: 1 })
    expect(calls.n).toBe(2)
  })
})

describe('a create is never sent twice', () => {
  it('does not retry a POST after a 500', async () => {
    const calls = counted(() =>
      HttpResponse.json({ code: 500, message: 'Internal Server Error' }, { status: 500 }),
    )
    const { error } = await settle(
      makeTransport().request({ method: 'POST', path: '/items', body: { name: 'A' } }),
    )
    expect(error).toBeInstanceOf(ServerError)
    expect(calls.n).toBe(1)
  })

  it('does not retry a POST after a dropped connection (the server may have acted)', async () => {
    const calls = counted(() => HttpResponse.error())
    const { error } = await settle(makeTransport().request({ method: 'POST', path: '/items', body: {} }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(calls.n).toBe(1)
  })

  it('does not retry a PATCH after a 503', async () => {
    const calls = counted(() => new HttpResponse(null, { status: 503 }))
    await settle(makeTransport().request({ method: 'PATCH', path: '/items', body: [] }))
    expect(calls.n).toBe(1)
  })

  it('does retry a POST on 429 (the server did not act)', async () => {
    const calls = counted((n) =>
      n === 1
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } })
        : HttpResponse.json({ id: 1 }, { status: 201 }),
    )
    const { value } = await settle(makeTransport().request({ method: 'POST', path: '/items', body: {} }))
    expect(value).toEqual({ id: 1 })
    expect(calls.n).toBe(2)
  })

  it('retries a POST declared idempotent like a GET', async () => {
    const calls = counted((n) =>
      n === 1 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json({ ok: true }),
    )
    await settle(makeTransport().request({ method: 'POST', path: '/items', body: {}, idempotent: true }))
    expect(calls.n).toBe(2)
  })

  it('retries a POST whose connection was refused before sending', async () => {
    let n = 0
    const refusingFetch: typeof fetch = async (input, init) => {
      n++
      if (n === 1)
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        })
      return fetch(input, init)
    }
    counted(() => HttpResponse.json({ id: 2 }, { status: 201 }))
    const { value } = await settle(
      makeTransport({ fetch: refusingFetch }).request({ method: 'POST', path: '/items', body: {} }),
    )
    expect(value).toEqual({ id: 2 })
    expect(n).toBe(2)
  })
})

describe('how long it waits', () => {
  function delaysOf(events: { type: string; event: unknown }[]) {
    return events.filter((e) => e.type === 'retry').map((e) => (e.event as { delayMs: number }).delayMs)
  }

  it('backs off exponentially with jitter, capped', async () => {
    counted(() => new HttpResponse(null, { status: 503 }))
    const { events, hooks } = recordHooks()
    await settle(
      makeTransport({ hooks, maxRetries: 5, backoff: { initialDelay: 100, maxDelay: 400 } }).request({
        method: 'GET',
        path: '/items',
      }),
    )
    const delays = delaysOf(events)
    expect(delays).toHaveLength(5)
    const caps = [100, 200, 400, 400, 400]
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(caps[i]! / 2)
      expect(d).toBeLessThanOrEqual(caps[i]!)
    })
  })

  it.each([
    ['retry-after seconds', { 'retry-after': '3' }, 3000],
    ['retry-after-ms', { 'retry-after-ms': '250' }, 250],
    ['RateLimit-Reset', { 'ratelimit-reset': '2' }, 2000],
    ['X-RateLimit-Reset (epoch seconds)', { 'x-ratelimit-reset': 'EPOCH+5' }, 5000],
  ])('waits as the server says via %s', async (_name, headers, expected) => {
    const h = Object.fromEntries(
      Object.entries(headers).map(([k, v]) => [
        k,
        v === 'EPOCH+5' ? String(Math.floor(Date.now() / 1000) + 5) : v,
      ]),
    )
    counted((n) => (n === 1 ? new HttpResponse(null, { status: 429, headers: h }) : HttpResponse.json({})))
    const { events, hooks } = recordHooks()
    await settle(makeTransport({ hooks }).request({ method: 'GET', path: '/items' }))
    const [delay] = delaysOf(events)
    expect(delay).toBeGreaterThanOrEqual(expected - 1000)
    expect(delay).toBeLessThanOrEqual(expected)
  })

  it('honours Retry-After as an HTTP date', async () => {
    const date = new Date(Date.now() + 4000).toUTCString()
    counted((n) =>
      n === 1
        ? new HttpResponse(null, { status: 503, headers: { 'retry-after': date } })
        : HttpResponse.json({}),
    )
    const { events, hooks } = recordHooks()
    await settle(makeTransport({ hooks }).request({ method: 'GET', path: '/items' }))
    const [delay] = delaysOf(events)
    expect(delay).toBeGreaterThan(2900)
    expect(delay).toBeLessThanOrEqual(4000)
  })

  it('throws RateLimitError with retryAfterMs instead of sleeping past maxRetryAfter', async () => {
    const calls = counted(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } }))
    const { events, hooks } = recordHooks()
    const { error } = await settle(
      makeTransport({ hooks, maxRetryAfter: 60_000 }).request({ method: 'GET', path: '/items' }),
    )
    expect(error).toBeInstanceOf(RateLimitError)
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000)
    expect(calls.n).toBe(1)
    expect(delaysOf(events)).toEqual([])
  })

  it('server-hinted 429 waits do not use up maxRetries', async () => {
    const calls = counted((n) =>
      n <= 4
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after-ms': '10' } })
        : HttpResponse.json({ ok: true }),
    )
    const { value } = await settle(
      makeTransport({ maxRetries: 1 }).request({ method: 'GET', path: '/items' }),
    )
    expect(value).toEqual({ ok: true })
    expect(calls.n).toBe(5)
  })
})

describe('cancellation and time limits', () => {
  it('abort during a backoff wait rejects at once with AbortError and sends nothing more', async () => {
    const calls = counted(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } }))
    const controller = new AbortController()
    const outcome = Promise.resolve(
      makeTransport().request({ method: 'GET', path: '/items', options: { signal: controller.signal } }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(1000)
    controller.abort()
    const error = await outcome
    expect(error).toBeInstanceOf(AbortError)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls.n).toBe(1)
  })

  it('an already-aborted signal sends nothing', async () => {
    const calls = counted(() => HttpResponse.json({}))
    const { error } = await settle(
      makeTransport().request({ method: 'GET', path: '/items', options: { signal: AbortSignal.abort() } }),
    )
    expect(error).toBeInstanceOf(AbortError)
    expect(calls.n).toBe(0)
  })

  it('a per-attempt timeout becomes TimeoutError, and a GET retries it', async () => {
    const calls = counted(async (n) => {
      if (n === 1) await new Promise((r) => setTimeout(r, 10_000))
      return HttpResponse.json({ n })
    })
    const { value } = await settle(
      makeTransport({ timeout: 1000 }).request({ method: 'GET', path: '/items' }),
    )
    expect(value).toEqual({ n: 2 })
    expect(calls.n).toBe(2)
  })

  it('a POST that timed out is not resent', async () => {
    const calls = counted(async () => {
      await new Promise((r) => setTimeout(r, 10_000))
      return HttpResponse.json({})
    })
    const { error } = await settle(
      makeTransport({ timeout: 1000 }).request({ method: 'POST', path: '/items', body: {} }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(calls.n).toBe(1)
  })

  it('the timeout also bounds reading the body: a body that stalls after its headers times out', async () => {
    let n = 0
    const fetch = (async (_url: string, init: RequestInit) => {
      if (++n > 1) return Response.json({ n })
      // Headers arrive, then the body stops after its first bytes until the attempt is aborted.
      const stalled = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"items": ['))
          init.signal?.addEventListener('abort', () => controller.error(init.signal?.reason))
        },
      })
      return new Response(stalled, { headers: { 'content-type': 'application/json' } })
    }) as typeof globalThis.fetch
    const { value } = await settle(
      makeTransport({ timeout: 1000, fetch }).request({ method: 'GET', path: '/items' }),
    )
    expect(value).toEqual({ n: 2 })
    expect(n).toBe(2)
  })

  it("aborting the caller's signal mid-request aborts the fetch and rejects with AbortError", async () => {
    let fetchSignal: AbortSignal | undefined
    const controller = new AbortController()
    const fetch = ((_url: string, init: RequestInit) => {
      fetchSignal = init.signal ?? undefined
      return new Promise<Response>((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )
    }) as typeof globalThis.fetch
    const call = settle(
      makeTransport({ fetch }).request({
        method: 'GET',
        path: '/items',
        options: { signal: controller.signal },
      }),
    )
    await vi.advanceTimersByTimeAsync(10)
    controller.abort()
    const { error } = await call
    expect(error).toBeInstanceOf(AbortError)
    expect(fetchSignal?.aborted).toBe(true)
  })

  it('the overall deadline stops retries and waits', async () => {
    counted(() => new HttpResponse(null, { status: 503, headers: { 'retry-after': '20' } }))
    const { error } = await settle(
      makeTransport({ maxRetries: 10 }).request({
        method: 'GET',
        path: '/items',
        options: { deadline: 5000 },
      }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect((error as TimeoutError).message).toContain('Deadline')
  })
})
