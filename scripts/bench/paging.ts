// Section 1: walking a large list from a server that answers each page after a delay (a real API's round
// trip), each walk in a fresh process: time against a hand-written loop over bare fetch, memory over the
// walk, and (under a server rate limit) failed calls. The SDK walks at several concurrencies; the peers
// walk with their own auto-pagination.
import { BENCH_DIR, errorLine, runJson, startServer } from './process.ts'

/** Size and shape of the walk. */
export interface PagingConfig {
  records: number
  /** Records per page, the same for every walker. */
  limit: number
  /** How long the server holds every answer. */
  latencyMs: number
  /** The SDK's `list(params, { concurrency })` values walked. */
  concurrencies: number[]
  /** The server limit of the rate-limited walks: `limit` requests per fixed window of `windowMs`. */
  rateLimit: { limit: number; windowMs: number; concurrency: number }
}

/** What one walk reports (see paging-walk.ts). */
interface WalkResult {
  walker: string
  records: number
  pages: number
  requests: number
  maxInFlight: number
  rateLimited: number
  elapsedMs: number
  recordsPerSecond: number
  heapFirstPage: number
  heapMaxRetained: number
  heapPeak: number
  rssFirstPage: number
  rssPeak: number
  error?: string
}

/** One walker's figures. */
export interface PagingRow {
  api: 'nutshell' | 'nutan'
  walker: 'sdk' | 'fetch' | 'peer'
  label: string
  /** `concurrency` asked of the SDK (1 for the loops and peers). */
  concurrency: number
  /** Walked against the rate-limited server. */
  rateLimited: boolean
  records: number
  seconds: number
  recordsPerSecond: number
  /** The most requests the walk had in flight at once (1 means it walked one page at a time). */
  maxInFlight: number
  /** 429 answers the walk received (and waited out). */
  tooManyRequests: number
  /** 0 when the walk got every page; 1 when a call failed and ended it. */
  failed: number
  /** Heap after a GC once the first page is in hand. */
  heapFirstPage: number
  /** Largest heap after a GC during the walk: what the walk holds on to. */
  heapMaxRetained: number
  /** Largest heap sampled at a page (includes garbage not yet collected). */
  heapPeak: number
  rssPeak: number
  /** Retained heap grew by less than FLAT_MARGIN over the walk. */
  flat: boolean
  /** The hand-written loop's time over this walk's, same API and run (1 for the loops; higher is faster). */
  speedup: number
  error?: string
}

/** Retained-heap growth under which a walk counts as bounded (holding 100,000 records takes >50 MB). */
export const FLAT_MARGIN = 5 * 1024 * 1024
/** The budget: the SDK at concurrency 8 walks at least this many times faster than the hand-written loop. */
export const SPEEDUP_BUDGET = 6

interface Walker {
  id: string
  api: PagingRow['api']
  walker: PagingRow['walker']
  label: string
  concurrency: number
  rateLimited: boolean
}

function walkers(cfg: PagingConfig): Walker[][] {
  const sdk = (api: PagingRow['api'], concurrency: number, rateLimited = false): Walker => ({
    id: `${api}-sdk`,
    api,
    walker: 'sdk',
    concurrency,
    rateLimited,
    label:
      (api === 'nutshell'
        ? `Nutshell SDK: ns.leads.list({ limit: ${cfg.limit} }, { concurrency: ${concurrency} })`
        : `Nutan SDK: nutan.deals.list({ limit: ${cfg.limit} }, { concurrency: ${concurrency} })`) +
      (rateLimited ? `, server limit ${cfg.rateLimit.limit} per ${cfg.rateLimit.windowMs} ms` : ''),
  })
  const one = (id: string, api: PagingRow['api'], walker: PagingRow['walker'], label: string): Walker => ({
    id,
    api,
    walker,
    label,
    concurrency: 1,
    rateLimited: false,
  })
  const concurrent = cfg.concurrencies.filter((c) => c > 1)
  return [
    // Phase 1: every walk that goes one page at a time.
    [
      one('nutshell-fetch', 'nutshell', 'fetch', 'Nutshell: hand-written loop over fetch'),
      sdk('nutshell', 1),
      one('nutan-fetch', 'nutan', 'fetch', 'Nutan deals: hand-written loop over fetch'),
      sdk('nutan', 1),
      one('openai', 'nutan', 'peer', 'openai-node: for await over client.getAPIList(CursorPage)'),
      one('octokit', 'nutan', 'peer', 'Octokit: octokit.paginate.iterator (Link rel="next")'),
    ],
    // Then each concurrent walk on its own: with several pages in flight a walk is busy parsing and
    // checking pages, and two CPUs shared by several such walks would measure the machine, not the SDK.
    ...concurrent.flatMap((c) => [[sdk('nutshell', c)], [sdk('nutan', c)]]),
    [sdk('nutshell', cfg.rateLimit.concurrency, true)],
    [sdk('nutan', cfg.rateLimit.concurrency, true)],
  ]
}

