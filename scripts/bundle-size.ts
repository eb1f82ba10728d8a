// Browser bundle budget: the minified + gzip size of importing each SDK client, from the built packages,
// bundled with code splitting as a real app is: the code loaded up front (entry chunk + its static
// imports) counts against the budget; chunks behind a dynamic import() are listed apart, loaded on first use.
//   node scripts/bundle-size.ts                 the SDK clients against their budgets (docs/ARCHITECTURE.md)
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

/**
 * The budgeted imports (docs/ARCHITECTURE.md, Budgets: minified + gzip with their dependencies, NutshellClient with
 * every operation of both its APIs at most 40 KB, NutanClient at most 30 KB).
 */
export const SDK_ENTRIES = [
  {
    statement: "import { NutshellClient } from '@x/nutshell'",
    dist: 'packages/nutshell/dist/index.js',
    limitKb: 40,
  },
  {
    statement: "import { NutanClient } from '@x/nutan'",
    dist: 'packages/nutan/dist/index.js',
    limitKb: 30,
  },
]

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
  const lines = [['import', 'min', 'min+gz', 'lazy min+gz', 'limit', 'result']]
  for (const r of rows) {
    lines.push([
      r.entry,
      r.minBytes === undefined ? '-' : formatKb(r.minBytes),
      r.gzipBytes === undefined ? '-' : formatKb(r.gzipBytes),
      r.lazyGzipBytes === undefined ? '-' : formatKb(r.lazyGzipBytes),
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
  for (const r of rows.filter((row) => row.byPackage)) {
    const parts = r.byPackage!.slice(0, 8).map((p) => `${p.name} ${formatKb(p.bytes)}`)
    console.log(`\n${r.entry}\n  up front, minified by package: ${parts.join(', ')}`)
    if (r.initialChunks && r.initialChunks.length > 1) {
      const chunks = r.initialChunks.map((c) => `${c.file} ${formatKb(c.gzipBytes)}`).join(', ')
      console.log(
        `  up front in ${r.initialChunks.length} chunks (min+gz each): ${chunks}; as one file ${formatKb(r.joinedGzipBytes!)}`,
      )
    }
    for (const chunk of r.lazyChunks ?? []) {
      const size = `${formatKb(chunk.minBytes)} min, ${formatKb(chunk.gzipBytes)} min+gz`
      console.log(`  lazy chunk ${chunk.file}: ${size} (loaded on first use, not budgeted)`)
    }
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
  const flagLimit = values['limit-kb'] === undefined ? null : Number(values['limit-kb']) * 1000
  const targets = custom.length
    ? custom.map((statement) => ({ statement, limitBytes: flagLimit }))
    : SDK_ENTRIES.map((e) => ({ statement: e.statement, limitBytes: flagLimit ?? e.limitKb * 1000 }))
  if (!custom.length) {
    const missing = SDK_ENTRIES.filter((e) => !existsSync(join(root, e.dist))).map((e) => e.dist)
    if (missing.length) {
      console.error(`Build the packages first (./scripts/pnpm build): missing ${missing.join(', ')}`)
      process.exit(1)
    }
  }
  const rows: Row[] = []
  for (const t of targets) rows.push(await measure(t.statement, t.limitBytes, resolveDir))
  if (values.json) console.log(JSON.stringify({ unit: 'bytes', gzip: 'zlib default level', rows }, null, 2))
  else printTable(rows)
  if (rows.some((r) => !r.ok)) process.exitCode = 1
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
