// One "process" of a team: a client that fires its share of a burst at a common moment and prints what
// happened as one JSON line. Run by processes/shared-budget.test.ts on the built packages (plain Node, no
// vitest).
// argv[2] is a JSON BurstJob.
import { createAdaptiveLimiter, createRateLimiter, type Limiter, type NoticeEvent } from '@x/core'
import { NutanClient } from '@x/nutan'
import { NutshellClient } from '@x/nutshell'
import { createRedisLimiter } from '@x/redis-limiter'
import { Redis } from 'ioredis'

export interface BurstJob {
  api: 'nutan' | 'nutshell'
  url: string
  credentials: Record<string, string>
  calls: number
  /** Epoch ms at which every process fires. */
  startAt: number
  /** `redis`: the shared limiter; `local`: this process's own (what one process alone uses). */
  limiter:
    | { kind: 'local'; limit: number | 'adaptive'; interval?: number }
    | {
        kind: 'redis'
        redisUrl: string
        key: string
        limit: number | 'adaptive'
        interval?: number
        whenRedisFails?: 'local' | 'reject'
      }
}

export interface BurstResult {
  ok: number
  failed: number
  errors: string[]
  rateLimited: number
  requests: number
  /** Epoch ms of the last call's end. */
  endedAt: number
  notices: string[]
}

const job = JSON.parse(process.argv[2] ?? '{}') as BurstJob
let rateLimited = 0
let requests = 0
const counting: typeof fetch = async (input, init) => {
  requests++
  const response = await fetch(input, init)
  if (response.status === 429) rateLimited++
  return response
}
const notices: string[] = []
const hooks = { onNotice: (event: NoticeEvent) => notices.push(event.type) }

let redis: Redis | undefined
let limiter: Limiter
if (job.limiter.kind === 'redis') {
  // A client that fails fast while Redis is down, as the README advises.
  redis = new Redis(job.limiter.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  redis.on('error', () => {})
  await new Promise((resolve) => redis!.once('ready', resolve))
  limiter = createRedisLimiter({
    redis,
    key: job.limiter.key,
    limit: job.limiter.limit,
    ...(job.limiter.interval ? { interval: job.limiter.interval } : {}),
    ...(job.limiter.whenRedisFails ? { whenRedisFails: job.limiter.whenRedisFails } : {}),
  })
} else {
  limiter =
    job.limiter.limit === 'adaptive'
      ? createAdaptiveLimiter()
      : createRateLimiter({ limit: job.limiter.limit, interval: job.limiter.interval ?? 1000 })
}

let call: () => Promise<unknown>
if (job.api === 'nutan') {
  const nutan = new NutanClient({
    accessToken: job.credentials.accessToken!,
    baseUrl: `${job.url}/v1`,
    fetch: counting,
    limiter: { global: limiter, strict: false },
    hooks,
  })
  call = () => Promise.resolve(nutan.contacts.list({ limit: 5 }))
} else {
  const ns = new NutshellClient({
    email: job.credentials.email!,
    apiKey: job.credentials.apiKey!,
    baseUrl: `${job.url}/rest`,
    fetch: counting,
    limiter,
    hooks,
  })
  call = () => Promise.resolve(ns.leads.list({ limit: 5 }))
}

await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.startAt - Date.now())))
const results = await Promise.allSettled(Array.from({ length: job.calls }, () => call()))
const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
const result: BurstResult = {
  ok: results.length - failures.length,
  failed: failures.length,
  errors: [...new Set(failures.map((f) => `${(f.reason as Error).name}: ${(f.reason as Error).message}`))],
  rateLimited,
  requests,
  endedAt: Date.now(),
  notices,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
redis?.disconnect()
process.exit(0)
