// Section 3: a burst of 10×N calls against a simulator that allows N per window: how many fail, how
// many 429s it took, and how long it ran compared with the least time the limit allows.
import ky from 'ky'
import OpenAI from 'openai'
import { startServer } from './process.ts'
import { loadPackage, nutanClient, nutshellClient } from './sdk.ts'

/** The simulated server limit and the burst size. */
export interface RateLimitConfig {
  limit: number
  windowMs: number
  /** Calls fired at once, as a multiple of `limit`. */
  burstFactor: number
}

/** One client's run. */
export interface RateLimitRow {
  client: string
  kind: 'sdk' | 'alternative'
  api: 'nutshell' | 'nutan'
  calls: number
  failed: number
  /** 429 answers the client received (and, where it could, waited out and retried). */
  rateLimited: number
  totalMs: number
  idealMs: number
  /** totalMs ÷ idealMs: 1.00 is as fast as the limit allows. */
  ratio: number
  error?: string
}

interface Scenario {
  client: string
  kind: RateLimitRow['kind']
  api: RateLimitRow['api']
  /** Builds a caller that makes one list call through `fetch` (which counts 429s). */
  setup(
    url: string,
    info: Record<string, string>,
    fetch: typeof globalThis.fetch,
    cfg: RateLimitConfig,
  ): Promise<() => Promise<unknown>>
}

interface LimiterFactories {
  createRateLimiter(o: { limit: number; interval: number }): unknown
  createAdaptiveLimiter(): unknown
}
const core = async () => (await loadPackage('@x/core')) as unknown as LimiterFactories

const SCENARIOS: Scenario[] = [
  {
    client: 'NutshellClient (defaults: adaptive on 429)',
    kind: 'sdk',
    api: 'nutshell',
    async setup(url, info, fetch) {
      const ns = await nutshellClient(url, { email: info.email, apiKey: info.apiKey, fetch })
      return () => Promise.resolve(ns.leads.list({ limit: 10 }))
    },
  },
  {
    client: 'NutanClient (client budget = the server limit)',
    kind: 'sdk',
    api: 'nutan',
    async setup(url, info, fetch, cfg) {
      const global = (await core()).createRateLimiter({ limit: cfg.limit, interval: cfg.windowMs })
      const nutan = await nutanClient(url, { accessToken: info.accessToken, fetch, limiter: { global } })
      return () => Promise.resolve(nutan.contacts.list({ limit: 10 }))
    },
  },
  {
    client: 'NutanClient (no client budget: adaptive on 429)',
    kind: 'sdk',
    api: 'nutan',
    async setup(url, info, fetch) {
      const global = (await core()).createAdaptiveLimiter()
      const nutan = await nutanClient(url, { accessToken: info.accessToken, fetch, limiter: { global } })
      return () => Promise.resolve(nutan.contacts.list({ limit: 10 }))
    },
  },
  {
    client: 'openai generic client (defaults)',
    kind: 'alternative',
    api: 'nutshell',
    async setup(url, info, fetch) {
      const client = new OpenAI({
        apiKey: 'x',
        baseURL: url,
        fetch,
        defaultHeaders: { authorization: `Basic ${btoa(`${info.email}:${info.apiKey}`)}` },
      })
      return () => client.get('/rest/leads', { query: { 'page[page]': 0, 'page[limit]': 10 } })
    },
  },
  {
    client: 'ky (defaults)',
    kind: 'alternative',
    api: 'nutshell',
    async setup(url, info, fetch) {
      const client = ky.create({
        baseUrl: url,
        fetch,
        headers: { authorization: `Basic ${btoa(`${info.email}:${info.apiKey}`)}` },
      })
      return () => client.get('rest/leads', { searchParams: { 'page[page]': 0, 'page[limit]': 10 } }).json()
    },
  },
]

/** Runs each scenario against a fresh simulator process (so each starts with a fresh window). */
export async function runRateLimit(
  cfg: RateLimitConfig,
  log: (line: string) => void = () => {},
): Promise<RateLimitRow[]> {
  const calls = cfg.limit * cfg.burstFactor
  // A fixed window opens at its first request: the last of ⌈calls/N⌉ windows opens (⌈calls/N⌉ − 1) windows in.
  const idealMs = (Math.ceil(calls / cfg.limit) - 1) * cfg.windowMs
  const rows: RateLimitRow[] = []
  for (const scenario of SCENARIOS) {
    const base = { client: scenario.client, kind: scenario.kind, api: scenario.api, calls, idealMs }
    let server: Awaited<ReturnType<typeof startServer>> | undefined
    try {
      server = await startServer('sim-server.ts', [
        '--api',
        scenario.api,
        '--limit',
        String(cfg.limit),
        '--window-ms',
        String(cfg.windowMs),
      ])
      let rateLimited = 0
      const counting: typeof fetch = async (input, init) => {
        const res = await fetch(input, init)
        if (res.status === 429) rateLimited++
        return res
      }
      const call = await scenario.setup(server.url, server.info, counting, cfg)
      const began = performance.now()
      const results = await Promise.allSettled(Array.from({ length: calls }, () => call()))
      const totalMs = performance.now() - began
      const failures = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[]
      const firstFailure = failures[0]?.reason as Error | undefined
      // The message names the server's random port; keep what failed, not where.
      const failure =
        firstFailure &&
        `${firstFailure.name}: ${firstFailure.message}`.replace(/:? *(GET|PATCH) https?:\/\/\S+/, '')
      rows.push({
        ...base,
        failed: failures.length,
        rateLimited,
        totalMs,
        ratio: totalMs / idealMs,
        ...(failure ? { error: failure.slice(0, 120) } : {}),
      })
    } catch (error) {
      rows.push({
        ...base,
        failed: Number.NaN,
        rateLimited: Number.NaN,
        totalMs: Number.NaN,
        ratio: Number.NaN,
        error: (error as Error).message.split('\n')[0],
      })
    } finally {
      await server?.close()
    }
    log(`  ${scenario.client}: done`)
  }
  return rows
}
