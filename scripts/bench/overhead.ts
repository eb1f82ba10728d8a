// Section 1: per-request overhead of each contender on the same calls, interleaved to cancel drift.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Contender, Ops } from './contenders.ts'
import { median, quantile } from './stats.ts'

/** How much to run; the quick mode shrinks every count. */
export interface OverheadConfig {
  warmup: number
  /** Rounds of sequential blocks: many short ones pair each contender with the baseline closely in time. */
  rounds: number
  /** Sequential requests per contender per round (concurrency 1). */
  sequential: number
  /** Rounds of concurrent blocks, run after the sequential ones. */
  concurrentRounds: number
  /** Requests per contender per concurrent round at `concurrency`. */
  concurrent: number
  concurrency: number
}

export type OpName = keyof Ops

/** One contender's figures for one call. */
export interface OverheadRow {
  contender: string
  kind: Contender['kind']
  op: OpName
  medianMs: number
  p99Ms: number
  rpsSequential: number
  rpsConcurrent: number
  /** CPU time of the client process per request at concurrency 1, in microseconds (median of the rounds). */
  cpuUsPerRequest: number
  /** The median latency of each round, in round order (for ratios paired round by round). */
  roundMedianMs: number[]
  requests: number
  /** Records the first (checked) call returned: must equal the expected count for every contender. */
  records?: number
  error?: string
}

/** What each call must return for the contenders to be doing the same work. */
const EXPECTED_RECORDS: Record<OpName, number> = { leads: 50, patch: 0, nutanList: 50 }

interface Tally {
  latencies: number[]
  roundMedians: number[]
  seqWallMs: number
  /** CPU per request of each sequential round: the median of these is robust to a GC or a neighbour's spike. */
  roundCpuUs: number[]
  records?: number
  seqCount: number
  concWallMs: number
  concCount: number
  error?: string
}

// Collect between blocks, untimed, so one contender's garbage is not collected (and billed) during the next
// contender's block: without it the CPU column of two identical contenders differs by up to 2×.
// A minor GC (scavenge) is enough: per-request garbage is young, and a full GC per block would cost seconds.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void
const collect = () => gc({ type: 'minor' })

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return used.user + used.system
}

/** Untimed calls before a timed block, so a block never pays for the switch from the previous one. */
async function settle(call: () => Promise<number>, n: number): Promise<void> {
  for (let i = 0; i < Math.min(20, Math.ceil(n / 5)); i++) await call()
  collect()
}

async function sequential(call: () => Promise<number>, n: number, tally: Tally): Promise<void> {
  await settle(call, n)
  const cpu = process.cpuUsage()
  const began = performance.now()
  const round: number[] = []
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    await call()
    round.push(performance.now() - t0)
  }
  tally.seqWallMs += performance.now() - began
  tally.roundCpuUs.push(cpuSince(cpu) / n)
  tally.latencies.push(...round)
  tally.roundMedians.push(median(round))
  tally.seqCount += n
}

async function concurrent(
  call: () => Promise<number>,
  n: number,
  width: number,
  tally: Tally,
): Promise<void> {
  await settle(call, n)
  let next = 0
  const worker = async () => {
    while (next < n) {
      next++
      await call()
    }
  }
  const began = performance.now()
  await Promise.all(Array.from({ length: Math.min(width, n) }, worker))
  tally.concWallMs += performance.now() - began
  tally.concCount += n
}

interface Prepared {
  contender: Contender
  ops: Ops | undefined
  error?: string
}

async function prepare(
  contenders: Contender[],
  url: string,
  fetchImpl: typeof fetch | undefined,
): Promise<Prepared[]> {
  return Promise.all(
    contenders.map(async (contender) => {
      try {
        return { contender, ops: await contender.setup(url, fetchImpl) }
      } catch (error) {
        return { contender, ops: undefined, error: (error as Error).message.split('\n')[0] }
      }
    }),
  )
}

