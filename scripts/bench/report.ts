// Renders the benchmark results as the markdown that goes into BENCHMARKS.md.
import type { ColdStartRow } from './cold-start.ts'
import { type OpName, type OverheadRow, pairedMedianRatio } from './overhead.ts'
import { type PagingConfig, type PagingRow, SPEEDUP_BUDGET } from './paging.ts'
import type { RateLimitRow } from './rate-limit.ts'
import type { SizeRow } from './size.ts'
import { count, fixed, mb, ratio, table } from './stats.ts'

/** The machine a run happened on. */
export interface Machine {
  cpu: string
  cpus: number
  memoryGb: number
  node: string
  os: string
}

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  mode: 'quick' | 'full'
  command: string
  date: string
  machine: Machine
  durationMs: number
  config: Record<string, unknown>
  /** Section 3 over loopback, against server.ts in its own process. */
  overhead?: OverheadRow[]
  /** Section 3 through the in-memory fetch (memory-fetch.ts): the client's own CPU per call. */
  overheadInMemory?: OverheadRow[]
  paging?: PagingRow[]
  rateLimit?: RateLimitRow[]
  coldStart?: ColdStartRow[]
  size?: SizeRow[]
}

/** The rate-limit budget: a burst at most this many times the ideal time. */
export const RATE_LIMIT_BUDGET = 1.05

const OP_TITLES: Record<OpName, string> = {
  leads: 'GET a page of 50 Nutshell leads (72 KB of JSON), parsed (and validated by the SDK)',
  patch: 'PATCH one Nutshell lead with a JSON Patch (204, no body)',
  nutanList: 'GET a page of 50 Nutan contacts, parsed (and validated by the SDK)',
}

const note = (error?: string) => (error ? ` (${error.replace(/\|/g, '/')})` : '')

/** The SDK row the per-call budget is judged on: validation off, so it does what the peers do. */
export const SDK_VALIDATION_OFF = "SDK, validation: 'off'"

function overheadSection(
  rows: OverheadRow[],
  memoryRows: OverheadRow[] | undefined,
  concurrency: number,
  cpus: number,
): string {
  const parts: string[] = ['## 3. Per-call cost']
  parts.push(
    'The same three calls are measured twice: over loopback against the server (its own process), and ' +
      "through an in-memory `fetch` that answers the same bytes and headers with no server and no socket: the client's own CPU per call. " +
      "Every ratio is the contender's cost divided by bare `fetch`'s on the same call in the same run: " +
      '`1.00×` costs the same, `1.20×` costs 20% more (for throughput: takes 20% longer per request). ' +
      "CPU is the client process's user+system time per request at concurrency 1 (the median over the rounds of each round's CPU per request, so one GC or a busy neighbour does not move it). " +
      "The budget (the SDK with `validation: 'off'`, which parses JSON as the peers do, below every " +
      'peer) is judged on the in-memory CPU: over loopback the CPU also holds the socket stack and shares ' +
      `${cpus} CPUs with the server, a noise of about ±50 µs a call, as large as the gaps between clients. ` +
      'The SDK row with default validation beside it shows what checking every response costs. ' +
      'Latency is per request at concurrency 1 on loopback (the median ratio pairs each round with the ' +
      "baseline's same round). The control row runs bare `fetch` again: how far its ratios stray from " +
      "1.00× is the noise of this run. The diagnostic rows split the SDK's cost: bare fetch with the " +
      'per-request timeout the SDK carries, the core transport without a schema, and bare fetch plus ' +
      "the SDK's response schema.",
  )
  if (rows.length) parts.push('### Over loopback')
  for (const op of Object.keys(OP_TITLES) as OpName[]) {
    const opRows = rows.filter((r) => r.op === op)
    if (!opRows.length) continue
    const base = opRows.find((r) => r.kind === 'baseline')
    parts.push(`#### ${OP_TITLES[op]}`)
    parts.push(
      table(
        [
          'client',
          'median ms',
          'p99 ms',
          'req/s c=1',
          `req/s c=${concurrency}`,
          'CPU µs/req',
          'median ×',
          'p99 ×',
          'c=1 ×',
          `c=${concurrency} ×`,
          'CPU ×',
        ],
        opRows.map((r) =>
          r.error
            ? [`${r.contender}${note(r.error)}`, '–', '–', '–', '–', '–', '–', '–', '–', '–', '–']
            : [
                r.kind === 'sdk' ? `**${r.contender}**` : r.contender,
                fixed(r.medianMs, 3),
                fixed(r.p99Ms, 2),
                count(r.rpsSequential),
                count(r.rpsConcurrent),
                count(r.cpuUsPerRequest),
                base ? `${pairedMedianRatio(r, base).toFixed(2)}×` : '–',
                ratio(r.p99Ms, base?.p99Ms),
                ratio(base?.rpsSequential, r.rpsSequential),
                ratio(base?.rpsConcurrent, r.rpsConcurrent),
                ratio(r.cpuUsPerRequest, base?.cpuUsPerRequest),
              ],
        ),
      ),
    )
    parts.push(overheadVerdict(opRows, memoryRows?.length ? 'reported' : 'judged'))
  }
  if (memoryRows?.length) parts.push(memorySection(memoryRows))
  return parts.join('\n\n')
}

