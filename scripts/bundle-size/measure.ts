// Measures what one import costs a browser bundle: esbuild, minified, then gzip.
import { builtinModules } from 'node:module'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { entrySource, parseImport } from './entry.ts'

/** The size of one import in a minified browser bundle. */
export interface BundleMeasurement {
  /** The import statement measured. */
  entry: string
  /** The module it imports from. */
  specifier: string
  minBytes: number
  gzipBytes: number
  /** Node built-ins the bundle would need (each one breaks or polyfills the browser build). */
  nodeImports: string[]
  /** Source files that went into the bundle. */
  inputs: number
  /** Minified bytes each package contributes, largest first (where to look when over budget). */
  byPackage: Array<{ name: string; bytes: number }>
}

const NODE_BUILTINS = [...new Set(builtinModules.flatMap((name) => [name, `node:${name}`, `${name}/*`]))]

/** Bundles `statement` for the browser from `resolveDir` and returns its minified and gzip sizes. */
export async function measureImport(statement: string, resolveDir: string): Promise<BundleMeasurement> {
  const { specifier } = parseImport(statement)
  const result = await build({
    stdin: { contents: entrySource(statement), resolveDir, loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Node built-ins stay external so the build finishes; the metafile then names each one.
    external: [...NODE_BUILTINS, 'node:*'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error(`esbuild produced no output for ${statement}`)
  const meta = Object.values(result.metafile.outputs)[0]
  const nodeImports = (meta?.imports ?? []).filter((i) => i.external).map((i) => i.path)
  const totals = new Map<string, number>()
  for (const [path, info] of Object.entries(meta?.inputs ?? {})) {
    const name = packageOf(path)
    totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput)
  }
  const byPackage = [...totals]
    .filter(([, bytes]) => bytes > 0)
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
  return {
    entry: statement,
    specifier,
    minBytes: output.contents.byteLength,
    gzipBytes: gzipSync(output.contents).byteLength,
    nodeImports: [...new Set(nodeImports)],
    inputs: Object.keys(result.metafile.inputs).length,
    byPackage,
  }
}

/** The package an input file belongs to: the last node_modules/<name> in its path, or its workspace folder. */
export function packageOf(path: string): string {
  const modules = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/.][^/]*)/g)]
  const last = modules.at(-1)?.[1]
  if (last) return last
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(path)
  return workspace ? `@x/${workspace[1]}` : path
}

/** Bytes as kilobytes (1 KB = 1000 bytes, the stricter reading of a budget) with one decimal. */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`
}
