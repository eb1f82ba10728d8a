// The Redis limiter against a real redis-server, with both clients it takes: one budget for every
// limiter on a key, a 429's pause shared, waits that end on abort and deadline, and both policies for
// an unreachable Redis. Real time: Redis's windows and expiries run on its own clock.
import {
  InputValidationError,
  type Limiter,
  LimiterUnavailableError,
  type NoticeEvent,
  TimeoutError,
} from '@x/core'
import { NutanClient, type NutanClientOptions } from '@x/nutan'
import { createNutanSimulator } from '@x/testkit'
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisLimiter, type RedisClient } from '../src'
import { freePort, type RedisServer, startRedisServer } from './redis-server'

let server: RedisServer
const clients: Array<{ close(): unknown }> = []

beforeAll(async () => {
  server = await startRedisServer()
}, 600_000)
afterAll(async () => {
  for (const client of clients) await client.close()
  await server?.stop()
})

async function ioredis(url = server.url): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true })
  client.on('error', () => {})
  clients.push({ close: () => client.disconnect() })
  await client.connect().catch(() => {})
  return client
}

async function nodeRedis(url = server.url): Promise<RedisClient> {
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: 100 } })
  client.on('error', () => {})
  clients.push({
    close: () => {
      if (client.isOpen) client.destroy()
    },
  })
  await client.connect()
  return client
}

/** A NutanClient with `options` on a loopback Nutan simulator (no budget of its own on strict calls unless given). */
async function withNutan(
  simulator: Parameters<typeof createNutanSimulator>[0],
  options: Omit<NutanClientOptions, 'accessToken'>,
  run: (nutan: NutanClient, sim: ReturnType<typeof createNutanSimulator>) => Promise<void>,
): Promise<void> {
  const sim = createNutanSimulator(simulator)
  const { url, close } = await sim.listen()
  try {
    await run(
      new NutanClient({ accessToken: sim.issueTokens().access_token, baseUrl: `${url}/v1`, ...options }),
      sim,
    )
  } finally {
    await close()
  }
}

const uniqueKey = (name: string) => `x-test:${name}:${Date.now()}:${Math.random().toString(36).slice(2)}`

/** Schedules `n` calls on `limiter` at once; resolves with each call's start, in ms from now. */
async function starts(limiter: Limiter, n: number, began = Date.now()): Promise<number[]> {
  return Promise.all(Array.from({ length: n }, () => limiter.schedule(async () => Date.now() - began)))
}

