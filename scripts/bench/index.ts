// `pnpm bench`: the SDK side by side with bare fetch and the popular HTTP clients, as ratios.
//   node scripts/bench/index.ts            full run (a few minutes); rewrites the results in BENCHMARKS.md
//   node scripts/bench/index.ts --quick    smoke run (seconds); prints the tables, writes nothing
// Options: --only overhead,paging,rate-limit,cold-start,size   --json <file>   --out <file>   --no-write
// Measures the built packages (run ./scripts/pnpm build first), each against a server in its own process.
// BENCH_SDK_DIR=<dir> measures a candidate build (<dir>/nutshell.js, nutan.js, core.js) in the
// per-request, paging and rate-limit sections instead, to try a change before making it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, platform, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runColdStart } from './cold-start.ts'
import { ALTERNATIVES, bareFetch, controlContender, timeoutFetchContender } from './contenders.ts'
import { memoryFetch } from './memory-fetch.ts'
import { type OverheadConfig, runOverhead } from './overhead.ts'
import { type PagingConfig, runPaging } from './paging.ts'
import { startServer } from './process.ts'
import { type RateLimitConfig, runRateLimit } from './rate-limit.ts'
import { type BenchResults, renderResults, spliceResults } from './report.ts'
import { sdkContender, sdkNoValidationContender, transportContender, validatedFetchContender } from './sdk.ts'
import { runSize } from './size.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/**
 * The base URL of the in-memory runs: never resolved, `memoryFetch` answers every request. https, as a real
 * API is (the SDK refuses to send credentials over plain http to a host other than loopback).
 */
const MEMORY_URL = 'https://bench.memory'
const SECTIONS = ['overhead', 'paging', 'rate-limit', 'cold-start', 'size'] as const
type Section = (typeof SECTIONS)[number]

interface Config {
  overhead: OverheadConfig
  paging: PagingConfig
  rateLimit: RateLimitConfig
  coldStartRuns: number
}

const FULL: Config = {
  overhead: {
    warmup: 200,
    rounds: 40,
    sequential: 50,
    concurrentRounds: 10,
    concurrent: 320,
    concurrency: 32,
  },
  paging: {
    records: 100_000,
    limit: 50,
    latencyMs: 50,
    concurrencies: [1, 4, 8],
    rateLimit: { limit: 100, windowMs: 1000, concurrency: 8 },
  },
  rateLimit: { limit: 50, windowMs: 1000, burstFactor: 10 },
  coldStartRuns: 15,
}
const QUICK: Config = {
  overhead: { warmup: 20, rounds: 3, sequential: 30, concurrentRounds: 3, concurrent: 64, concurrency: 32 },
  paging: {
    records: 500,
    limit: 50,
    latencyMs: 10,
    concurrencies: [1, 4, 8],
    rateLimit: { limit: 2, windowMs: 100, concurrency: 8 },
  },
  rateLimit: { limit: 4, windowMs: 100, burstFactor: 10 },
  coldStartRuns: 2,
}

const HEADER = `# Benchmarks

What the SDK costs compared with hand-written \`fetch\` calls and with the popular HTTP clients, measured
side by side in one run and reported as ratios (absolute times on a shared machine are noise).

Run it with \`pnpm bench\` (\`node scripts/bench/index.ts\`; build first with \`pnpm build\`), or
\`pnpm bench --quick\` for a smoke run. The full run rewrites the generated block below.`

function machine(): BenchResults['machine'] {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cpus: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${platform()} ${release()}`,
  }
}

function log(line: string): void {
  process.stderr.write(`[${(performance.now() / 1000).toFixed(1)} s] ${line}\n`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      json: { type: 'string' },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  })
  const quick = values.quick!
  const config = quick ? QUICK : FULL
  const only = (values.only?.split(',') ?? SECTIONS) as Section[]
  const unknown = only.filter((s) => !SECTIONS.includes(s))
  if (unknown.length)
    throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`)
  const missing = ['core', 'nutshell', 'nutan', 'testkit'].filter(
    (p) => !existsSync(`${ROOT}packages/${p}/dist/index.js`),
  )
  if (missing.length)
    log(`warning: not built: ${missing.join(', ')} (run ./scripts/pnpm build); their rows will say so`)

  const began = performance.now()
  const results: BenchResults = {
    mode: quick ? 'quick' : 'full',
    command: `pnpm bench${quick ? ' --quick' : ''}${values.only ? ` --only ${values.only}` : ''}`,
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    durationMs: 0,
    config: { ...config, sdk: process.env.BENCH_SDK_DIR ?? 'workspace dist' },
  }
  if (only.includes('overhead')) {
    const contenders = [
      bareFetch,
      sdkNoValidationContender,
      sdkContender,
      ...ALTERNATIVES,
      timeoutFetchContender,
      transportContender,
      validatedFetchContender,
      controlContender,
    ]
    log('3. per-call cost, over loopback')
    const server = await startServer('server.ts')
    try {
      results.overhead = await runOverhead(contenders, server.url, config.overhead, undefined, log)
    } finally {
      await server.close()
    }
    // The same calls through an in-memory fetch that answers what server.ts answers: no server, no
    // socket, so the CPU per call is the client's own work (sequential blocks only).
    log("3. per-call cost, in memory (the client's own CPU)")
    results.overheadInMemory = await runOverhead(
      contenders,
      MEMORY_URL,
      { ...config.overhead, concurrentRounds: 0 },
      undefined,
      log,
      { fetch: memoryFetch },
    )
  }
  if (only.includes('paging')) {
    log('1. paging walk')
    results.paging = await runPaging(config.paging, log)
  }
  if (only.includes('rate-limit')) {
    log('2. rate-limit burst')
    results.rateLimit = await runRateLimit(config.rateLimit, log)
  }
  if (only.includes('cold-start')) {
    log('4. cold start')
    results.coldStart = await runColdStart(config.coldStartRuns, log)
  }
  if (only.includes('size')) {
    log('5. bundle size')
    results.size = await runSize(log)
  }
  results.durationMs = performance.now() - began

  const markdown = renderResults(results)
  if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`)
  const target = values.out ?? (quick || values['no-write'] ? undefined : `${ROOT}BENCHMARKS.md`)
  if (target) {
    const existing = existsSync(target) ? readFileSync(target, 'utf8') : undefined
    writeFileSync(target, spliceResults(existing, markdown, HEADER))
    log(`wrote ${target}`)
  }
  process.stdout.write(markdown)
  log(`done in ${(results.durationMs / 1000).toFixed(1)} s`)
}

await main()
