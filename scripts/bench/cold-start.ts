// Section 4: how long `import` of each package takes in a fresh Node process.
import { fileURLToPath } from 'node:url'
import { errorLine, runJson } from './process.ts'
import { median } from './stats.ts'

const SCRIPTS_DIR = fileURLToPath(new URL('..', import.meta.url))

/** The packages timed, SDK first. */
export const COLD_START_PACKAGES = [
  'fetch',
  '@x/nutshell',
  '@x/nutan',
  'openai',
  'axios',
  '@octokit/core',
  '@octokit/rest',
  'ky',
] as const

/** One package's import time, median over fresh processes. */
export interface ColdStartRow {
  pkg: string
  kind: 'sdk' | 'alternative' | 'baseline'
  /** Time of the `import()` itself, measured inside the process. */
  importMs: number
  /** Spawn-to-exit time of the whole process, minus that of a process that imports nothing. */
  processMs: number
  runs: number
  error?: string
}

// Resolved from the scripts package (where every contender is installed), timed inside the process.
// Node loads its built-in fetch (undici) lazily, on the first use of its classes; the `fetch` row times
// just that, since a package that touches fetch's classes at import pays it too (and every app pays
// it on its first request).
const load = (pkg: string) =>
  pkg === 'fetch' ? `new Request('http://localhost/')` : `await import(${JSON.stringify(pkg)})`
const probe = (pkg: string) =>
  pkg
    ? `const t = performance.now(); ${load(pkg)}; const ms = performance.now() - t; console.log(JSON.stringify({ ms }))`
    : `console.log(JSON.stringify({ ms: 0 }))`

async function once(pkg: string): Promise<{ ms: number; wall: number }> {
  const began = performance.now()
  const { ms } = await runJson<{ ms: number }>(['--input-type=module', '-e', probe(pkg)], {
    cwd: SCRIPTS_DIR,
  })
  return { ms, wall: performance.now() - began }
}

/** Times each package `runs` times, interleaved, each in a new process. */
export async function runColdStart(
  runs: number,
  log: (line: string) => void = () => {},
): Promise<ColdStartRow[]> {
  const empty: number[] = []
  const samples = new Map<string, { ms: number[]; wall: number[]; error?: string }>(
    COLD_START_PACKAGES.map((p) => [p, { ms: [], wall: [] }]),
  )
  for (let run = 0; run < runs; run++) {
    empty.push((await once('')).wall)
    for (const pkg of COLD_START_PACKAGES) {
      const s = samples.get(pkg)!
      if (s.error) continue
      try {
        const { ms, wall } = await once(pkg)
        s.ms.push(ms)
        s.wall.push(wall)
      } catch (error) {
        s.error = errorLine(error)
      }
    }
  }
  const baseline = median(empty)
  log(`  ${runs} fresh processes per package`)
  return COLD_START_PACKAGES.map((pkg) => {
    const s = samples.get(pkg)!
    return {
      pkg,
      kind: pkg === 'fetch' ? 'baseline' : pkg.startsWith('@x/') ? 'sdk' : 'alternative',
      importMs: median(s.ms),
      processMs: median(s.wall) - baseline,
      runs: s.ms.length,
      ...(s.error ? { error: s.error } : {}),
    }
  })
}
