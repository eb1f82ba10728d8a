// TypeScript consumers: the scenario type-checked under node16, nodenext and bundler resolution, for
// ESM and CJS files; the nodenext build is also run, so the types and the runtime agree.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN } from './paths.ts'
import { failRow, okRow, type Row, rowsFromRun } from './report.ts'
import { run, tail } from './run.ts'
import { type ScenarioEnv, scenarioSource } from './scenario.ts'

interface Consumer {
  name: 'node16' | 'nodenext' | 'bundler'
  module: string
  files: Array<{ file: string; format: 'esm' | 'cjs' }>
  emit: boolean
}

const CONSUMERS: Consumer[] = [
  {
    name: 'node16',
    module: 'node16',
    files: [
      { file: 'scenario.mts', format: 'esm' },
      { file: 'scenario.cts', format: 'cjs' },
    ],
    emit: false,
  },
  {
    name: 'nodenext',
    module: 'nodenext',
    files: [
      { file: 'scenario.mts', format: 'esm' },
      { file: 'scenario.cts', format: 'cjs' },
    ],
    emit: true,
  },
  { name: 'bundler', module: 'esnext', files: [{ file: 'scenario.ts', format: 'esm' }], emit: false },
]

function tsconfig(consumer: Consumer): string {
  return JSON.stringify(
    {
      compilerOptions: {
        module: consumer.module,
        moduleResolution: consumer.name,
        target: 'es2022',
        lib: ['es2023', 'dom'],
        types: [],
        strict: true,
        // The packages' own declarations are checked too (a broken .d.ts fails here).
        skipLibCheck: false,
        outDir: 'out',
        noEmit: !consumer.emit,
      },
      files: consumer.files.map((f) => f.file),
    },
    null,
    2,
  )
}

/** Type-checks (and for nodenext, builds and runs on Node 24) the scenario in each TypeScript setup. */
export async function runTypeScript(consumerDir: string, env: ScenarioEnv): Promise<Row[]> {
  const rows: Row[] = []
  for (const consumer of CONSUMERS) {
    const dir = join(consumerDir, `ts-${consumer.name}`)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'tsconfig.json'), tsconfig(consumer))
    for (const { file, format } of consumer.files) {
      writeFileSync(join(dir, file), scenarioSource('ts', `tsc ${consumer.name} ${format}`, env))
    }
    const result = await run(BIN.node24, [BIN.tsc, '-p', 'tsconfig.json', '--pretty', 'false'], {
      cwd: dir,
      timeoutMs: 120_000,
    })
    const diagnostics = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line))
    for (const { file, format } of consumer.files) {
      const runtime = `tsc ${consumer.name} ${format}`
      const own = diagnostics.filter(
        (line) => line.startsWith(file) || !consumer.files.some((f) => line.startsWith(f.file)),
      )
      if (result.code === 0) rows.push(okRow(runtime, 'types', result.ms))
      else if (own.length === 0 && diagnostics.length > 0) rows.push(okRow(runtime, 'types', result.ms))
      else
        rows.push(
          failRow(
            runtime,
            'types',
            result.ms,
            own.length ? own.join('\n') : tail(result.stdout || result.stderr),
          ),
        )
    }
    if (consumer.emit && result.code === 0) {
      for (const { file, format } of consumer.files) {
        const out = join(dir, 'out', file.replace(/\.mts$/, '.mjs').replace(/\.cts$/, '.cjs'))
        const ran = await run(BIN.node24, [out], { cwd: dir, timeoutMs: 60_000 })
        rows.push(...rowsFromRun(`tsc ${consumer.name} ${format} -> node 24`, ran))
      }
    }
  }
  return rows
}