/**
 * The contender's median latency over the baseline's, paired round by round (each round's ratio, then
 * the median of those): drift in the machine's load between rounds cancels out.
 */
export function pairedMedianRatio(row: OverheadRow, base: OverheadRow): number {
  const ratios = row.roundMedianMs.map((m, i) => m / base.roundMedianMs[i]!).filter(Number.isFinite)
  return ratios.length ? median(ratios) : row.medianMs / base.medianMs
}

/** How the contenders reach the server. */
export interface OverheadOptions {
  /**
   * The `fetch` every contender sends through instead of the network (e.g. `memoryFetch`): then `url` needs
   * no server behind it, and the CPU per call is the client's own work.
   */
  fetch?: typeof fetch
}

/** Runs every op through every contender against the server at `url` (or through `options.fetch`). */
export async function runOverhead(
  contenders: Contender[],
  url: string,
  config: OverheadConfig,
  ops: OpName[] = ['leads', 'patch', 'nutanList'],
  log: (line: string) => void = () => {},
  options: OverheadOptions = {},
): Promise<OverheadRow[]> {
  const prepared = await prepare(contenders, url, options.fetch)
  const rows: OverheadRow[] = []
  for (const op of ops) {
    const tallies = new Map<Prepared, Tally>()
    for (const p of prepared) {
      const tally: Tally = {
        latencies: [],
        roundMedians: [],
        seqWallMs: 0,
        roundCpuUs: [],
        seqCount: 0,
        concWallMs: 0,
        concCount: 0,
      }
      if (p.error) tally.error = p.error
      tallies.set(p, tally)
    }
    const live = () => prepared.filter((p) => p.ops && !tallies.get(p)!.error)
    const guard = async (p: Prepared, body: (call: () => Promise<number>) => Promise<void>) => {
      try {
        await body(p.ops![op].bind(p.ops))
      } catch (error) {
        tallies.get(p)!.error = (error as Error).message.split('\n')[0]
      }
    }
    // Warm-up, and a check that every contender got the same records back.
    for (const p of live()) {
      await guard(p, async (call) => {
        const records = await call()
        tallies.get(p)!.records = records
        if (records !== EXPECTED_RECORDS[op])
          throw new Error(`returned ${records} records, expected ${EXPECTED_RECORDS[op]}`)
        const scratch: Tally = { ...tallies.get(p)!, latencies: [], roundMedians: [], roundCpuUs: [] }
        await sequential(call, config.warmup, scratch)
        await concurrent(call, config.concurrency * 2, config.concurrency, scratch)
      })
    }
    // Rotate the order every round so no contender always runs right after the same neighbour.
    const rotated = (round: number) => {
      const order = live()
      return [...order.slice(round % order.length), ...order.slice(0, round % order.length)]
    }
    for (let round = 0; round < config.rounds; round++) {
      for (const p of rotated(round))
        await guard(p, (call) => sequential(call, config.sequential, tallies.get(p)!))
    }
    for (let round = 0; round < config.concurrentRounds; round++) {
      for (const p of rotated(round))
        await guard(p, (call) => concurrent(call, config.concurrent, config.concurrency, tallies.get(p)!))
    }
    for (const p of prepared) {
      const t = tallies.get(p)!
      rows.push({
        contender: p.contender.name,
        kind: p.contender.kind,
        op,
        medianMs: median(t.latencies),
        p99Ms: quantile(t.latencies, 0.99),
        rpsSequential: (t.seqCount / t.seqWallMs) * 1000,
        rpsConcurrent: (t.concCount / t.concWallMs) * 1000,
        cpuUsPerRequest: median(t.roundCpuUs),
        roundMedianMs: t.roundMedians,
        requests: t.seqCount + t.concCount,
        ...(t.records === undefined ? {} : { records: t.records }),
        ...(t.error ? { error: t.error } : {}),
      })
    }
    log(`  ${op}: ${prepared.length} contenders × ${config.rounds} rounds done`)
  }
  return rows
}
