// A fresh project outside the monorepo that installs the packed tarballs, as a user would.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PackedPackage } from './pack.ts'
import { run, tail } from './run.ts'

/** Creates `dir` with a bare package.json and `npm install`s the tarballs (third-party deps from the registry). */
export async function createConsumer(dir: string, packages: PackedPackage[]): Promise<number> {
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'runtime-check-consumer', private: true, version: '0.0.0' }, null, 2)}\n`,
  )
  // Deno reads npm: specifiers from this node_modules folder instead of the registry.
  writeFileSync(join(dir, 'deno.json'), `${JSON.stringify({ nodeModulesDir: 'manual' }, null, 2)}\n`)
  const result = await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages.map((p) => p.tarball)],
    { cwd: dir, timeoutMs: 300_000 },
  )
  if (result.code !== 0)
    throw new Error(`npm install of the tarballs failed:\n${tail(result.stderr || result.stdout)}`)
  return result.ms
}