/** The in-memory tables: the client's own CPU per call, on which the per-call budget is judged. */
function memorySection(rows: OverheadRow[]): string {
  const parts: string[] = ["### Client's own CPU per call (in-memory fetch)"]
  parts.push(
    'Every contender makes the same calls through an in-memory `fetch` (`scripts/bench/memory-fetch.ts`) ' +
      'that answers what the server answers (the same pre-encoded bodies and headers, a fresh `Response` ' +
      'per call; a PATCH body is read before the 204): what is left is the work of the client itself, ' +
      "with the response's JSON parse. axios runs its fetch adapter here (its default over loopback is " +
      "Node's http). The budget is judged on these figures.",
  )
  for (const op of Object.keys(OP_TITLES) as OpName[]) {
    const opRows = rows.filter((r) => r.op === op)
    if (!opRows.length) continue
    const base = opRows.find((r) => r.kind === 'baseline')
    parts.push(`#### ${OP_TITLES[op]}`)
    parts.push(
      table(
        ['client', 'CPU µs/req', 'CPU ×'],
        opRows.map((r) =>
          r.error
            ? [`${r.contender}${note(r.error)}`, '–', '–']
            : [
                r.kind === 'sdk' ? `**${r.contender}**` : r.contender,
                count(r.cpuUsPerRequest),
                ratio(r.cpuUsPerRequest, base?.cpuUsPerRequest),
              ],
        ),
      ),
    )
    parts.push(overheadVerdict(opRows, 'judged'))
  }
  return parts.join('\n\n')
}

/**
 * One line per call: the CPU per call of the SDK with validation off against each peer's (the budget:
 * below every one), and what default validation adds. `judged` for the figures the budget is judged on
 * (the in-memory ones); `reported` for the loopback ones, which only state the figures.
 */
