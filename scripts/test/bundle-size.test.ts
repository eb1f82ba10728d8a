import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { entrySource, parseImport } from '../bundle-size/entry.ts'
import { measureImport, packageOf } from '../bundle-size/measure.ts'
import { SDK_ENTRIES } from '../bundle-size.ts'
import { BIN, ROOT } from '../runtime-check/paths.ts'

const built = SDK_ENTRIES.every((entry) => existsSync(join(ROOT, entry.dist)))
const missing = SDK_ENTRIES.filter((entry) => !existsSync(join(ROOT, entry.dist))).map((e) => e.dist)

describe.skipIf(!built)(
  `the browser budget on the built packages${built ? '' : ` (skipped: ${missing.join(', ')} not built)`}`,
  () => {
    it('keeps the code each SDK client loads up front within its budget (Nutshell 40 KB, Nutan 30 KB), with no Node built-in', async () => {
      const script = join(ROOT, 'scripts', 'bundle-size.ts')
      // The script exits 1 over budget; its JSON still says by how much and which packages weigh most.
      const stdout = await promisify(execFile)(BIN.node24, [script, '--json'], { cwd: ROOT }).then(
        (done) => done.stdout,
        (error: { stdout?: string }) => error.stdout ?? '',
      )
      const { rows } = JSON.parse(stdout) as { rows: Row[] }
      expect(rows.map((r) => r.entry)).toEqual(SDK_ENTRIES.map((e) => e.statement))
      for (const row of rows) {
        // Lazy chunks are listed apart, so a client that splits shows what it defers.
        expect(row.lazyGzipBytes, row.entry).toBe(row.lazyChunks.reduce((n, c) => n + c.gzipBytes, 0))
        const weights = row.byPackage.map((p) => `${p.name} ${p.bytes}`).join(', ')
        expect(row.nodeImports, row.entry).toEqual([])
        const designBudgetKb = row.entry.includes('NutshellClient') ? 40 : 30
        expect(SDK_ENTRIES.find((e) => e.statement === row.entry)!.limitKb, 'the design budget').toBe(
          designBudgetKb,
        )
        expect(row.gzipBytes, `${row.entry} (minified bytes by package: ${weights})`).toBeLessThanOrEqual(
          designBudgetKb * 1000,
        )
      }
    })
  },
)

interface Row {
  entry: string
  gzipBytes: number
  nodeImports: string[]
  byPackage: Array<{ name: string; bytes: number }>
  lazyGzipBytes: number
  lazyChunks: Array<{ file: string; gzipBytes: number }>
}

describe('measuring an import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-size-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps what the import binds, so an unused import is not tree-shaken to nothing', () => {
    expect(parseImport("import ky, { HTTPError as E } from 'ky'")).toEqual({
      specifier: 'ky',
      locals: ['E', 'ky'],
    })
    expect(parseImport("import * as z from 'zod/mini'").locals).toEqual(['z'])
    expect(entrySource("import { NutanClient } from '@x/nutan'")).toContain('export { NutanClient }')
    expect(() => parseImport('const x = 1')).toThrow(/Not a single import/)
  })

  it('attributes bundle bytes to the package that shipped them, through pnpm and npm layouts', () => {
    expect(packageOf('node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js')).toBe('zod')
    expect(packageOf('node_modules/@octokit/rest/dist-src/index.js')).toBe('@octokit/rest')
    expect(packageOf('packages/nutshell/dist/index.js')).toBe('@x/nutshell')
  })

  it('names every Node built-in a bundle would drag into the browser', async () => {
    writeFileSync(
      join(dir, 'server-only.js'),
      "import { readFileSync } from 'node:fs'\nimport { EventEmitter } from 'events'\nexport const load = () => [readFileSync, EventEmitter]\n",
    )
    const m = await measureImport("import { load } from './server-only.js'", dir)
    expect(m.nodeImports.sort()).toEqual(['events', 'node:fs'])
  })

  it('names a Node built-in that only a lazily loaded chunk needs', async () => {
    writeFileSync(join(dir, 'lazy-server.js'), "export { readFileSync } from 'node:fs'\n")
    writeFileSync(
      join(dir, 'lazy-root.js'),
      "export const load = () => import('./lazy-server.js').then((m) => m.readFileSync)\n",
    )
    const m = await measureImport("import { load } from './lazy-root.js'", dir)
    expect(m.nodeImports).toEqual(['node:fs'])
  })

  it('budgets the entry chunk and its static imports, and lists dynamic imports as lazy chunks', async () => {
    const big = (name: string) =>
      `export const ${name} = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `${name}-${i}`))}\n`
    writeFileSync(join(dir, 'shared.js'), big('shared'))
    writeFileSync(
      join(dir, 'heavy.js'),
      `import { shared } from './shared.js'\n${big('heavy')}export const both = [heavy, shared]\n`,
    )
    writeFileSync(
      join(dir, 'app.js'),
      "import { shared } from './shared.js'\nexport const first = () => shared\nexport const later = () => import('./heavy.js')\n",
    )
    writeFileSync(join(dir, 'eager.js'), "import { both } from './heavy.js'\nexport const now = () => both\n")
    const split = await measureImport("import { first, later } from './app.js'", dir)
    const eager = await measureImport("import { now } from './eager.js'", dir)
    // The shared module lands in a chunk of its own that the entry imports statically: it counts.
    expect(split.initialChunks.length).toBeGreaterThan(1)
    expect(split.gzipBytes).toBe(split.initialChunks.reduce((n, c) => n + c.gzipBytes, 0))
    expect(split.minBytes).toBeGreaterThan(400 * 'shared-0'.length)
    // The dynamically imported module is a lazy chunk: reported, not budgeted.
    expect(split.lazyChunks).toHaveLength(1)
    expect(split.lazyChunks[0]!.minBytes).toBeGreaterThan(400 * 'heavy-0'.length)
    expect(split.lazyGzipBytes).toBe(split.lazyChunks[0]!.gzipBytes)
    expect(split.minBytes).toBeLessThan(eager.minBytes)
    // Imported statically, the same module is loaded up front.
    expect(eager.lazyChunks).toEqual([])
    expect(eager.minBytes).toBeGreaterThan(400 * ('heavy-0'.length + 'shared-0'.length))
  })

  it('measures a browser-clean module and reports no built-ins', async () => {
    writeFileSync(join(dir, 'clean.js'), "export const greet = (name) => 'hello ' + name\n")
    const m = await measureImport("import { greet } from './clean.js'", dir)
    expect(m.nodeImports).toEqual([])
    expect(m.minBytes).toBeGreaterThan(0)
    expect(m.gzipBytes).toBeGreaterThan(0)
    expect(m.initialChunks).toHaveLength(1)
    expect(m.lazyChunks).toEqual([])
    expect(m.lazyGzipBytes).toBe(0)
  })
})
