// Packs every workspace package the way `pnpm publish` would, and unpacks copies for inspection.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN, ROOT } from './paths.ts'
import { run, tail } from './run.ts'

/** One packed package: its tarball and an unpacked copy (`<dir>/package`). */
export interface PackedPackage {
  name: string
  tarball: string
  unpacked: string
}

async function mustRun(command: string, args: string[], cwd: string): Promise<void> {
  const result = await run(command, args, { cwd, timeoutMs: 180_000 })
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${tail(result.stderr || result.stdout)}`)
}

function newest(dir: string): number {
  if (!existsSync(dir)) return 0
  return Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  )
}

/** Packages whose dist/ is missing or older than their src/ (so packing them would ship stale code). */
export function stalePackages(): string[] {
  const packagesDir = join(ROOT, 'packages')
  return readdirSync(packagesDir).filter((name) => {
    const dir = join(packagesDir, name)
    if (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src'))) return false
    const built = newest(join(dir, 'dist'))
    return built === 0 || built < newest(join(dir, 'src'))
  })
}

/** Builds every package with its own build script (tsup). */
export async function buildPackages(): Promise<void> {
  await mustRun(BIN.pnpm, ['-r', '--filter', './packages/**', 'run', 'build'], ROOT)
}

/** `pnpm pack`s every package into `dir` (publishConfig applied, workspace:* rewritten) and unpacks each. */
export async function packPackages(dir: string): Promise<PackedPackage[]> {
  mkdirSync(dir, { recursive: true })
  await mustRun(BIN.pnpm, ['-r', '--filter', './packages/**', 'pack', '--pack-destination', dir], ROOT)
  const tarballs = readdirSync(dir).filter((file) => file.endsWith('.tgz'))
  const packed: PackedPackage[] = []
  for (const file of tarballs.sort()) {
    const unpacked = join(dir, 'unpacked', file.replace(/\.tgz$/, ''))
    mkdirSync(unpacked, { recursive: true })
    await mustRun('tar', ['xzf', join(dir, file), '-C', unpacked], dir)
    const pkg = JSON.parse(readFileSync(join(unpacked, 'package', 'package.json'), 'utf8')) as {
      name: string
    }
    packed.push({ name: pkg.name, tarball: join(dir, file), unpacked: join(unpacked, 'package') })
  }
  return packed
}

/**
 * Breaks one package on purpose (its ESM entry points at a file that is not shipped) and re-packs
 * it, to show the check catches a broken export.
 */
export async function breakExport(pkg: PackedPackage): Promise<string> {
  const path = join(pkg.unpacked, 'package.json')
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    exports: Record<string, Record<string, unknown>>
  }
  const root = manifest.exports['.']!
  const target = './dist/missing.js'
  root.import = { ...(root.import as Record<string, string>), default: target }
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`)
  await mustRun('tar', ['czf', pkg.tarball, '-C', join(pkg.unpacked, '..'), 'package'], ROOT)
  return `${pkg.name}: exports["."].import.default -> ${target}`
}
