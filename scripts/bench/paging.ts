// Section 2: walking a large list page by page, each walk in a fresh process: memory over the walk
// compared with the first page, and records/s compared with a hand-written loop over bare fetch.
import { BENCH_DIR, errorLine, runJson, startServer } from './process.ts'
import { median } from './stats.ts'

/** Size of the walk. */
export interface PagingConfig {
  records: number
  /** Records per page, the same for every walker. */
  limit: number
  /** Measured walks per walker (interleaved); memory is the worst of them, speed the median. */
  runs: number
}

/** What one walk reports (see paging-walk.ts). */
interface WalkResult {
  walker: string
  records: number
  pages: number
  recordsPerSecond: number
  heapBefore: number
  heapFirstPage: number
  heapMaxRetained: number
  heapPeak: number
  heapAfter: number
  rssFirstPage: number
  rssPeak: number
}

/** One walker's figures. */
export interface PagingRow {
  api: 'nutshell' | 'nutan'
  walker: 'sdk' | 'fetch'
  label: string
  records: number
  recordsPerSecond: number
  /** Heap after a GC once the first page is in hand. */
  heapFirstPage: number
  /** Largest heap after a GC during the walk: what the walk holds on to. */
  heapMaxRetained: number
  /** Largest heap seen between GCs (includes garbage not yet collected). */
  heapPeak: number
  rssFirstPage: number
  rssPeak: number
  /** Retained heap grew by less than FLAT_MARGIN over the walk. */
  flat: boolean
  /**
   * Time per record over the hand-written loop's on the same API, paired run by run (each run's
   * ratio, then the median), so load that drifts between runs cancels. 1 for the loops themselves.
   */
  slowdown: number
  error?: string
}

/** Retained-heap growth under which a walk counts as flat (holding 100,000 records would take >100 MB). */
export const FLAT_MARGIN = 5 * 1024 * 1024

const WALKERS = [
  { id: 'nutshell-fetch', api: 'nutshell', walker: 'fetch', label: 'Nutshell: hand-written loop over fetch' },
  { id: 'nutshell-sdk', api: 'nutshell', walker: 'sdk', label: 'Nutshell: for await (ns.leads.list())' },
  { id: 'nutan-fetch', api: 'nutan', walker: 'fetch', label: 'Nutan: hand-written loop over fetch' },
  { id: 'nutan-sdk', api: 'nutan', walker: 'sdk', label: 'Nutan: for await (nutan.contacts.list())' },
] as const

/** Runs every walker over `records` records served by a loopback server process. */
export async function runPaging(
  cfg: PagingConfig,
  log: (line: string) => void = () => {},
): Promise<PagingRow[]> {
  const server = await startServer('server.ts', [
    '--leads-total',
    String(cfg.records),
    '--nutan-total',
    String(cfg.records),
    '--cache-all',
  ])
  const pagesPerGc = String(Math.max(1, Math.floor(cfg.records / cfg.limit / 20)))
  const walk = (id: string) =>
    runJson<WalkResult>([
      '--expose-gc',
      `${BENCH_DIR}paging-walk.ts`,
      id,
      server.url,
      String(cfg.limit),
      pagesPerGc,
    ])
  try {
    // One unmeasured walk per API builds and caches every page on the server (a small walk needs none).
    if (cfg.records > 10_000) {
      await walk('nutshell-fetch')
      await walk('nutan-fetch')
    }
    const results = new Map<string, WalkResult[]>(WALKERS.map((w) => [w.id, []]))
    const errors = new Map<string, string>()
    for (let run = 0; run < cfg.runs; run++) {
      const order = run % 2 ? [...WALKERS].reverse() : WALKERS
      for (const w of order) {
        if (errors.has(w.id)) continue
        try {
          results.get(w.id)!.push(await walk(w.id))
        } catch (error) {
          errors.set(w.id, errorLine(error))
        }
      }
      log(`  walk ${run + 1}/${cfg.runs} done`)
    }
    const slowdown = (w: (typeof WALKERS)[number]) => {
      const own = results.get(w.id)!
      const loop = results.get(`${w.api}-fetch`)!
      return median(
        own.map((r, i) => (loop[i] ? loop[i]!.recordsPerSecond / r.recordsPerSecond : Number.NaN)),
      )
    }
    return WALKERS.map((w) => {
      const runs = results.get(w.id)!
      const max = (pick: (r: WalkResult) => number) => Math.max(...runs.map(pick))
      const heapFirstPage = max((r) => r.heapFirstPage)
      const heapMaxRetained = max((r) => r.heapMaxRetained)
      const error = errors.get(w.id)
      return {
        api: w.api,
        walker: w.walker,
        label: w.label,
        records: runs[0]?.records ?? 0,
        recordsPerSecond: median(runs.map((r) => r.recordsPerSecond)),
        heapFirstPage,
        heapMaxRetained,
        heapPeak: max((r) => r.heapPeak),
        rssFirstPage: max((r) => r.rssFirstPage),
        rssPeak: max((r) => r.rssPeak),
        flat: runs.length > 0 && runs.every((r) => r.heapMaxRetained - r.heapFirstPage < FLAT_MARGIN),
        slowdown: slowdown(w),
        ...(error ? { error } : {}),
      }
    })
  } finally {
    await server.close()
  }
}
