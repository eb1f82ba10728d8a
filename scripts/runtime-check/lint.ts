// Package-level checks on each tarball: entry points present, publint, and Are the Types Wrong.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { checkPackageExports } from './exports.ts'
import type { PackedPackage } from './pack.ts'
import { BIN, ROOT } from './paths.ts'
import { failRow, okRow, type Row } from './report.ts'
import { run, tail } from './run.ts'

const ATTW = join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js')

/** Every file the manifest points at is in the tarball. */
export function exportsRow(pkg: PackedPackage): Row {
  const start = performance.now()
  const problems = checkPackageExports(pkg.unpacked)
  const ms = performance.now() - start
  return problems.length
    ? failRow('exports', pkg.name, ms, problems.join('\n'))
    : okRow('exports', pkg.name, ms)
}

/** publint on the tarball itself; errors and warnings fail, suggestions are listed. */
export async function publintRow(pkg: PackedPackage): Promise<Row> {
  const start = performance.now()
  const tarball = readFileSync(pkg.tarball)
  const { messages, pkg: manifest } = await publint({
    pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
    level: 'suggestion',
  })
  const ms = performance.now() - start
  const text = (m: (typeof messages)[number]) =>
    `${m.type}: ${formatMessage(m, manifest, { color: false }) ?? m.code}`
  const blocking = messages.filter((m) => m.type !== 'suggestion')
  if (blocking.length) return failRow('publint', pkg.name, ms, messages.map(text).join('\n'))
  return okRow('publint', pkg.name, ms, messages.map(text).join('\n') || undefined)
}

/** `attw` on the tarball (strict profile: node10, node16 CJS and ESM, bundler). */
export async function attwRow(pkg: PackedPackage): Promise<Row> {
  const result = await run(BIN.node24, [ATTW, pkg.tarball, '--format', 'ascii', '--no-color', '--no-emoji'], {
    cwd: ROOT,
    timeoutMs: 120_000,
  })
  // attw exits 0 for a package with no types at all; ours must ship them, so demand a clean report.
  const clean = result.code === 0 && result.stdout.includes('No problems found')
  return clean
    ? okRow('attw', pkg.name, result.ms)
    : failRow('attw', pkg.name, result.ms, tail(result.stdout || result.stderr, 30))
}
