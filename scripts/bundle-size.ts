// Browser bundle budget: the minified + gzip size of importing each SDK client, from the built packages.
//   node scripts/bundle-size.ts                 the SDK clients against the 30 KB budget
//   node scripts/bundle-size.ts --json          the same as JSON
//   node scripts/bundle-size.ts --entry "import axios from 'axios'" [--entry ...] [--limit-kb N]
// Exits 1 when a measured import is over its limit, pulls in a Node built-in, or does not build.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { type BundleMeasurement, formatKb, measureImport } from './bundle-size/measure.ts'

const scriptsDir = dirname(fileURLToPath(import.meta.url))
const root = dirname(scriptsDir)

/** The budgeted imports (DESIGN.md, Budgets): each at most 30 KB minified + gzip with its dependencies. */
export const SDK_ENTRIES = [
  { statement: "import { NutshellClient } from '@x/nutshell'", dist: 'packages/nutshell/dist/index.js' },
  { statement: "import { NutanClient } from '@x/nutan'", dist: 'packages/nutan/dist/index.js' },
]
const BUDGET_KB = 30

interface Row extends Partial<BundleMeasurement> {
  entry: string
  limitBytes: number | null
  ok: boolean
  problem?: string
}

async function measure(statement: string, limitBytes: number | null, resolveDir: string): Promise<Row> {
  try {
    const m = await measureImport(statement, resolveDir)
    const problems: string[] = []
    if (limitBytes !== null && m.gzipBytes > limitBytes)
      problems.push(`over budget (${formatKb(limitBytes)})`)
    if (m.nodeImports.length > 0) problems.push(`imports Node built-ins: ${m.nodeImports.join(', ')}`)
    return {
      ...m,
      limitBytes,
      ok: problems.length === 0,
      ...(problems.length ? { problem: problems.join('; ') } : {}),
    }
  } catch (error) {
    return { entry: statement, limitBytes, ok: false, problem: `bundle failed: ${(error as Error).message}` }
  }
}

function printTable(rows: Row[]): void {
  const lines = [['import', 'min', 'min+gz', 'limit', 'result']]
  for (const r of rows) {
    lines.push([
      r.entry,
      r.minBytes === undefined ? '-' : formatKb(r.minBytes),
      r.gzipBytes === undefined ? '-' : formatKb(r.gzipBytes),
      r.limitBytes === null ? '-' : formatKb(r.limitBytes),
      r.ok ? 'ok' : `FAIL: ${r.problem}`,
    ])
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)))
  for (const [i, line] of lines.entries()) {
    console.log(
      line
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join(' | ')
        .trimEnd(),
    )
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('-|-'))
  }
  for (const r of rows.filter((row) => !row.ok && row.byPackage)) {
    const parts = r.byPackage!.slice(0, 8).map((p) => `${p.name} ${formatKb(p.bytes)}`)
    console.log(`\n${r.entry}: minified bytes by package: ${parts.join(', ')}`)
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      entry: { type: 'string', multiple: true },
      'limit-kb': { type: 'string' },
      'resolve-dir': { type: 'string' },
    },
  })
  const resolveDir = values['resolve-dir'] ?? scriptsDir
  const custom = values.entry ?? []
  const limitKb = values['limit-kb'] ?? (custom.length ? undefined : String(BUDGET_KB))
  const limitBytes = limitKb === undefined ? null : Number(limitKb) * 1000
  const statements = custom.length ? custom : SDK_ENTRIES.map((e) => e.statement)
  if (!custom.length) {
    const missing = SDK_ENTRIES.filter((e) => !existsSync(join(root, e.dist))).map((e) => e.dist)
    if (missing.length) {
      console.error(`Build the packages first (./scripts/pnpm build): missing ${missing.join(', ')}`)
      process.exit(1)
    }
  }
  const rows: Row[] = []
  for (const statement of statements) rows.push(await measure(statement, limitBytes, resolveDir))
  if (values.json) console.log(JSON.stringify({ unit: 'bytes', gzip: 'zlib default level', rows }, null, 2))
  else printTable(rows)
  if (rows.some((r) => !r.ok)) process.exitCode = 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
