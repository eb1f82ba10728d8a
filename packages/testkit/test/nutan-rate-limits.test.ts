import { describe, expect, it } from 'vitest'
import { nutanHarness } from './nutan-harness'

describe('Nutan simulator: rate tiers', () => {
  it('counts down RateLimit-Remaining and answers 429 with Retry-After once the window is spent', async () => {
    const sim = nutanHarness({ rateLimits: { globalPerMinute: 3 } })
    const remaining: Array<string | null> = []
    for (let i = 0; i < 3; i++) {
      const res = await sim.call('GET', '/contacts?limit=1')
      expect(res.status).toBe(200)
      expect(res.headers.get('ratelimit-limit')).toBe('3')
      remaining.push(res.headers.get('ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])

    sim.clock.now += 20_000
    const limited = await sim.call('GET', '/contacts?limit=1')
    expect(limited.status).toBe(429)
    expect(limited.body).toMatchObject({ error: 'rate_limited' })
    expect(limited.headers.get('retry-after')).toBe('40')
    expect(limited.headers.get('ratelimit-reset')).toBe('40')

    sim.clock.now += 40_000
    expect((await sim.call('GET', '/contacts?limit=1')).status).toBe(200)
  })

  it('a shorter `windowMs` scales the per-IP minute down, for tests that must not wait minutes', async () => {
    const sim = nutanHarness({ rateLimits: { globalPerMinute: 2, windowMs: 1000 } })
    expect((await sim.call('GET', '/contacts?limit=1')).status).toBe(200)
    sim.clock.now += 400
    expect((await sim.call('GET', '/contacts?limit=1')).status).toBe(200)
    const limited = await sim.call('GET', '/contacts?limit=1')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(limited.headers.get('ratelimit-policy')).toBe('2;w=1')
    sim.clock.now += 600
    expect((await sim.call('GET', '/contacts?limit=1')).status).toBe(200)
  })

  it('limits auth and sync on the strict tier without blocking other endpoints', async () => {
    const sim = nutanHarness({ rateLimits: { globalPerMinute: 100, strictPerMinute: 2 } })
    const push = () => sim.call('POST', '/sync', { body: { upserts: { settings: [{ id: 's' }] } } })
    expect((await push()).headers.get('ratelimit-remaining')).toBe('1')
    expect((await push()).status).toBe(200)
    const limited = await push()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('ratelimit-limit')).toBe('2')
    const token = await sim.call('POST', '/auth/token', {
      token: null,
      body: { grant_type: 'refresh_token' },
    })
    expect(token.status).toBe(429)

    const list = await sim.call('GET', '/deals')
    expect(list.status).toBe(200)
    expect(list.headers.get('ratelimit-limit')).toBe('100')
  })

  it('puts rate headers on error responses too', async () => {
    const sim = nutanHarness({ rateLimits: { globalPerMinute: 10 } })
    for (const res of [
      await sim.call('GET', '/contacts', { token: null }),
      await sim.call('GET', '/nothing-here'),
    ]) {
      expect(res.headers.get('ratelimit-remaining')).not.toBeNull()
      expect(res.headers.get('x-request-id')).toMatch(/^req_/)
    }
  })

  it('sends no rate headers when both tiers are off (Infinity)', async () => {
    const sim = nutanHarness()
    const res = await sim.call('GET', '/contacts')
    expect(res.headers.get('ratelimit-limit')).toBeNull()
  })
})
