// Four Node processes behind one IP share a budget through Redis, against a simulator that enforces the
// per-IP limit: a burst of 10x the limit must lose no call, draw no more 429s than one process alone,
// and end within 1.10x of the least time the limit allows. Runs on its own, after the parallel suite
// (package.json "test"), so the four processes time the burst and not the rest of the suite.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createNutanSimulator, createNutshellSimulator } from '@x/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../redis-server'
import type { BurstJob, BurstResult } from '../workers/burst'

const run = promisify(execFile)
const WORKER = fileURLToPath(new URL('../workers/burst.ts', import.meta.url))

/** The scaled-down per-IP limit: Nutan's 100 a minute would make a 10x burst last nine minutes. */
const LIMIT = 10
const WINDOW_MS = 1000
const BURST = 10 * LIMIT
const PROCESSES = 4
/** The last of ⌈calls ÷ limit⌉ fixed windows opens (⌈calls ÷ limit⌉ − 1) windows after the first. */
const IDEAL_MS = (Math.ceil(BURST / LIMIT) - 1) * WINDOW_MS

let redis: RedisServer
beforeAll(async () => {
  redis = await startRedisServer()
}, 600_000)
afterAll(() => redis?.stop())

type Api = BurstJob['api']

function simulator(api: Api) {
  if (api === 'nutan') {
    // Nutan's own per-IP tiers, the minute scaled to a second; every process counts against them.
    const sim = createNutanSimulator({
      rateLimits: { globalPerMinute: LIMIT, strictPerMinute: Infinity, windowMs: WINDOW_MS },
    })
    return { sim, credentials: () => ({ accessToken: sim.issueTokens().access_token }) }
  }
  // Nutshell publishes no limit; the simulator's fixed window stands in for the one it enforces.
  const sim = createNutshellSimulator({ faults: { rateLimit: { limit: LIMIT, windowMs: WINDOW_MS } } })
  return { sim, credentials: () => ({ email: sim.credentials.email, apiKey: sim.credentials.apiKey }) }
}

interface Burst {
  results: BurstResult[]
  failed: number
  rateLimited: number
  totalMs: number
}

/** Runs `processes` workers that fire `BURST` calls between them at one moment, each with `limiter`. */
async function burst(
  api: Api,
  processes: number,
  limiter: BurstJob['limiter'],
  during?: (startAt: number) => Promise<void>,
): Promise<Burst> {
  const { sim, credentials } = simulator(api)
  const server = await sim.listen()
  try {
    const startAt = Date.now() + 2500 // time for every process to start and connect
    const jobs = Array.from({ length: processes }, (_, i): BurstJob => {
      const share = Math.floor(BURST / processes) + (i < BURST % processes ? 1 : 0)
      return { api, url: server.url, credentials: credentials(), calls: share, startAt, limiter }
    })
    const running = jobs.map((job) =>
      run(process.execPath, [WORKER, JSON.stringify(job)], { timeout: 120_000 }).then(
        ({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as BurstResult,
      ),
    )
    await during?.(startAt)
    const results = await Promise.all(running)
    return {
      results,
      failed: results.reduce((n, r) => n + r.failed, 0),
      rateLimited: results.reduce((n, r) => n + r.rateLimited, 0),
      totalMs: Math.max(...results.map((r) => r.endedAt)) - startAt,
    }
  } finally {
    await server.close()
  }
}

const describeBurst = (api: Api, limit: number | 'adaptive', what: string) =>
  describe(`${what}: ${PROCESSES} processes, one budget on Redis`, () => {
    const interval = limit === 'adaptive' ? undefined : WINDOW_MS
    let alone: Burst

    beforeAll(async () => {
      alone = await burst(api, 1, { kind: 'local', limit, ...(interval ? { interval } : {}) })
    }, 120_000)

    it('one process alone gets every call through (the figures the team is held to)', () => {
      expect(alone.failed).toBe(0)
      console.info(
        `${what}, one process: ${alone.rateLimited} 429s, ${(alone.totalMs / IDEAL_MS).toFixed(2)}x ideal`,
      )
    })

    it(`a burst of 10x the limit: 0 failed, no more 429s than one process alone, within 1.10x of ideal`, async () => {
      const key = `x-test:${api}:${Date.now()}`
      const team = await burst(api, PROCESSES, {
        kind: 'redis',
        redisUrl: redis.url,
        key,
        limit,
        ...(interval ? { interval } : {}),
      })
      console.info(
        `${what}, ${PROCESSES} processes: ${team.failed} failed, ${team.rateLimited} 429s, ` +
          `${(team.totalMs / IDEAL_MS).toFixed(2)}x ideal (${team.totalMs} ms)`,
      )
      expect(team.results.flatMap((r) => r.errors)).toEqual([])
      expect(team.failed).toBe(0)
      expect(team.rateLimited).toBeLessThanOrEqual(alone.rateLimited)
      // A shared budget equal to the server's limit, each window ending one window after the answer
      // that opened it: no call reaches the server before its window ends.
      if (limit !== 'adaptive') expect(team.rateLimited).toBe(0)
      expect(team.totalMs).toBeLessThanOrEqual(IDEAL_MS * 1.1)
    }, 120_000)
  })

describeBurst('nutan', LIMIT, "Nutan's global tier")
describeBurst('nutshell', 'adaptive', "Nutshell's adaptive pause")

describe('Redis stopped mid-run', () => {
  it("every process falls back to its own budget, says so once, and loses no call ('local')", async () => {
    let stoppedAt = 0
    const team = await burst(
      'nutan',
      PROCESSES,
      {
        kind: 'redis',
        redisUrl: redis.url,
        key: `x-test:outage:${Date.now()}`,
        limit: LIMIT,
        interval: WINDOW_MS,
      },
      async (startAt) => {
        await new Promise((resolve) => setTimeout(resolve, startAt - Date.now() + 3 * WINDOW_MS))
        await redis.stop()
        stoppedAt = Date.now()
      },
    )
    await redis.restart()
    console.info(
      `Redis stopped after 3 s: ${team.failed} failed, ${team.rateLimited} 429s, ${team.totalMs} ms`,
    )
    expect(team.results.flatMap((r) => r.errors)).toEqual([])
    expect(team.failed).toBe(0)
    // A process still calling well after Redis went away told its hooks once; one that had got all its
    // calls through before (the processes share the windows, not always evenly) had nothing to tell.
    const told = team.results.map((r) => ({
      calling: r.endedAt > stoppedAt + 500,
      fallbacks: r.notices.filter((type) => type === 'limiter.fallback').length,
    }))
    expect(told.filter((t) => t.calling).length).toBeGreaterThan(0)
    for (const t of told) {
      if (t.calling) expect(t.fallbacks).toBe(1)
      else expect(t.fallbacks).toBeLessThanOrEqual(1)
    }
  }, 120_000)
})
