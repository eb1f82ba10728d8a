// `pnpm coverage` in-process, on the package sources: every pairing proven, the count never falls.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { NutshellClient } from '@x/nutshell'
import { beforeAll, describe, expect, test } from 'vitest'
import { type CoverageReport, coverage, formatCoverage, PAIRINGS } from '../coverage.ts'
import { DOCUMENT, readManifest } from '../nutshell-manifest.ts'

/** Every operation of the document is proven covered: a new one the SDK lacks fails this. */
const COVERED_AT_LEAST = 112

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const client = (fetch: typeof globalThis.fetch) =>
  new NutshellClient({ email: 'coverage@example.com', apiKey: 'coverage-key', fetch, maxRetries: 0 })

describe('the operation manifest', () => {
  test('has 112 operations, each with a unique METHOD path', () => {
    const keys = readManifest().operations.map((o) => `${o.method} ${o.path}`)
    expect(keys).toHaveLength(112)
    expect(new Set(keys).size).toBe(112)
  })

  test.skipIf(!existsSync(DOCUMENT))(
    'matches the OpenAPI document (skipped without ../shared/reference/nutshell-openapi.json, as in a fresh clone)',
    () => {
      const out = execFileSync(process.execPath, ['scripts/nutshell-manifest.ts', '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
      })
      expect(out).toContain('matches the OpenAPI document')
      expect(out).not.toContain('drift')
    },
  )
})

describe('pnpm coverage', () => {
  let report: CoverageReport
  beforeAll(async () => {
    report = await coverage(client)
  })

  test("every pairing's call sends its operation's method and path", () => {
    expect(report.pairings.filter((p) => !p.proven)).toEqual([])
    expect(report.problems).toEqual([])
    expect(report.pairings).toHaveLength(PAIRINGS.length)
  })

  test(`covers at least ${COVERED_AT_LEAST} operations`, () => {
    expect(report.covered).toBeGreaterThanOrEqual(COVERED_AT_LEAST)
    expect(report.covered).toBe(PAIRINGS.length)
  })

  test('lists every operation and ends with the count', () => {
    const all = formatCoverage(report).split('\n')
    const lines = all.slice(0, all.indexOf(''))
    expect(lines).toHaveLength(112 + 1)
    expect(lines.find((l) => l.startsWith('GET /leads/{id} '))).toMatch(
      /^GET \/leads\/\{id\} +ns\.leads\.get\(id/,
    )
    expect(lines.find((l) => l.startsWith('GET /leads/list '))).toMatch(
      /^GET \/leads\/list +ns\.leads\.listView/,
    )
    expect(lines.filter((l) => l.endsWith('  —'))).toHaveLength(112 - report.covered)
    expect(lines.at(-1)).toBe(`nutshell REST: ${report.covered}/112 operations`)
    // Then every typed JSON-RPC method beside its source, and the count.
    expect(all.find((l) => l.startsWith('findLead_Outcomes '))).toMatch(/RB/)
    expect(all.at(-1)).toMatch(/^nutshell JSON-RPC: \d+ typed methods$/)
    expect(Number(/(\d+) typed/.exec(all.at(-1) ?? '')?.[1])).toBeGreaterThanOrEqual(80)
  })

  test('a call that sends another request, or an operation the manifest lacks, is a problem and not covered', async () => {
    const wrong = await coverage(client, [
      // `/leads/list` is its own operation, though `/leads/{id}` would match it segment by segment.
      { operation: 'GET /leads/{id}', label: 'ns.leads.get(list)', call: (ns) => ns.leads.get('list') },
      {
        operation: 'GET /leads/{id}/stages',
        label: 'ns.leads.get(id)',
        call: (ns) => ns.leads.get('1-leads'),
      },
      {
        operation: 'GET /leads/{id}/nothing',
        label: 'ns.leads.get(id)',
        call: (ns) => ns.leads.get('1-leads'),
      },
    ])
    expect(wrong.covered).toBe(0)
    expect(wrong.pairings.map((p) => p.sent)).toEqual([
      ['GET /leads/list'],
      ['GET /leads/1-leads'],
      ['GET /leads/1-leads'],
    ])
    expect(wrong.problems).toEqual([
      'mismatch: GET /leads/{id} ns.leads.get(list) sent GET /leads/list',
      'mismatch: GET /leads/{id}/stages ns.leads.get(id) sent GET /leads/1-leads',
      'not in the manifest: GET /leads/{id}/nothing (ns.leads.get(id))',
    ])
  })
})