export function overheadVerdict(opRows: OverheadRow[], mode: 'judged' | 'reported' = 'judged'): string {
  const off = opRows.find((r) => r.contender === SDK_VALIDATION_OFF)
  const validated = opRows.find((r) => r.kind === 'sdk' && r.contender !== SDK_VALIDATION_OFF)
  if (!off || off.error) return `SDK: not measured${note(off?.error)}.`
  const peers = opRows.filter((r) => (r.kind === 'alternative' || r.kind === 'baseline') && !r.error)
  const above = peers.filter((r) => off.cpuUsPerRequest >= r.cpuUsPerRequest)
  const us = (n: number) => `${count(n)} µs`
  const signed = (n: number) => (Math.round(n) < 0 ? `−${count(-n)}` : `+${count(Math.abs(n))}`)
  const cost =
    validated && !validated.error
      ? ` Default validation: ${us(validated.cpuUsPerRequest)} (${signed(validated.cpuUsPerRequest - off.cpuUsPerRequest)} µs a call).`
      : ''
  const versus = peers.map((r) => `${r.contender} ${us(r.cpuUsPerRequest)}`).join(', ')
  const peerOnly = above.filter((r) => r.kind === 'alternative')
  if (mode === 'reported')
    return (
      `Over loopback (reported, not judged: it includes the server and the socket stack on the same CPUs, ` +
      `noise about ±50 µs; the budget is judged on the in-memory table): SDK with validation off ` +
      `${us(off.cpuUsPerRequest)} CPU a call (${versus}).${cost}`
    )
  return (
    `SDK with validation off: ${us(off.cpuUsPerRequest)} CPU a call (${versus}); ` +
    (peerOnly.length
      ? `**over budget**: not below ${peerOnly.map((r) => r.contender).join(', ')}.`
      : 'below every peer (budget met).') +
    cost
  )
}

/** One line per API on the SDK's walk at concurrency 8 against its budget (or why it cannot be judged yet). */
export function pagingVerdict(rows: PagingRow[]): string {
  const lines: string[] = []
  for (const api of ['nutshell', 'nutan'] as const) {
    const name = api === 'nutshell' ? 'Nutshell' : 'Nutan'
    const fast = rows.find(
      (r) => r.api === api && r.walker === 'sdk' && !r.rateLimited && r.concurrency === 8,
    )
    const limited = rows.find((r) => r.api === api && r.walker === 'sdk' && r.rateLimited)
    if (!fast || fast.error) {
      lines.push(`${name} at concurrency 8: not measured${note(fast?.error)}.`)
      continue
    }
    const speed =
      fast.maxInFlight <= 1
        ? `**pending**: the SDK does not honour \`concurrency\` yet (at most 1 request in flight), so the walk is sequential, ${fixed(fast.speedup, 2)}× the loop's speed`
        : `${fixed(fast.speedup, 2)}× the hand-written loop's speed (budget ≥ ${SPEEDUP_BUDGET}×: ${fast.speedup >= SPEEDUP_BUDGET ? 'met' : '**missed**'}), up to ${fast.maxInFlight} requests in flight`
    const memory = fast.flat
      ? `memory bounded (retained heap +${mb(fast.heapMaxRetained - fast.heapFirstPage)} MB)`
      : '**memory not bounded**'
    const calls = limited
      ? limited.error || limited.failed
        ? `under the server limit **a call failed**${note(limited.error)}`
        : `under the server limit 0 failed calls (${count(limited.tooManyRequests)} 429s waited out)`
      : 'not run under a server limit'
    lines.push(`${name} at concurrency 8: ${speed}; ${memory}; ${calls}.`)
  }
  return lines.join(' ')
}

