// Proves the packed packages work where users run them (issue 7).
// Packs every package, installs the tarballs into a fresh project, starts the testkit simulators on
// loopback, and runs one scenario (Nutshell: list leads, patch one, a JSON-RPC call; Nutan: list
// deals, push a sync batch) in Node 22 and 24 (import and require), TypeScript consumers (node16,
// nodenext, bundler), Deno (npm: specifiers), Bun, and headless Chromium (esbuild and Vite bundles);
// plus publint and attw on every tarball. Prints `runtime | scenario | result | ms`; exits 1 on any failure.
//
//   node scripts/runtime-check.ts              the full matrix
//   node scripts/runtime-check.ts --quick      Node 24 import + require, exports, publint, attw
//   node scripts/runtime-check.ts --build      rebuild every package first (by default only when a
//                                             dist/ is missing or older than its src/)
//   node scripts/runtime-check.ts --no-build   pack the dist/ folders as they are
//   node scripts/runtime-check.ts --break-export   ship @x/nutshell with a broken export: must fail
//   node scripts/runtime-check.ts --only dual  the dual-package rows: @x/core and @x/nutshell loaded with
//                                             both import and require in one process, instanceof both ways
//   node scripts/runtime-check.ts --only "deno run testkit"   only the runtimes whose name contains
//                                             the text (after pack + install; no publint, attw, tsc or browser)
//   --keep keeps the temporary project; --markdown also prints the table as Markdown.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { runBrowser } from './runtime-check/browser.ts'
import { ensureChromium } from './runtime-check/chromium.ts'
import { createConsumer } from './runtime-check/consumer.ts'
import { DENO_TESTKIT_RUNTIME, runDenoTestkit } from './runtime-check/deno-testkit.ts'
import { dualRuntime, runDualPackage } from './runtime-check/dual-package.ts'
import { attwRow, exportsRow, publintRow } from './runtime-check/lint.ts'
import { breakExport, buildPackages, packPackages, stalePackages } from './runtime-check/pack.ts'
import { BIN } from './runtime-check/paths.ts'
import { formatMarkdown, formatTable, isFailure, okRow, type Row } from './runtime-check/report.ts'
import { allPrograms, quickPrograms, runPrograms } from './runtime-check/runtimes.ts'
import { startSimulators } from './runtime-check/servers.ts'
import { runTypeScript } from './runtime-check/typescript.ts'

const log = (line: string) => console.error(`[runtime-check] ${line}`)

async function step<T>(rows: Row[], runtime: string, scenario: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const value = await work()
  rows.push(okRow(runtime, scenario, performance.now() - start))
  return value
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      build: { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      'break-export': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  })
  const started = performance.now()
  const work = mkdtempSync(join(tmpdir(), 'x-runtime-check-'))
  const consumerDir = join(work, 'consumer')
  const rows: Row[] = []
  let stopSimulators = () => {}
  const only = values.only
  const selected = (runtime: string) => only === undefined || runtime.includes(only)
  try {
    const stale = values['no-build'] ? [] : stalePackages()
    if (values.build || stale.length) {
      log(`building the packages${stale.length ? ` (dist missing or stale: ${stale.join(', ')})` : ''} ...`)
      await step(rows, 'pnpm', 'build', buildPackages)
    }
    log('packing ...')
    const packed = await step(rows, 'pnpm', 'pack', () => packPackages(join(work, 'tarballs')))
    if (values['break-export']) {
      const nutshell = packed.find((p) => p.name === '@x/nutshell')
      if (!nutshell) throw new Error('--break-export needs @x/nutshell among the packages')
      log(`breaking on purpose: ${await breakExport(nutshell)}`)
    }
    if (selected('exports')) for (const pkg of packed) rows.push(exportsRow(pkg))
    log(only === undefined ? 'publint + attw ...' : `only ${JSON.stringify(only)} ...`)
    const lint = Promise.all(
      only === undefined ? packed.flatMap((pkg) => [publintRow(pkg), attwRow(pkg)]) : [],
    )
    log(`installing ${packed.length} tarballs into ${consumerDir} ...`)
    await step(rows, 'npm', 'install tarballs', () => createConsumer(consumerDir, packed))
    rows.push(...(await lint))

    const simulators = await startSimulators(consumerDir)
    stopSimulators = simulators.stop
    log(`simulators: ${simulators.env.nutshell.baseUrl} ${simulators.env.nutan.baseUrl}`)
    const programs = (values.quick ? quickPrograms() : allPrograms(work)).filter((p) => selected(p.runtime))
    log(`running ${programs.map((p) => p.runtime).join(', ')} ...`)
    rows.push(...(await runPrograms(programs, consumerDir, simulators.env)))
    // One process loading the packages through both import and require: errors match across builds.
    const dualNodes: [string, string][] = values.quick
      ? [['24', BIN.node24]]
      : [
          ['22', BIN.node22],
          ['24', BIN.node24],
        ]
    for (const [version, node] of dualNodes) {
      if (!selected(dualRuntime(version))) continue
      log(`${dualRuntime(version)}: instanceof across the ESM and CJS builds ...`)
      rows.push(await runDualPackage(consumerDir, simulators.env, node, version))
    }
    if (!values.quick && selected(DENO_TESTKIT_RUNTIME)) {
      log(`${DENO_TESTKIT_RUNTIME}: the process must exit on its own ...`)
      rows.push(await runDenoTestkit(consumerDir, work))
    }
    if (!values.quick && only === undefined) {
      log('TypeScript consumers ...')
      rows.push(...(await runTypeScript(consumerDir, simulators.env)))
      const chromium = await ensureChromium(log)
      if (chromium.ok) {
        log('browser bundles in headless Chromium ...')
        rows.push(...(await runBrowser(consumerDir, simulators.env)))
      } else {
        rows.push({
          runtime: 'chromium',
          scenario: '*',
          result: `SKIPPED (no chromium: ${chromium.reason})`,
          ms: 0,
        })
      }
    }
  } catch (error) {
    rows.push({
      runtime: 'runtime-check',
      scenario: 'setup',
      result: 'FAIL',
      ms: 0,
      detail: String((error as Error).stack ?? error),
    })
  } finally {
    stopSimulators()
    if (values.keep) log(`kept ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
  console.log(formatTable(rows))
  if (values.markdown) console.log(`\n${formatMarkdown(rows)}`)
  const failures = rows.filter(isFailure).length
  console.log(
    `\n${failures ? `FAILED: ${failures} of ${rows.length} rows` : `ok: ${rows.length} rows`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  return failures ? 1 : 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main()
