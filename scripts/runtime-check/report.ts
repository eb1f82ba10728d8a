// Rows of the runtime table, the parsing of a scenario program's output, and the printed table.

import { type RunResult, tail } from './run.ts'
import { SCENARIOS } from './scenario.ts'

/** One cell of the matrix: a runtime (or check) and a scenario, and how it went. */
export interface Row {
  runtime: string
  scenario: string
  /** `ok`, `FAIL`, or `SKIPPED (<reason>)`. */
  result: string
  ms: number
  detail?: string
}

/** A row that passed. */
export function okRow(runtime: string, scenario: string, ms: number, detail?: string): Row {
  return { runtime, scenario, result: 'ok', ms, ...(detail ? { detail } : {}) }
}

/** A row that failed, with the reason. */
export function failRow(runtime: string, scenario: string, ms: number, detail: string): Row {
  return { runtime, scenario, result: 'FAIL', ms, detail }
}

/** True when the row counts against the run. */
export function isFailure(row: Row): boolean {
  return row.result === 'FAIL'
}

interface ScenarioLine {
  scenario: string
  ok: boolean
  ms: number
  detail?: string
  error?: string
}

/** Reads the `@@result` lines a scenario program printed; a scenario it never reported is a failure. */
export function rowsFromOutput(runtime: string, lines: string[], fallback: string, totalMs: number): Row[] {
  const reported = new Map<string, ScenarioLine>()
  for (const line of lines) {
    const at = line.indexOf('@@result ')
    if (at === -1) continue
    const parsed = JSON.parse(line.slice(at + '@@result '.length)) as ScenarioLine
    reported.set(parsed.scenario, parsed)
  }
  return SCENARIOS.map((scenario) => {
    const line = reported.get(scenario)
    if (!line) return failRow(runtime, scenario, totalMs, fallback || 'the program reported nothing')
    return line.ok
      ? okRow(runtime, scenario, line.ms, line.detail)
      : failRow(runtime, scenario, line.ms, line.error ?? 'failed')
  })
}

/** Rows for a program run as a child process. */
export function rowsFromRun(runtime: string, result: RunResult): Row[] {
  const why = result.timedOut
    ? `timed out\n${tail(result.stderr || result.stdout)}`
    : `exit ${result.code}\n${tail(result.stderr || result.stdout)}`
  return rowsFromOutput(runtime, result.stdout.split('\n'), why, Math.round(result.ms))
}

/** The table: `runtime | scenario | result | ms`, then each failure's detail. */
export function formatTable(rows: Row[]): string {
  const cells = [
    ['runtime', 'scenario', 'result', 'ms'],
    ...rows.map((r) => [r.runtime, r.scenario, r.result, String(Math.round(r.ms))]),
  ]
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)))
  const line = (c: string[]) =>
    c.map((cell, i) => (i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')
  const out = [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.slice(1).map(line)]
  const failures = rows.filter(isFailure)
  if (failures.length) {
    out.push('', 'Failures:')
    for (const f of failures) out.push(`- ${f.runtime} / ${f.scenario}:`, indent(f.detail ?? ''))
  }
  return out.join('\n')
}

/** The table as Markdown, for the README. */
export function formatMarkdown(rows: Row[]): string {
  const out = ['| runtime | scenario | result | ms |', '| --- | --- | --- | ---: |']
  for (const r of rows) out.push(`| ${r.runtime} | ${r.scenario} | ${r.result} | ${Math.round(r.ms)} |`)
  return out.join('\n')
}

function indent(text: string): string {
  return text
    .split('\n')
    .slice(0, 20)
    .map((l) => `    ${l}`)
    .join('\n')
}
