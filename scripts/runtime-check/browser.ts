// The scenario in a browser: bundled by esbuild and by Vite from the installed packages, served from
// one loopback origin and run in headless Chromium, calling the simulators on another (CORS).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { build as esbuild } from 'esbuild'
import { CHROMIUM_ARGS } from './chromium.ts'
import { BIN } from './paths.ts'
import { failRow, type Row, rowsFromOutput } from './report.ts'
import { type ScenarioEnv, scenarioSource } from './scenario.ts'

const PAGE = (script: string) =>
  `<!doctype html>\n<html><head><meta charset="utf-8"><title>runtime check</title></head>\n<body><script type="module" src="${script}"></script></body></html>\n`

interface Bundle {
  runtime: string
  /** The folder served at `/<name>/`. */
  name: string
  dir: string
  ms: number
}

async function bundleWithEsbuild(browserDir: string, env: ScenarioEnv): Promise<Bundle> {
  const runtime = 'chromium esbuild'
  const src = join(browserDir, 'esbuild-src')
  const dir = join(browserDir, 'esbuild')
  mkdirSync(src, { recursive: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(src, 'main.js'), scenarioSource('esm', runtime, env))
  const start = performance.now()
  await esbuild({
    entryPoints: [join(src, 'main.js')],
    outfile: join(dir, 'app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  writeFileSync(join(dir, 'index.html'), PAGE('./app.js'))
  return { runtime, name: 'esbuild', dir, ms: performance.now() - start }
}

async function bundleWithVite(browserDir: string, env: ScenarioEnv): Promise<Bundle> {
  const runtime = 'chromium vite'
  const root = join(browserDir, 'vite-src')
  mkdirSync(root, { recursive: true })
  writeFileSync(join(root, 'main.js'), scenarioSource('esm', runtime, env))
  writeFileSync(join(root, 'index.html'), PAGE('./main.js'))
  const vite = await import('vite')
  const start = performance.now()
  await vite.build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    build: { outDir: join(browserDir, 'vite'), emptyOutDir: true, minify: true },
  })
  return { runtime, name: 'vite', dir: join(browserDir, 'vite'), ms: performance.now() - start }
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    let file = join(root, path)
    if (file.endsWith('/')) file = join(file, 'index.html')
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  )
}

/** Bundles the scenario both ways and runs each bundle in headless Chromium. */
export async function runBrowser(consumerDir: string, env: ScenarioEnv): Promise<Row[]> {
  const browserDir = join(consumerDir, 'browser')
  const rows: Row[] = []
  const bundles: Bundle[] = []
  for (const [runtime, make] of [
    ['chromium esbuild', bundleWithEsbuild],
    ['chromium vite', bundleWithVite],
  ] as const) {
    try {
      bundles.push(await make(browserDir, env))
    } catch (error) {
      rows.push(failRow(runtime, 'bundle', 0, (error as Error).message))
    }
  }
  if (bundles.length === 0) return rows
  const { chromium } = await import('playwright-core')
  const { server, url } = await serveStatic(browserDir)
  const browser = await chromium.launch({ executablePath: BIN.chromium, args: CHROMIUM_ARGS })
  try {
    for (const bundle of bundles) {
      const page = await browser.newPage()
      const lines: string[] = []
      const problems: string[] = []
      page.on('console', (message) => {
        lines.push(message.text())
        if (message.type() === 'error') problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(error.stack ?? error.message))
      const start = performance.now()
      try {
        await page.goto(`${url}/${bundle.name}/index.html`)
        await waitForDone(lines, 30_000)
      } catch (error) {
        problems.push((error as Error).message)
      }
      rows.push(
        okBundleRow(bundle),
        ...rowsFromOutput(bundle.runtime, lines, problems.join('\n'), Math.round(performance.now() - start)),
      )
      await page.close()
    }
  } finally {
    await browser.close()
    server.close()
  }
  return rows
}

function okBundleRow(bundle: Bundle): Row {
  return { runtime: bundle.runtime, scenario: 'bundle', result: 'ok', ms: bundle.ms }
}

async function waitForDone(lines: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!lines.includes('@@done')) {
    if (Date.now() > deadline) throw new Error(`the page did not finish in ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
