// The scenario as a program under Node (ESM and CJS), Bun and Deno.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN } from './paths.ts'
import { failRow, okRow, type Row, rowsFromRun } from './report.ts'
import { cleanEnv, run, tail } from './run.ts'
import { type Flavour, type ScenarioEnv, scenarioSource } from './scenario.ts'

/** One program to run: its label in the table, how the packages are loaded, and the command. */
interface Program {
  runtime: string
  flavour: Flavour
  file: string
  command: (file: string) => [string, string[]]
  /** A type-check to run first, reported as the `types` scenario. */
  typecheck?: (file: string) => [string, string[]]
  env?: Record<string, string>
}

function nodeProgram(bin: string, version: string, flavour: 'esm' | 'cjs'): Program {
  return {
    runtime: `node ${version} ${flavour === 'esm' ? 'import' : 'require'}`,
    flavour,
    file: `node${version}-${flavour}.${flavour === 'esm' ? 'mjs' : 'cjs'}`,
    command: (file) => [bin, [file]],
  }
}

/** Node 24 through `import` and `require`: the quick subset. */
export function quickPrograms(): Program[] {
  return [nodeProgram(BIN.node24, '24', 'esm'), nodeProgram(BIN.node24, '24', 'cjs')]
}

/** Every runtime the product card names, except the browser. */
export function allPrograms(workDir: string): Program[] {
  return [
    nodeProgram(BIN.node22, '22', 'esm'),
    nodeProgram(BIN.node22, '22', 'cjs'),
    ...quickPrograms(),
    {
      runtime: 'deno npm:',
      flavour: 'deno',
      file: 'deno.ts',
      // Network and reading node_modules only: the SDK needs no env, fs writes or subprocesses.
      command: (file) => [BIN.deno, ['run', '--no-prompt', '--allow-net', '--allow-read', file]],
      typecheck: (file) => [BIN.deno, ['check', '--quiet', file]],
      env: { DENO_DIR: join(workDir, 'deno-cache'), DENO_NO_UPDATE_CHECK: '1' },
    },
    {
      runtime: 'bun import',
      flavour: 'esm',
      file: 'bun-esm.mjs',
      command: (file) => [BIN.bun, ['--no-install', file]],
    },
    {
      runtime: 'bun require',
      flavour: 'cjs',
      file: 'bun-cjs.cjs',
      command: (file) => [BIN.bun, ['--no-install', file]],
    },
  ]
}

/** Writes each program into `consumerDir` and runs it against the simulators, one after another. */
export async function runPrograms(
  programs: Program[],
  consumerDir: string,
  env: ScenarioEnv,
): Promise<Row[]> {
  const dir = join(consumerDir, 'programs')
  mkdirSync(dir, { recursive: true })
  const rows: Row[] = []
  for (const program of programs) {
    const file = join(dir, program.file)
    writeFileSync(file, scenarioSource(program.flavour, program.runtime, env))
    const options = { cwd: consumerDir, env: cleanEnv(program.env), timeoutMs: 120_000 }
    if (program.typecheck) {
      const [command, args] = program.typecheck(file)
      const checked = await run(command, args, options)
      rows.push(
        checked.code === 0
          ? okRow(program.runtime, 'types', checked.ms)
          : failRow(program.runtime, 'types', checked.ms, tail(checked.stderr || checked.stdout, 20)),
      )
    }
    const [command, args] = program.command(file)
    const result = await run(command, args, options)
    rows.push(...rowsFromRun(program.runtime, result))
  }
  return rows
}
