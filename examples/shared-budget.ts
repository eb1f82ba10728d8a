// Two worker processes behind one IP share Nutan's per-IP budget through Redis: together they stay under
// it, so neither draws a 429, where two processes with budgets of their own would each spend it in full.
// Runs on a loopback Nutan simulator whose minute is scaled down to a second (20 calls a second), so it
// takes seconds; set NUTAN_ACCESS_TOKEN to run a few calls against your real account at Nutan's 100 a minute.
//
//   REDIS_URL=redis://127.0.0.1:6379 .toolchain/node_modules/.bin/node examples/shared-budget.ts
import { fork } from 'node:child_process'
import { NutanClient } from '@x/nutan'
import { createRedisLimiter } from '@x/redis-limiter'
import { createNutanSimulator } from '@x/testkit'
import { Redis } from 'ioredis'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const live = Boolean(process.env.NUTAN_ACCESS_TOKEN)
const budget = live ? { limit: 100, interval: 60_000 } : { limit: 20, interval: 1000 }
const CALLS_PER_WORKER = live ? 5 : 30

/** One worker: its own Redis connection and client, the team's budget on the key `nutan:global`. */
async function worker(name: string, baseUrl: string | undefined, accessToken: string): Promise<void> {
  // Fail fast while Redis is down (the limiter then keeps to this process's own budget and says so).
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  redis.on('error', () => {})
  let rateLimited = 0
  const nutan = new NutanClient({
    accessToken,
    ...(baseUrl ? { baseUrl } : {}),
    limiter: { global: createRedisLimiter({ redis, key: 'nutan:global', ...budget }) },
    hooks: {
      onRetry: (event) => {
        if (event.status === 429) rateLimited++
      },
      // Said once per outage when Redis cannot be reached (each wait for the budget is a notice too).
      onNotice: (event) => {
        if (event.type === 'limiter.fallback') console.log(`${name}: ${event.message}`)
      },
    },
  })
  await new Promise((resolve) => redis.once('ready', resolve))
  const began = Date.now()
  const pages = await Promise.all(
    Array.from({ length: CALLS_PER_WORKER }, () => Promise.resolve(nutan.contacts.list({ limit: 5 }))),
  )
  const seconds = ((Date.now() - began) / 1000).toFixed(1)
  console.log(`${name}: ${pages.length} calls in ${seconds} s, ${rateLimited} answered 429`)
  redis.disconnect()
}

/** Starts the simulator (unless live) and two workers, and waits for both. */
async function main(): Promise<void> {
  const sim = live
    ? undefined
    : createNutanSimulator({ rateLimits: { globalPerMinute: budget.limit, windowMs: budget.interval } })
  const server = await sim?.listen()
  const env = {
    ...process.env,
    EXAMPLE_BASE_URL: server ? `${server.url}/v1` : '',
    EXAMPLE_TOKEN: sim?.issueTokens().access_token ?? process.env.NUTAN_ACCESS_TOKEN ?? '',
  }
  const workers = ['worker 1', 'worker 2'].map(
    (name) =>
      new Promise<void>((resolve, reject) => {
        fork(new URL(import.meta.url), ['worker', name], { env })
          .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))))
          .on('error', reject)
      }),
  )
  await Promise.all(workers)
  const served = sim?.requests.filter((r) => r.path.endsWith('/contacts')) ?? []
  if (sim)
    console.log(
      `the server answered ${served.filter((r) => r.status === 429).length} of ${served.length} with 429`,
    )
  await server?.close()
}

if (process.argv[2] === 'worker') {
  await worker(
    process.argv[3] ?? 'worker',
    process.env.EXAMPLE_BASE_URL || undefined,
    process.env.EXAMPLE_TOKEN ?? '',
  )
} else {
  await main()
}
