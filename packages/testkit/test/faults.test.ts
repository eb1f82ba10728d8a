import { afterEach, describe, expect, test, vi } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { REST, rest } from './helpers'

afterEach(() => {
  vi.useRealTimers()
})

describe('rate limit window', () => {
  test('allows exactly `limit` requests per window, then 429 with Retry-After, retry-after-ms and RateLimit-*', async () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const sim = createNutshellSimulator({ faults: { rateLimit: { limit: 3, windowMs: 1000 } } })
    const remaining: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const reply = await rest(sim, 'GET', '/leads?page[limit]=1')
      expect(reply.status).toBe(200)
      remaining.push(reply.headers.get('ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    vi.advanceTimersByTime(400)
    const limited = await rest(sim, 'GET', '/leads?page[limit]=1')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after-ms')).toBe('600')
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(limited.headers.get('ratelimit-limit')).toBe('3')
    expect(limited.headers.get('ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('ratelimit-reset')).toBe('1')
    expect(limited.body).toEqual({ code: 429, message: 'Too Many Requests' })
    vi.advanceTimersByTime(599)
    expect((await rest(sim, 'GET', '/users')).headers.get('retry-after-ms')).toBe('1')
    vi.advanceTimersByTime(1)
    const next = await rest(sim, 'GET', '/users')
    expect(next.status).toBe(200)
    expect(next.headers.get('ratelimit-remaining')).toBe('2')
  })

  test('rejected requests do not use up the next window', async () => {
    vi.useFakeTimers({ now: 0 })
    const sim = createNutshellSimulator({ faults: { rateLimit: { limit: 2, windowMs: 100 } } })
    const statuses: number[] = []
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) statuses.push((await rest(sim, 'GET', '/tags')).status)
      vi.advanceTimersByTime(100)
    }
    expect(statuses).toEqual([200, 200, 429, 429, 200, 200, 429, 429, 200, 200, 429, 429])
  })
})

describe('injected errors', () => {
  test("error.at fails exactly those (1-based) requests with Nutshell's JSON error body", async () => {
    const sim = createNutshellSimulator({ faults: { error: { at: [2, 4] } } })
    const statuses: number[] = []
    let failed: unknown
    for (let i = 0; i < 5; i++) {
      const reply = await rest(sim, 'GET', '/users')
      statuses.push(reply.status)
      if (reply.status !== 200) failed = reply.body
    }
    expect(statuses).toEqual([200, 503, 200, 503, 200])
    expect(failed).toEqual({ code: 503, message: 'Service Unavailable' })
    expect(sim.requests.map((entry) => entry.status)).toEqual(statuses)
  })

  test('error bodies can be the JSON string "Internal Error" or an HTML page; status is configurable', async () => {
    const sim = createNutshellSimulator({ faults: { error: { at: [1], status: 500, body: 'string' } } })
    const string = await rest(sim, 'GET', '/users')
    expect(string.status).toBe(500)
    expect(string.body).toBe('Internal Error')
    expect(string.headers.get('x-nutshell-request-id')).toBeTruthy()
    sim.faults.set({ error: { at: [2], status: 502, body: 'html' } })
    const html = await rest(sim, 'GET', '/users')
    expect(html.status).toBe(502)
    expect(html.headers.get('content-type')).toContain('text/html')
  })

  test('match limits a fault to a method and path', async () => {
    const sim = createNutshellSimulator({
      faults: { error: { rate: 1, match: { method: 'POST', path: '/rest/notes' } } },
    })
    expect((await rest(sim, 'GET', '/notes')).status).toBe(200)
    const note = { data: { body: 'x', links: { parent: '1-contacts' } } }
    expect((await rest(sim, 'POST', '/notes', { body: note })).status).toBe(503)
    expect((await rest(sim, 'POST', '/contacts', { body: { contacts: [{ name: 'Y' }] } })).status).toBe(200)
  })

  test('rate-based faults are reproducible for a seed', async () => {
    const run = async (seed: number) => {
      const sim = createNutshellSimulator({ faults: { seed, error: { rate: 0.4 } } })
      const statuses: number[] = []
      for (let i = 0; i < 30; i++) statuses.push((await rest(sim, 'GET', '/tags')).status)
      return statuses
    }
    const first = await run(5)
    expect(await run(5)).toEqual(first)
    expect(first).toContain(503)
    expect(first).toContain(200)
    expect(await run(6)).not.toEqual(first)
  })

  test('html.at answers an HTML error page', async () => {
    const sim = createNutshellSimulator({ faults: { html: { at: [1], status: 404 } } })
    const reply = await rest(sim, 'GET', '/leads')
    expect(reply.status).toBe(404)
    expect(reply.text).toMatch(/^<!DOCTYPE html>/)
  })
})

describe('connection faults', () => {
  test('a dropped connection rejects the in-process fetch with TypeError("fetch failed") and logs status 0', async () => {
    const sim = createNutshellSimulator({ faults: { drop: { at: [1] } } })
    await expect(rest(sim, 'GET', '/leads')).rejects.toThrow(new TypeError('fetch failed'))
    expect((await rest(sim, 'GET', '/leads')).status).toBe(200)
    expect(sim.requests.map((entry) => entry.status)).toEqual([0, 200])
  })

  test('a truncated response is a 200 whose body is cut in half', async () => {
    const sim = createNutshellSimulator({ faults: { truncate: { at: [2] } } })
    const whole = await rest(sim, 'GET', '/leads/1001-leads')
    const cut = await rest(sim, 'GET', '/leads/1001-leads')
    expect(cut.status).toBe(200)
    expect(cut.text.length).toBe(Math.floor(whole.text.length / 2))
    expect(() => JSON.parse(cut.text)).toThrow()
  })

  test('latency delays the answer by the configured time (on the global timers)', async () => {
    vi.useFakeTimers()
    const sim = createNutshellSimulator({ faults: { latencyMs: 500 } })
    let settled = false
    const pending = rest(sim, 'GET', '/users').then((reply) => {
      settled = true
      return reply
    })
    await vi.advanceTimersByTimeAsync(499)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect((await pending).status).toBe(200)
  })

  test('aborting a request during latency rejects it with the abort reason', async () => {
    vi.useFakeTimers()
    const sim = createNutshellSimulator({ faults: { latencyMs: { min: 1000, max: 2000 } } })
    const controller = new AbortController()
    const pending = sim.fetch(`${REST}/users`, { signal: controller.signal })
    const outcome = expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    controller.abort()
    await outcome
  })
})

describe('fault controller', () => {
  test('next() injects one-off faults on the next matching requests, in order', async () => {
    const sim = createNutshellSimulator()
    sim.faults.next({ status: 503 })
    sim.faults.next({ status: 429, retryAfterMs: 20 })
    sim.faults.next({ drop: true, match: { method: 'POST' } })
    expect(sim.faults.pending).toBe(3)
    expect((await rest(sim, 'GET', '/users')).status).toBe(503)
    const limited = await rest(sim, 'GET', '/users')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after-ms')).toBe('20')
    expect(limited.headers.get('retry-after')).toBe('1')
    expect((await rest(sim, 'GET', '/users')).status).toBe(200)
    const dropped = rest(sim, 'POST', '/contacts', { body: { contacts: [{ name: 'Dropped Person' }] } })
    await expect(dropped).rejects.toThrow('fetch failed')
    expect(sim.faults.pending).toBe(0)
    // The connection dropped before the server acted: nothing was created.
    expect((await rest(sim, 'GET', '/contacts?q=dropped%20person')).body.meta.total).toBe(0)
  })

  test('clear() removes faults; reset() restores the faults the simulator was created with', async () => {
    const sim = createNutshellSimulator({ faults: { error: { rate: 1 } } })
    expect((await rest(sim, 'GET', '/users')).status).toBe(503)
    sim.faults.clear()
    expect(sim.faults.options).toEqual({})
    expect((await rest(sim, 'GET', '/users')).status).toBe(200)
    sim.reset()
    expect((await rest(sim, 'GET', '/users')).status).toBe(503)
  })

  test('the request log records method, path and status, for counting calls', async () => {
    const sim = createNutshellSimulator()
    await rest(sim, 'GET', '/leads?page[limit]=1')
    await rest(sim, 'POST', '/leads/1001-leads/reopen')
    expect(sim.requests).toEqual([
      { method: 'GET', path: '/rest/leads', status: 200 },
      { method: 'POST', path: '/rest/leads/1001-leads/reopen', status: 200 },
    ])
  })
})
