// Measures what one import costs a browser app: esbuild with code splitting (as Vite, Rollup and webpack
// split dynamic imports by default), minified, each chunk gzipped. The budgeted size is the code a page
// loads up front: the entry chunk and every chunk it reaches through static imports. Chunks reached only
// through a dynamic `import()` load on first use and are reported on their own.
import { builtinModules } from 'node:module'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type OutputFile, type Plugin } from 'esbuild'
import { entrySource, parseImport } from './entry.ts'

/** Minified bytes one package contributes to a set of chunks. */
export interface PackageBytes {
  name: string
  bytes: number
}

/** One output chunk of the split bundle. */
export interface ChunkSize {
  /** The chunk's file name in the (unwritten) output directory. */
  file: string
  minBytes: number
  gzipBytes: number
  /** Minified bytes each package contributes to this chunk, largest first. */
  byPackage: PackageBytes[]
}

/** The size of one import in a minified, code-split browser bundle. */
export interface BundleMeasurement {
  /** The import statement measured. */
  entry: string
  /** The module it imports from. */
  specifier: string
  /** Minified bytes loaded up front: the entry chunk plus the chunks it imports statically. */
  minBytes: number
  /** The budgeted size: the sum of each up-front chunk gzipped on its own, as a server sends them. */
  gzipBytes: number
  /**
   * The up-front chunks gzipped as one stream: what they would weigh merged into one file (as Rollup
   * and Vite emit them). Lower than `gzipBytes` when esbuild splits them into several chunks.
   */
  joinedGzipBytes: number
  /** Node built-ins any chunk would need (each one breaks or polyfills the browser build). */
  nodeImports: string[]
  /** Source files that went into the bundle (all chunks). */
  inputs: number
  /** Minified bytes each package contributes to the up-front chunks, largest first. */
  byPackage: PackageBytes[]
  /** The chunks loaded up front, entry chunk first. */
  initialChunks: ChunkSize[]
  /** Chunks loaded only through a dynamic `import()`, on first use; not counted in `gzipBytes`. */
  lazyChunks: ChunkSize[]
  /** Sum of the lazy chunks' minified sizes. */
  lazyMinBytes: number
  /** Sum of the lazy chunks' gzip sizes. */
  lazyGzipBytes: number
}

const NODE_BUILTINS = [...new Set(builtinModules.flatMap((name) => [name, `node:${name}`, `${name}/*`]))]
const ENTRY = 'bundle-size:entry'

/** A virtual entry module (splitting needs entry points, not stdin) that resolves from `resolveDir`. */
function entryPlugin(contents: string, resolveDir: string): Plugin {
  return {
    name: 'bundle-size-entry',
    setup(b) {
      b.onResolve({ filter: /^bundle-size:entry$/ }, () => ({ path: 'entry.js', namespace: ENTRY }))
      b.onLoad({ filter: /.*/, namespace: ENTRY }, () => ({ contents, resolveDir, loader: 'js' }))
    },
  }
}

/** Bundles `statement` for the browser from `resolveDir` and returns its up-front and lazy sizes. */
export async function measureImport(statement: string, resolveDir: string): Promise<BundleMeasurement> {
  const { specifier } = parseImport(statement)
  const workingDir = resolve(resolveDir)
  const result = await build({
    entryPoints: [ENTRY],
    plugins: [entryPlugin(entrySource(statement), workingDir)],
    absWorkingDir: workingDir,
    bundle: true,
    splitting: true,
    outdir: 'bundle-size-out',
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
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.js'))
  const entryPath = outputs.find(([, meta]) => meta.entryPoint !== undefined)?.[0]
  if (!entryPath) throw new Error(`esbuild produced no entry chunk for ${statement}`)
  const metaOf = new Map(outputs)
  const initial = reachable([entryPath], metaOf, ['import-statement'])
  const everything = reachable([entryPath], metaOf, ['import-statement', 'dynamic-import'])
  const lazy = [...everything].filter((path) => !initial.has(path))
  const sizeOf = (path: string) => chunkSize(path, metaOf.get(path)!, fileFor(path, result.outputFiles))
  const initialFiles = [...initial].map((path) => fileFor(path, result.outputFiles))
  const initialChunks = [...initial].map(sizeOf)
  const lazyChunks = lazy.map(sizeOf).sort((a, b) => b.gzipBytes - a.gzipBytes)
  const nodeImports = outputs.flatMap(([, meta]) => meta.imports.filter((i) => i.external).map((i) => i.path))
  return {
    entry: statement,
    specifier,
    minBytes: sum(initialChunks, 'minBytes'),
    gzipBytes: sum(initialChunks, 'gzipBytes'),
    joinedGzipBytes: gzipSync(Buffer.concat(initialFiles.map((f) => f.contents))).byteLength,
    nodeImports: [...new Set(nodeImports)],
    inputs: Object.keys(result.metafile.inputs).length,
    byPackage: packageBytes([...initial].map((path) => metaOf.get(path)!)),
    initialChunks,
    lazyChunks,
    lazyMinBytes: sum(lazyChunks, 'minBytes'),
    lazyGzipBytes: sum(lazyChunks, 'gzipBytes'),
  }
}

type ImportKind = Metafile['outputs'][string]['imports'][number]['kind']

/** The chunks reachable from `start` through imports of the given kinds, in discovery order. */
function reachable(start: string[], metaOf: Map<string, Metafile['outputs'][string]>, kinds: ImportKind[]) {
  const seen = new Set<string>()
  const queue = [...start]
  while (queue.length > 0) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    for (const imported of metaOf.get(path)?.imports ?? []) {
      if (!imported.external && kinds.includes(imported.kind) && metaOf.has(imported.path))
        queue.push(imported.path)
    }
  }
  return seen
}

/** The output file whose absolute path ends with the metafile's (working-directory relative) path. */
function fileFor(path: string, files: OutputFile[]): OutputFile {
  const file = files.find((f) => f.path.endsWith(`/${path}`))
  if (!file) throw new Error(`esbuild wrote no file for chunk ${path}`)
  return file
}

function chunkSize(path: string, meta: Metafile['outputs'][string], file: OutputFile): ChunkSize {
  return {
    file: path.replace(/^bundle-size-out\//, ''),
    minBytes: file.contents.byteLength,
    gzipBytes: gzipSync(file.contents).byteLength,
    byPackage: packageBytes([meta]),
  }
}

function packageBytes(metas: Array<Metafile['outputs'][string]>): PackageBytes[] {
  const totals = new Map<string, number>()
  for (const meta of metas) {
    for (const [path, info] of Object.entries(meta.inputs)) {
      const name = packageOf(path)
      totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput)
    }
  }
  return [...totals]
    .filter(([, bytes]) => bytes > 0)
    .map(([name, bytes]) => ({ name, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
}

function sum(chunks: ChunkSize[], key: 'minBytes' | 'gzipBytes'): number {
  return chunks.reduce((total, chunk) => total + chunk[key], 0)
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
