// Smoke test of `pnpm bench --quick`: every section runs and produces sane figures (never timing thresholds).
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BenchResults } from '../bench/report.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'))
let results: BenchResults
let markdown: string

const positive = (n: number | undefined) => typeof n === 'number' && Number.isFinite(n) && n > 0

beforeAll(async () => {
  const json = join(dir, 'results.json')
  markdown = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['scripts/bench/index.ts', '--quick', '--json', json],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 170_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    )
  })
  results = JSON.parse(readFileSync(json, 'utf8')) as BenchResults
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pnpm bench --quick', () => {
  it('prints every section of the report', () => {
    for (const heading of [
      'Paging: walking',
      'Rate-limit burst',
      'Per-call cost',
      'Cold start',
      'bundle size',
    ])
      expect(markdown).toContain(heading)
    expect(results.mode).toBe('quick')
    expect(results.machine.cpus).toBeGreaterThan(0)
  })

  it('times every call through the SDK, bare fetch and each alternative, with no failed contender', () => {
    const rows = results.overhead ?? []
    for (const op of ['leads', 'patch', 'nutanList'] as const) {
      const opRows = rows.filter((r) => r.op === op)
      const names = opRows.map((r) => r.contender)
      expect(names).toEqual(expect.arrayContaining(['bare fetch', 'ky', 'axios', '@octokit/core']))
      expect(opRows.some((r) => r.kind === 'sdk')).toBe(true)
      for (const r of opRows) {
        expect(r.error, `${r.contender} ${op}`).toBeUndefined()
        for (const figure of [r.medianMs, r.p99Ms, r.rpsSequential, r.rpsConcurrent, r.cpuUsPerRequest])
          expect(positive(figure), `${r.contender} ${op}`).toBe(true)
      }
    }
  })

  it("measures every contender's own CPU per call through the in-memory fetch, with the expected records", () => {
    const rows = results.overheadInMemory ?? []
    const expected = { leads: 50, patch: 0, nutanList: 50 } as const
    for (const op of ['leads', 'patch', 'nutanList'] as const) {
      const opRows = rows.filter((r) => r.op === op)
      const names = opRows.map((r) => r.contender)
      expect(names).toEqual(
        expect.arrayContaining([
          'bare fetch',
          "SDK, validation: 'off'",
          'ky',
          'axios',
          'openai (generic client)',
          '@octokit/core',
        ]),
      )
      // The same contenders as over loopback.
      expect(names.sort()).toEqual(
        (results.overhead ?? [])
          .filter((r) => r.op === op)
          .map((r) => r.contender)
          .sort(),
      )
      for (const r of opRows) {
        expect(r.error, `${r.contender} ${op}`).toBeUndefined()
        expect(r.records, `${r.contender} ${op}`).toBe(expected[op])
        expect(positive(r.cpuUsPerRequest), `${r.contender} ${op}`).toBe(true)
      }
    }
    expect(markdown).toContain("Client's own CPU per call (in-memory fetch)")
  })

  it('walks every record with each walker, at each concurrency, and reports time and memory', () => {
    const rows = results.paging ?? []
    expect(
      rows.map((r) => `${r.api}-${r.walker}-${r.concurrency}${r.rateLimited ? '-limited' : ''}`).sort(),
    ).toEqual([
      'nutan-fetch-1',
      'nutan-peer-1',
      'nutan-peer-1',
      'nutan-sdk-1',
      'nutan-sdk-4',
      'nutan-sdk-8',
      'nutan-sdk-8-limited',
      'nutshell-fetch-1',
      'nutshell-sdk-1',
      'nutshell-sdk-4',
      'nutshell-sdk-8',
      'nutshell-sdk-8-limited',
    ])
    for (const r of rows) {
      expect(r.error, r.label).toBeUndefined()
      expect(r.records, r.label).toBe(500)
      expect(r.failed, r.label).toBe(0)
      expect(r.maxInFlight, r.label).toBeGreaterThanOrEqual(1)
      expect(r.maxInFlight, r.label).toBeLessThanOrEqual(r.concurrency)
      expect(
        positive(r.recordsPerSecond) &&
          positive(r.speedup) &&
          positive(r.heapFirstPage) &&
          positive(r.rssPeak),
        r.label,
      ).toBe(true)
      expect(r.heapMaxRetained).toBeGreaterThanOrEqual(r.heapFirstPage)
    }
    // The walks under a server limit met it: 429s answered, every page still read.
    expect(rows.filter((r) => r.rateLimited).some((r) => r.tooManyRequests > 0)).toBe(true)
  })

  it('judges the per-call CPU of the SDK with validation off against every peer, in memory', () => {
    expect(markdown).toContain("SDK, validation: 'off'")
    const memory = markdown.slice(markdown.indexOf("Client's own CPU per call (in-memory fetch)"))
    expect(memory.match(/SDK with validation off: [\d,]+ µs CPU a call/g)).toHaveLength(3)
    expect(markdown.match(/Over loopback \(reported, not judged/g)).toHaveLength(3)
  })

  it('gets every SDK call of a rate-limited burst through, counting the 429s', () => {
    const rows = results.rateLimit ?? []
    const sdk = rows.filter((r) => r.kind === 'sdk')
    expect(sdk.length).toBeGreaterThanOrEqual(2)
    for (const r of rows) expect(positive(r.totalMs) && positive(r.idealMs), r.client).toBe(true)
    for (const r of sdk) {
      expect(r.failed, `${r.client}: ${r.error}`).toBe(0)
      expect(r.rateLimited).toBeGreaterThanOrEqual(0)
    }
  })

  it('times the import of each package in a fresh process', () => {
    const rows = results.coldStart ?? []
    for (const pkg of ['@x/nutshell', '@x/nutan', 'openai', 'axios', '@octokit/core']) {
      const row = rows.find((r) => r.pkg === pkg)
      expect(row?.error, pkg).toBeUndefined()
      expect(positive(row?.importMs), pkg).toBe(true)
    }
  })

  it('measures the browser bundle of each client', () => {
    const rows = results.size ?? []
    for (const name of ['@x/nutshell', '@x/nutan', 'openai', '@octokit/rest', 'axios', 'ky']) {
      const row = rows.find((r) => r.name === name)
      expect(row?.error, name).toBeUndefined()
      expect(positive(row?.gzipBytes) && row!.gzipBytes < row!.minBytes, name).toBe(true)
    }
  })
})