describe('options are checked before anything is sent', () => {
  it.each([
    ['redis', { redis: {}, key: 'k', limit: 1, interval: 1000 }],
    ['key', { key: ' ', limit: 1, interval: 1000 }],
    ['limit', { key: 'k', limit: 0, interval: 1000 }],
    ['limit', { key: 'k', limit: 2.5, interval: 1000 }],
    ['interval', { key: 'k', limit: 5 }],
    ['interval', { key: 'k', limit: 5, interval: 1500 }],
    ['interval', { key: 'k', limit: 'adaptive', interval: 1000 }],
    ['whenRedisFails', { key: 'k', limit: 5, interval: 1000, whenRedisFails: 'open' }],
    ['redisTimeout', { key: 'k', limit: 5, interval: 1000, redisTimeout: 0 }],
  ])('a bad %s is named', async (field, options) => {
    const redis = new Redis({ lazyConnect: true })
    const error = (() => {
      try {
        createRedisLimiter({ redis, ...options } as never)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe(field)
    redis.disconnect()
  })
})

describe.each([
  ['ioredis', () => ioredis()],
  ['node-redis', () => nodeRedis()],
])('with %s', (_name, connect) => {
  it('every limiter on one key is one budget, as two processes sharing it would be', async () => {
    const key = uniqueKey('budget')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 3, interval: 1000 })
    const b = createRedisLimiter({ redis: await connect(), key, limit: 3, interval: 1000 })
    const began = Date.now()
    const all = (await Promise.all([starts(a, 4, began), starts(b, 4, began)])).flat().sort((x, y) => x - y)
    expect(all.filter((t) => t < 1000)).toHaveLength(3)
    expect(all.filter((t) => t >= 1000 && t < 2000)).toHaveLength(3)
    expect(all.filter((t) => t >= 2000)).toHaveLength(2)
  }, 10_000)

  it("a window ends one window after the answer to the call that opened it, so the next never leads the server's", async () => {
    const limiter = createRedisLimiter({
      redis: await connect(),
      key: uniqueKey('anchor'),
      limit: 1,
      interval: 1000,
    })
    const began = Date.now()
    const first = limiter.schedule(() => new Promise((resolve) => setTimeout(resolve, 300)))
    const second = limiter.schedule(async () => Date.now() - began)
    await first
    expect(await second).toBeGreaterThanOrEqual(1290)
  }, 10_000)

  it("a 429's wait in one process holds every process sharing the key, and says so", async () => {
    const key = uniqueKey('pause')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 100, interval: 1000 })
    const b = createRedisLimiter({ redis: await connect(), key, limit: 100, interval: 1000 })
    a.pause?.(600)
    await new Promise((resolve) => setTimeout(resolve, 50)) // the pause reaches Redis
    const waits: string[] = []
    const began = Date.now()
    const started = await b.schedule(async () => Date.now() - began, undefined, {
      onWait: (wait) => waits.push(wait.reason),
    })
    expect(started).toBeGreaterThanOrEqual(500)
    expect(waits).toEqual(['server-pause'])
  })

  it('after a pause the budget opens a fresh window when the pause ends, in step with the server', async () => {
    const key = uniqueKey('rephase')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 2, interval: 1000 })
    const b = createRedisLimiter({ redis: await connect(), key, limit: 2, interval: 1000 })
    const began = Date.now()
    await starts(a, 2, began) // the window is spent
    a.pause?.(300) // and the server's ends sooner than ours would
    await new Promise((resolve) => setTimeout(resolve, 50))
    const after = (await Promise.all([starts(a, 1, began), starts(b, 2, began)])).flat().sort((x, y) => x - y)
    expect(after.filter((t) => t >= 280 && t < 900)).toHaveLength(2) // a fresh window of 2 at ~300 ms
    expect(after.filter((t) => t >= 1200)).toHaveLength(1) // the third waits for the window after it
  }, 10_000)

  it('an adaptive key paces every process at what got through before the first 429', async () => {
    const key = uniqueKey('adaptive')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 'adaptive' })
    const b = createRedisLimiter({ redis: await connect(), key, limit: 'adaptive' })
    await Promise.all([starts(a, 2), starts(b, 1)]) // three got through
    a.pause?.(400) // then a 429 named the rest of the window
    await new Promise((resolve) => setTimeout(resolve, 50))
    const began = Date.now()
    const all = (await Promise.all([starts(a, 4, began), starts(b, 3, began)])).flat().sort((x, y) => x - y)
    expect(all.filter((t) => t < 300)).toHaveLength(0) // the pause holds both
    expect(all.filter((t) => t < 1300)).toHaveLength(3) // then three per (whole-second) window
    expect(all.filter((t) => t >= 1300 && t < 2300)).toHaveLength(3)
    // The pace lasts a minute past its last paced call.
    const ttl = await (await ioredis()).pttl(`${key}:pace`)
    expect(ttl).toBeGreaterThan(55_000)
    expect(ttl).toBeLessThanOrEqual(60_000)
  }, 10_000)

  it('a later 429 keeps the pace when calls got through since it was learned', async () => {
    const key = uniqueKey('keep')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 'adaptive' })
    await starts(a, 4) // four got through
    a.pause?.(200)
    await new Promise((resolve) => setTimeout(resolve, 250))
    await starts(a, 1) // learns 4 a second; one more got through
    a.pause?.(200)
    await new Promise((resolve) => setTimeout(resolve, 250))
    const began = Date.now()
    const all = await starts(a, 5, began)
    expect(all.filter((t) => t < 900)).toHaveLength(4)
    expect(all.filter((t) => t >= 900)).toHaveLength(1)
  }, 10_000)

  it('a later 429 halves the pace when nothing got through since it was learned', async () => {
    const key = uniqueKey('halve')
    const a = createRedisLimiter({ redis: await connect(), key, limit: 'adaptive' })
    await starts(a, 4) // four got through
    a.pause?.(200)
    await new Promise((resolve) => setTimeout(resolve, 250))
    // Learns 4 a second; the call itself draws a 429 (it throws before it is counted) ...
    await a.schedule(() => Promise.reject(new Error('429'))).catch(() => undefined)
    a.pause?.(200) // ... so nothing got through before this pause
    await new Promise((resolve) => setTimeout(resolve, 250))
    const began = Date.now()
    const all = await starts(a, 3, began)
    expect(all.filter((t) => t < 900)).toHaveLength(2)
    expect(all.filter((t) => t >= 900)).toHaveLength(1)
  }, 10_000)
})

