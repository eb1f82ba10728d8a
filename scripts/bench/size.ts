// Section 5: browser bundle size of each client, measured by the same code as `scripts/bundle-size.ts`
// (esbuild, platform browser, minified, gzip), from the packages' published entry points.
import { fileURLToPath } from 'node:url'
import { measureImport } from '../bundle-size/measure.ts'

const SCRIPTS_DIR = fileURLToPath(new URL('..', import.meta.url))

/** What each bundle imports: exactly what a user's `import` line pulls in. */
export const SIZE_ENTRIES = [
  { name: '@x/nutshell', kind: 'sdk', statement: "import { NutshellClient } from '@x/nutshell'" },
  { name: '@x/nutan', kind: 'sdk', statement: "import { NutanClient } from '@x/nutan'" },
  { name: 'openai', kind: 'alternative', statement: "import OpenAI from 'openai'" },
  { name: '@octokit/rest', kind: 'alternative', statement: "import { Octokit } from '@octokit/rest'" },
  { name: '@octokit/core', kind: 'alternative', statement: "import { Octokit } from '@octokit/core'" },
  { name: 'axios', kind: 'alternative', statement: "import axios from 'axios'" },
  { name: 'ky', kind: 'alternative', statement: "import ky from 'ky'" },
] as const

/** One bundle's size in bytes. */
export interface SizeRow {
  name: string
  kind: 'sdk' | 'alternative'
  statement: string
  minBytes: number
  gzipBytes: number
  /** Node built-ins the bundle would need in a browser (should be none). */
  nodeImports: string[]
  error?: string
}

/** Measures every entry; a package that is not built yet gets an error row. */
export async function runSize(log: (line: string) => void = () => {}): Promise<SizeRow[]> {
  const rows: SizeRow[] = []
  for (const { name, kind, statement } of SIZE_ENTRIES) {
    try {
      const m = await measureImport(statement, SCRIPTS_DIR)
      rows.push({
        name,
        kind,
        statement,
        minBytes: m.minBytes,
        gzipBytes: m.gzipBytes,
        nodeImports: m.nodeImports,
      })
    } catch (error) {
      const message = (error as Error).message.split('\n').slice(0, 2).join(' ')
      rows.push({
        name,
        kind,
        statement,
        minBytes: Number.NaN,
        gzipBytes: Number.NaN,
        nodeImports: [],
        error: message,
      })
    }
  }
  log(`  ${rows.length} bundles`)
  return rows
}
