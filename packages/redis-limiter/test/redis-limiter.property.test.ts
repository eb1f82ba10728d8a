// Properties of the shared limiter that a careless or hostile setup tries to break, on a real Redis:
// however many processes and calls, a window never lets more than `limit` through; and the word of an
// outage never carries the Redis password, whatever it is.
import { LimiterUnavailableError } from '@x/core'
import fc from 'fast-check'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedisLimiter } from '../src'
import { freePort, type RedisServer, startRedisServer } from './redis-server'

let server: RedisServer
const connections: Redis[] = []
beforeAll(async () => {
  server = await startRedisServer()
}, 600_000)
afterAll(async () => {
  for (const c of connections) c.disconnect()
  await server?.stop()
})

async function connect(url: string): Promise<Redis> {
  const client = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true })
  client.on('error', () => {})
  connections.push(client)
  await client.connect().catch(() => {})
  return client
}

describe('a window never lets more than its limit through', () => {
  it('for any number of processes, calls and limit, and any key', async () => {
    const processes = await Promise.all(Array.from({ length: 4 }, () => connect(server.url)))
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
        // Keys that look like other keys' parts: separators, prefixes of ours, unicode, spaces.
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.constantFrom(':', 'pause', 'x:budget', '*', 'é €'),
        ),
        async (instances, limit, callsPer, rawKey) => {
          const key = `prop:${run++}:${rawKey}`
          if (!key.trim()) return
          const limiters = processes
            .slice(0, instances)
            .map((redis) => createRedisLimiter({ redis, key, limit, interval: 5000 }))
          const abort = new AbortController()
          let started = 0
          const calls = limiters.flatMap((limiter, i) =>
            Array.from({ length: callsPer[i % callsPer.length]! }, () =>
              limiter.schedule(async () => started++, abort.signal).catch(() => undefined),
            ),
          )
          await new Promise((resolve) => setTimeout(resolve, 60))
          abort.abort(new Error('done looking'))
          await Promise.all(calls)
          expect(started).toBeLessThanOrEqual(limit)
          expect(started).toBe(Math.min(limit, calls.length))
        },
      ),
      { numRuns: 40 },
    )
  }, 60_000)
})

describe('the word of an outage never carries the Redis password', () => {
  it("in the fallback notice ('local') and in LimiterUnavailableError ('reject')", async () => {
    const port = await freePort()
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 6, maxLength: 24 }).filter((p) => /^[A-Za-z0-9._~-]+$/.test(p)),
        fc.constantFrom('local' as const, 'reject' as const),
        async (password, whenRedisFails) => {
          const redis = await connect(`redis://:${password}@127.0.0.1:${port}`)
          const limiter = createRedisLimiter({ redis, key: 'k', limit: 5, interval: 1000, whenRedisFails })
          const told: string[] = []
          const outcome = await limiter
            .schedule(async () => 'ran', undefined, { onFallback: (f) => told.push(f.message) })
            .catch((e: unknown) => e)
          const said = JSON.stringify([
            told,
            outcome instanceof Error ? [outcome.message, String(outcome.cause)] : outcome,
          ])
          if (whenRedisFails === 'reject') expect(outcome).toBeInstanceOf(LimiterUnavailableError)
          else expect(outcome).toBe('ran')
          expect(said).not.toContain(password)
          redis.disconnect()
        },
      ),
      { numRuns: 60 },
    )
  }, 60_000)
})