describe('waits end on abort and deadline', () => {
  it('an aborted wait rejects at once with the reason, and runs nothing', async () => {
    const limiter = createRedisLimiter({
      redis: await ioredis(),
      key: uniqueKey('abort'),
      limit: 1,
      interval: 5000,
    })
    await limiter.schedule(async () => 0)
    const controller = new AbortController()
    let ran = false
    const began = Date.now()
    const waiting = limiter
      .schedule(async () => {
        ran = true
      }, controller.signal)
      .catch((e: unknown) => e)
    setTimeout(() => controller.abort(new Error('stop')), 100)
    expect(await waiting).toEqual(new Error('stop'))
    expect(Date.now() - began).toBeLessThan(1000)
    expect(ran).toBe(false)
  })

  it('an aborted wait holds no slot: the next window goes to the next caller', async () => {
    const limiter = createRedisLimiter({
      redis: await ioredis(),
      key: uniqueKey('noqueue'),
      limit: 1,
      interval: 1000,
    })
    const began = Date.now()
    await limiter.schedule(async () => 0)
    const controller = new AbortController()
    const aborted = limiter.schedule(async () => 'ran', controller.signal).catch(() => 'aborted')
    setTimeout(() => controller.abort(), 100)
    expect(await aborted).toBe('aborted')
    const next = await limiter.schedule(async () => Date.now() - began)
    expect(next).toBeGreaterThanOrEqual(950)
    expect(next).toBeLessThan(1500)
  })

  it("an abort ends a wait for a server's pause at once", async () => {
    const limiter = createRedisLimiter({
      redis: await ioredis(),
      key: uniqueKey('pause-abort'),
      limit: 5,
      interval: 1000,
    })
    limiter.pause?.(3000)
    const began = Date.now()
    const outcome = await limiter
      .schedule(async () => 'ran', AbortSignal.timeout(150))
      .catch((e: unknown) => e)
    expect((outcome as Error).name).toBe('TimeoutError')
    expect(Date.now() - began).toBeLessThan(600)
  })

  it("a client's deadline ends a wait for the shared budget with a TimeoutError", async () => {
    const limiter = createRedisLimiter({
      redis: await ioredis(),
      key: uniqueKey('deadline'),
      limit: 1,
      interval: 5000,
    })
    const notices: NoticeEvent[] = []
    const options = {
      limiter: { global: limiter, strict: false as const },
      hooks: { onNotice: (event: NoticeEvent) => notices.push(event) },
    }
    await withNutan({}, options, async (nutan) => {
      await nutan.contacts.list({ limit: 1 })
      const began = Date.now()
      const error = await Promise.resolve(nutan.contacts.list({ limit: 1 }, { deadline: 300 })).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(TimeoutError)
      expect(Date.now() - began).toBeLessThan(1500)
      expect(notices.map((n) => [n.type, n.reason])).toEqual([['limiter.wait', 'budget']])
    })
  })
})

describe("Nutan's tiers on Redis", () => {
  it('a strict call spends a slot of both shared tiers, as with the in-process budgets; no 429', async () => {
    const redis = await ioredis()
    const global = createRedisLimiter({ redis, key: uniqueKey('global'), limit: 10, interval: 1000 })
    const strict = createRedisLimiter({ redis, key: uniqueKey('strict'), limit: 2, interval: 1000 })
    const tiers = { rateLimits: { globalPerMinute: 10, strictPerMinute: 2, windowMs: 1000 } }
    await withNutan(tiers, { limiter: { global, strict } }, async (nutan, sim) => {
      const began = Date.now()
      const pushed: number[] = []
      await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          nutan.sync
            .push({ upserts: { contacts: [{ id: `tier_${i}`, name: `Tier ${i}` }] } })
            .then(() => pushed.push(Date.now() - began)),
        ),
      )
      expect(pushed.filter((t) => t < 1000)).toHaveLength(2)
      expect(pushed.filter((t) => t >= 1000 && t < 2000)).toHaveLength(2)
      expect(sim.requests.filter((r) => r.status === 429)).toEqual([])
    })
  }, 10_000)
})