function pagingSection(rows: PagingRow[], cfg: PagingConfig | undefined): string {
  const records = count(cfg?.records ?? rows[0]?.records ?? 0)
  return [
    `## 1. Paging: walking ${records} records at ${cfg?.latencyMs ?? '?'} ms a page`,
    `A loopback server (its own process) holds every answer ${cfg?.latencyMs ?? '?'} ms, like a real API's ` +
      `round trip, and serves ${records} records in pages of ${cfg?.limit ?? '?'}. Each walk runs in a fresh ` +
      'process (`--expose-gc`); the one-page-at-a-time walks run side by side, then the concurrent ones ' +
      '(a walk mostly waits on the server, so they barely touch each other). "× loop" is the hand-written ' +
      "loop's time over the walk's (`1.00×` as fast, `6×` six times faster); the peers walk the same deals " +
      'as Nutan, so they are set against the Nutan loop. "In flight" is the most requests the walk had out ' +
      'at once. "Retained" heap is measured after a forced GC at the first page and every few pages; ' +
      '"peak" heap and RSS are sampled at every page without GC; "bounded" means the retained heap grew by ' +
      `less than 5 MB over the walk. The rate-limited rows walk a server allowing ${cfg?.rateLimit.limit ?? '?'} ` +
      `requests per ${cfg?.rateLimit.windowMs ?? '?'} ms. Budget: at concurrency 8, at least ` +
      `${SPEEDUP_BUDGET}× the hand-written loop, memory bounded, and 0 failed calls under the server limit.`,
    table(
      [
        'walk',
        'records',
        's',
        'records/s',
        '× loop',
        'in flight',
        '429s',
        'failed',
        'heap 1st page MB',
        'max retained MB',
        'peak heap MB',
        'peak RSS MB',
        'bounded',
      ],
      rows.map((r) =>
        r.error
          ? [
              `${r.label}${note(r.error)}`,
              count(r.records),
              '–',
              '–',
              '–',
              '–',
              '–',
              '1',
              '–',
              '–',
              '–',
              '–',
              '–',
            ]
          : [
              r.walker === 'sdk' ? `**${r.label}**` : r.label,
              count(r.records),
              fixed(r.seconds, 1),
              count(r.recordsPerSecond),
              `${fixed(r.speedup, 2)}×`,
              String(r.maxInFlight),
              count(r.tooManyRequests),
              String(r.failed),
              mb(r.heapFirstPage),
              mb(r.heapMaxRetained),
              mb(r.heapPeak),
              mb(r.rssPeak),
              r.flat ? 'yes' : '**no**',
            ],
      ),
    ),
    pagingVerdict(rows),
  ].join('\n\n')
}

/** One line on the SDK rows of the rate-limit run against its budget. */
export function rateLimitVerdict(rows: RateLimitRow[]): string {
  const sdk = rows.filter((r) => r.kind === 'sdk')
  if (!sdk.length) return 'SDK: not measured.'
  return sdk
    .map((r) => {
      const ok = r.failed === 0 && r.ratio <= RATE_LIMIT_BUDGET
      return `${r.client}: ${r.failed} failed, ${r.ratio.toFixed(2)}× ideal (${ok ? 'within budget' : '**over budget**'})`
    })
    .join('; ')
    .concat('.')
}

function rateLimitSection(rows: RateLimitRow[], cfg: { limit: number; windowMs: number }): string {
  const calls = rows[0]?.calls ?? 0
  return [
    '## 2. Rate-limit burst',
    `The @x/testkit simulator (its own process) allows ${cfg.limit} requests per fixed ${cfg.windowMs} ms ` +
      `window and answers 429 with \`Retry-After\`/\`retry-after-ms\` beyond that; ${calls} list calls ` +
      `(${cfg.limit ? Math.round(calls / cfg.limit) : '?'}× the limit) are fired at once. Ideal time = (⌈calls ÷ limit⌉ − 1) × window, the moment the last window can open. ` +
      `Budget: 0 failed calls and total ÷ ideal ≤ ${RATE_LIMIT_BUDGET}.`,
    table(
      ['client', 'API', 'calls', 'failed', '429s seen', 'total s', 'ideal s', 'total ÷ ideal'],
      rows.map((r) => [
        `${r.kind === 'sdk' ? `**${r.client}**` : r.client}${note(r.error)}`,
        r.api,
        count(r.calls),
        count(r.failed),
        count(r.rateLimited),
        fixed(r.totalMs / 1000, 2),
        fixed(r.idealMs / 1000, 2),
        ratio(r.totalMs, r.idealMs),
      ]),
    ),
    rateLimitVerdict(rows),
  ].join('\n\n')
}

