import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DUAL_SCENARIO, dualPackageSource, dualRow, dualRuntime } from '../runtime-check/dual-package.ts'
import { checkPackageExports, exportTargets } from '../runtime-check/exports.ts'
import { publintRow } from '../runtime-check/lint.ts'
import { breakExport, type PackedPackage } from '../runtime-check/pack.ts'
import { formatTable, isFailure, rowsFromOutput } from '../runtime-check/report.ts'
import { scenarioSource } from '../runtime-check/scenario.ts'

const work = mkdtempSync(join(tmpdir(), 'runtime-check-test-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A small dual-format package laid out like ours, packed with tar the way npm unpacks it. */
function fixturePackage(name: string): PackedPackage {
  const root = join(work, name)
  const dir = join(root, 'package')
  mkdirSync(join(dir, 'dist'), { recursive: true })
  const manifest = {
    name: `@fixture/${name}`,
    version: '1.0.0',
    type: 'module',
    license: 'MIT',
    files: ['dist'],
    main: './dist/index.cjs',
    types: './dist/index.d.cts',
    exports: {
      '.': {
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './package.json': './package.json',
    },
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2))
  writeFileSync(join(dir, 'dist', 'index.js'), 'export const one = 1\n')
  writeFileSync(join(dir, 'dist', 'index.cjs'), 'exports.one = 1\n')
  writeFileSync(join(dir, 'dist', 'index.d.ts'), 'export declare const one: 1\n')
  writeFileSync(join(dir, 'dist', 'index.d.cts'), 'export declare const one: 1\n')
  const tarball = join(root, `${name}.tgz`)
  execFileSync('tar', ['czf', tarball, '-C', root, 'package'])
  return { name: manifest.name, tarball, unpacked: dir }
}

describe('the broken-export detection', () => {
  it('passes a package whose every entry point is shipped', async () => {
    const pkg = fixturePackage('whole')
    expect(checkPackageExports(pkg.unpacked)).toEqual([])
    expect((await publintRow(pkg)).result).toBe('ok')
  })

  it('fails a package whose ESM export points at a file the tarball lacks, naming the entry', async () => {
    const pkg = fixturePackage('broken')
    await breakExport(pkg)
    expect(checkPackageExports(pkg.unpacked)).toEqual([
      '@fixture/broken: . [import > default] -> ./dist/missing.js is not in the package',
    ])
    const lint = await publintRow(pkg)
    expect(lint.result).toBe('FAIL')
    expect(lint.detail).toMatch(/missing\.js/)
  })

  it('walks nested conditions, subpaths and the legacy fields', () => {
    const targets = exportTargets({
      main: './a.cjs',
      exports: { '.': { browser: './b.js', node: { import: './c.mjs' } }, './sub': ['./d.js'] },
    })
    expect(targets).toEqual([
      { entry: '.', conditions: ['browser'], target: './b.js' },
      { entry: '.', conditions: ['node', 'import'], target: './c.mjs' },
      { entry: './sub', conditions: [], target: './d.js' },
      { entry: 'main', conditions: [], target: './a.cjs' },
    ])
  })
})

describe('reading a scenario program', () => {
  it('counts a scenario the program never reported as a failure, with the reason', () => {
    const lines = ['@@result {"scenario":"nutshell","ok":true,"ms":12,"detail":"5 leads"}']
    const rows = rowsFromOutput('deno npm:', lines, 'exit 1\nSyntaxError: no export named NutanClient', 40)
    expect(rows.map((r) => [r.scenario, r.result])).toEqual([
      ['nutshell', 'ok'],
      ['nutan', 'FAIL'],
    ])
    expect(rows[1]!.detail).toContain('no export named NutanClient')
    expect(formatTable(rows)).toMatch(/deno npm: \| nutan +\| FAIL/)
  })

  it('reports a scenario that threw as failed, and a skip as not failing the run', () => {
    const rows = rowsFromOutput(
      'bun import',
      ['@@result {"scenario":"nutan","ok":false,"ms":3,"error":"boom"}'],
      '',
      5,
    )
    expect(rows.find((r) => r.scenario === 'nutan')).toMatchObject({ result: 'FAIL', detail: 'boom' })
    expect(isFailure({ runtime: 'chromium', scenario: '*', result: 'SKIPPED (no chromium)', ms: 0 })).toBe(
      false,
    )
  })

  it('loads the packages the way each runtime does', () => {
    const env = {
      nutshell: {
        email: 'e',
        apiKey: 'k',
        baseUrl: 'http://127.0.0.1:1/rest',
        rpcUrl: 'http://127.0.0.1:1/api/v1/json',
      },
      nutan: { accessToken: 't', baseUrl: 'http://127.0.0.1:2/v1' },
    }
    expect(scenarioSource('cjs', 'node 22 require', env)).toContain("require('@x/nutshell')")
    expect(scenarioSource('deno', 'deno', env)).toContain("from 'npm:@x/nutan'")
    expect(scenarioSource('ts', 'tsc', env)).toContain('IsAny<NutshellClient>')
  })
})

describe('the dual-package row (import and require in one process)', () => {
  const env = {
    nutshell: {
      email: 'e',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:1/rest',
      rpcUrl: 'http://127.0.0.1:1/api/v1/json',
    },
    nutan: { accessToken: 't', baseUrl: 'http://127.0.0.1:2/v1' },
  }

  it('loads @x/core and @x/nutshell both ways in one valid ES module', () => {
    const source = dualPackageSource(env)
    expect(source).toContain("import * as esm from '@x/core'")
    expect(source).toContain("require('@x/core')")
    expect(source).toContain("require('@x/nutshell')")
    const file = join(work, 'dual.mjs')
    writeFileSync(file, source)
    execFileSync(process.execPath, ['--check', file])
  })

  it('reads the verdict: ok, the failed checks, or nothing at all', () => {
    expect(dualRow(dualRuntime('24'), 'x\n@@dual ok\n', '', 5)).toMatchObject({
      runtime: 'node 24 dual',
      scenario: DUAL_SCENARIO,
      result: 'ok',
    })
    const failed = dualRow(
      'node 22 dual',
      '@@dual fail ["require -> import: NotFoundError instanceof ApiError"]',
      '',
      5,
    )
    expect(failed).toMatchObject({
      result: 'FAIL',
      detail: 'require -> import: NotFoundError instanceof ApiError',
    })
    expect(dualRow('node 22 dual', '', 'exit 1\nERR_REQUIRE_ESM', 5)).toMatchObject({
      result: 'FAIL',
      detail: 'exit 1\nERR_REQUIRE_ESM',
    })
  })
})