describe('when Redis cannot be reached', () => {
  async function unreachable(): Promise<Redis> {
    return ioredis(`redis://127.0.0.1:${await freePort()}`)
  }

  it("'local' (the default): calls keep to this process's own budget, and the client hears of it once", async () => {
    const notices: NoticeEvent[] = []
    const global = createRedisLimiter({
      redis: await unreachable(),
      key: uniqueKey('local'),
      limit: 2,
      interval: 1000,
    })
    const options = {
      limiter: { global, strict: false as const },
      hooks: { onNotice: (event: NoticeEvent) => notices.push(event) },
    }
    await withNutan({}, options, async (nutan) => {
      const began = Date.now()
      const done: number[] = []
      await Promise.all(
        Array.from({ length: 3 }, () =>
          Promise.resolve(nutan.contacts.list({ limit: 1 })).then(() => done.push(Date.now() - began)),
        ),
      )
      expect(done.filter((t) => t < 900)).toHaveLength(2) // the local budget: 2 a second
      const fallbacks = notices.filter((n) => n.type === 'limiter.fallback')
      expect(fallbacks).toHaveLength(1)
      expect(fallbacks[0]!.message).toMatch(/Redis is unreachable .* own budget/)
      expect(fallbacks[0]!.message).not.toMatch(/127\.0\.0\.1/)
    })
  })

  it("'reject': calls fail with LimiterUnavailableError, and none is sent", async () => {
    const global = createRedisLimiter({
      redis: await unreachable(),
      key: uniqueKey('reject'),
      limit: 2,
      interval: 1000,
      whenRedisFails: 'reject',
    })
    await withNutan({}, { limiter: { global, strict: false } }, async (nutan, sim) => {
      const error = await Promise.resolve(nutan.contacts.list({ limit: 1 })).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LimiterUnavailableError)
      expect((error as Error).message).toMatch(/was not sent/)
      expect(sim.requests.filter((e) => e.path.endsWith('/contacts'))).toHaveLength(0)
    })
  })

  it('a Redis that hangs counts as unreachable after redisTimeout; calls then skip it for a moment', async () => {
    const redis = await ioredis()
    const limiter = createRedisLimiter({
      redis,
      key: uniqueKey('hang'),
      limit: 50,
      interval: 1000,
      redisTimeout: 200,
    })
    const fallbacks: string[] = []
    const call = async () => {
      const began = Date.now()
      await limiter.schedule(async () => 'ok', undefined, { onFallback: (f) => fallbacks.push(f.message) })
      return Date.now() - began
    }
    await call()
    server.freeze()
    try {
      const first = await call()
      expect(first).toBeGreaterThanOrEqual(190)
      expect(first).toBeLessThan(600)
      expect(await call()).toBeLessThan(50) // within the outage: straight to the local budget
      expect(fallbacks).toHaveLength(1)
      expect(fallbacks[0]).toMatch(/no answer within 200 ms/)
      server.thaw()
      // Calls that keep coming do not put off trying Redis again: within about a second one finds it
      // back (the outage ends), so a second hang is a second outage, told again.
      for (let i = 0; i < 15; i++) {
        await call()
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      server.freeze()
      await call()
      expect(fallbacks).toHaveLength(2)
    } finally {
      server.thaw()
    }
  })

  it("'local' with an adaptive key falls back to this process's adaptive limiter", async () => {
    const limiter = createRedisLimiter({
      redis: await unreachable(),
      key: uniqueKey('adaptive-local'),
      limit: 'adaptive',
    })
    const fallbacks: string[] = []
    const ran = await Promise.all(
      Array.from({ length: 5 }, () =>
        limiter.schedule(async () => 'ran', undefined, { onFallback: (f) => fallbacks.push(f.message) }),
      ),
    )
    expect(ran).toEqual(Array(5).fill('ran'))
    expect(fallbacks).toHaveLength(1)
  })

  it('Redis stopped mid-run and started again: calls fail over to the local budget and back', async () => {
    const redis = await ioredis()
    const key = uniqueKey('outage')
    const limiter = createRedisLimiter({ redis, key, limit: 50, interval: 1000 })
    const fallbacks: string[] = []
    const call = () =>
      limiter.schedule(async () => 'ok', undefined, { onFallback: (f) => fallbacks.push(f.message) })
    expect(await call()).toBe('ok')
    await server.stop()
    expect(await Promise.all([call(), call()])).toEqual(['ok', 'ok'])
    expect(fallbacks).toHaveLength(1)
    await server.restart()
    await new Promise((resolve) => redis.once('ready', resolve))
    await new Promise((resolve) => setTimeout(resolve, 1000)) // the outage's pause before trying Redis again
    expect(await call()).toBe('ok')
    expect(fallbacks).toHaveLength(1) // back on Redis: no new notice
    // ... and the budget is shared again: a second process on the key gets only what is left of it.
    const other = createRedisLimiter({ redis: await ioredis(), key, limit: 50, interval: 1000 })
    const began = Date.now()
    const shared = await starts(other, 50, began)
    expect(shared.filter((t) => t < 900)).toHaveLength(49)
    await server.stop()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await call()
    expect(fallbacks).toHaveLength(2) // a second outage is told again
    await server.restart()
  }, 20_000)
})