function coldStartSection(rows: ColdStartRow[]): string {
  return [
    '## 4. Cold start',
    'Median over fresh `node` processes (interleaved) of the `import()` of each package, resolved the way ' +
      'a user\'s app resolves it (the SDK from its built `dist`). "Process" is spawn-to-exit time minus ' +
      'that of a process that imports nothing. The `fetch` row is the first `new Request()`, ' +
      "which loads Node's built-in undici: packages that touch fetch at import include that cost.",
    table(
      ['package', 'import ms', 'process ms', 'runs'],
      rows.map((r) => [
        `${r.kind === 'sdk' ? `**${r.pkg}**` : r.pkg}${note(r.error)}`,
        fixed(r.importMs, 1),
        fixed(r.processMs, 1),
        String(r.runs),
      ]),
    ),
  ].join('\n\n')
}

function sizeSection(rows: SizeRow[]): string {
  const kb = (b: number) => (Number.isFinite(b) ? (b / 1000).toFixed(1) : '–')
  return [
    '## 5. Browser bundle size',
    'The same measurement as `scripts/bundle-size.ts` (its `measureImport`: esbuild for the browser, ' +
      'minified, gzip, counting what an app loads up front), applied to every client; 1 KB = 1000 bytes. ' +
      'Budgets (docs/ARCHITECTURE.md): NutshellClient 40 KB gzip with every operation, NutanClient 30 KB.',
    table(
      ['import', 'min KB', 'min+gzip KB', 'Node built-ins'],
      rows.map((r) => [
        `${r.kind === 'sdk' ? `**\`${r.statement}\`**` : `\`${r.statement}\``}${note(r.error)}`,
        kb(r.minBytes),
        kb(r.gzipBytes),
        r.nodeImports.length ? r.nodeImports.join(', ') : 'none',
      ]),
    ),
  ].join('\n\n')
}

/** The generated part of BENCHMARKS.md. */
export function renderResults(results: BenchResults): string {
  const m = results.machine
  const parts = [
    `Generated by \`${results.command}\` (${results.mode} mode) on ${results.date}, in ${(results.durationMs / 1000).toFixed(0)} s.`,
    `Machine: ${m.cpu}, ${m.cpus} CPUs, ${m.memoryGb} GB RAM, ${m.os}, Node ${m.node}. The loopback server ` +
      `runs in its own process on the same machine, so client and server share ${m.cpus} CPUs.`,
  ]
  const sdk = (results.config as { sdk?: string }).sdk
  if (sdk && sdk !== 'workspace dist') parts.push(`SDK rows measured from the candidate build in \`${sdk}\`.`)
  const cfg = results.config as {
    overhead?: { concurrency: number }
    rateLimit?: { limit: number; windowMs: number }
    paging?: PagingConfig
  }
  if (results.paging) parts.push(pagingSection(results.paging, cfg.paging))
  if (results.rateLimit)
    parts.push(rateLimitSection(results.rateLimit, cfg.rateLimit ?? { limit: 0, windowMs: 0 }))
  if (results.overhead || results.overheadInMemory)
    parts.push(
      overheadSection(
        results.overhead ?? [],
        results.overheadInMemory,
        cfg.overhead?.concurrency ?? 32,
        m.cpus,
      ),
    )
  if (results.coldStart) parts.push(coldStartSection(results.coldStart))
  if (results.size) parts.push(sizeSection(results.size))
  return `${parts.join('\n\n')}\n`
}

export const START_MARK =
  '<!-- bench:results:start (generated by scripts/bench; edit outside these marks) -->'
export const END_MARK = '<!-- bench:results:end -->'

/** Replaces the generated block of an existing BENCHMARKS.md, keeping the hand-written text around it. */
export function spliceResults(existing: string | undefined, generated: string, header: string): string {
  const block = `${START_MARK}\n\n${generated}\n${END_MARK}`
  if (!existing) return `${header}\n\n${block}\n`
  const start = existing.indexOf(START_MARK)
  const end = existing.indexOf(END_MARK)
  if (start === -1 || end === -1) return `${existing.trimEnd()}\n\n${block}\n`
  return `${existing.slice(0, start)}${block}${existing.slice(end + END_MARK.length)}`
}