/** Runs every walker over `records` records served with `latencyMs` of delay by loopback server processes. */
export async function runPaging(
  cfg: PagingConfig,
  log: (line: string) => void = () => {},
): Promise<PagingRow[]> {
  const common = [
    '--leads-total',
    String(cfg.records),
    '--nutan-total',
    String(cfg.records),
    '--cache-all',
    '--latency-ms',
    String(cfg.latencyMs),
  ]
  const server = await startServer('server.ts', common)
  const limited = await startServer('server.ts', [
    ...common,
    '--rate-limit',
    String(cfg.rateLimit.limit),
    '--window-ms',
    String(cfg.rateLimit.windowMs),
  ]).catch(async (error) => {
    await server.close()
    throw error
  })
  const pagesPerGc = String(Math.max(1, Math.floor(cfg.records / cfg.limit / 20)))
  const walk = (w: Walker): Promise<WalkResult> =>
    runJson<WalkResult>([
      '--expose-gc',
      `${BENCH_DIR}paging-walk.ts`,
      w.id,
      w.rateLimited ? limited.url : server.url,
      String(cfg.limit),
      pagesPerGc,
      String(w.concurrency),
      ...(w.rateLimited ? ['--rate-limited'] : []),
    ]).catch((error) => ({ error: errorLine(error) }) as WalkResult)
  try {
    const done: [Walker, WalkResult][] = []
    for (const [i, phase] of walkers(cfg).entries()) {
      // The walks of a phase run at once, each in its own process: the one-page-at-a-time walks mostly
      // wait on the server's delay, so they barely touch each other, and the run takes minutes.
      const results = await Promise.all(phase.map(walk))
      for (const [j, w] of phase.entries()) done.push([w, results[j]!])
      log(`  phase ${i + 1}: ${phase.length} walks done`)
    }
    const loop = (api: PagingRow['api']) => done.find(([w]) => w.walker === 'fetch' && w.api === api)?.[1]
    return done.map(([w, r]) => {
      const base = loop(w.api)
      const records = r.records ?? 0
      return {
        api: w.api,
        walker: w.walker,
        label: w.label,
        concurrency: w.concurrency,
        rateLimited: w.rateLimited,
        records,
        seconds: (r.elapsedMs ?? Number.NaN) / 1000,
        recordsPerSecond: r.recordsPerSecond ?? Number.NaN,
        maxInFlight: r.maxInFlight ?? Number.NaN,
        tooManyRequests: r.rateLimited ?? Number.NaN,
        failed: r.error || records < cfg.records ? 1 : 0,
        heapFirstPage: r.heapFirstPage ?? Number.NaN,
        heapMaxRetained: r.heapMaxRetained ?? Number.NaN,
        heapPeak: r.heapPeak ?? Number.NaN,
        rssPeak: r.rssPeak ?? Number.NaN,
        flat: !r.error && r.heapMaxRetained - r.heapFirstPage < FLAT_MARGIN,
        speedup: base && !base.error ? base.elapsedMs / r.elapsedMs : Number.NaN,
        ...(r.error ? { error: r.error } : {}),
      }
    })
  } finally {
    await Promise.all([server.close(), limited.close()])
  }
}
