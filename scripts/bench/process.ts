// Starting and talking to the child processes a benchmark uses (servers, fresh-process measurements).
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/** This directory, for spawning sibling scripts. */
export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))

/** A child process that serves HTTP on loopback until closed. */
export interface ServerProcess {
  url: string
  /** Everything the server announced besides its URL (e.g. a simulator's credentials). */
  info: Record<string, string>
  close(): Promise<void>
}

/** Runs `script` (a .ts file in this directory) as a server process and waits for its `{"url"}` line. */
export async function startServer(script: string, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [`${BENCH_DIR}${script}`, ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)))
    lines.once('line', (line) => resolve(JSON.parse(line) as Record<string, string>))
  })
  lines.close()
  return { url: info.url!, info, close: () => stop(child) }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.stdin?.end()
    // A server that ignores the closed stdin is ended by its own pid.
    setTimeout(() => child.kill(), 2000).unref()
  })
}

/** Runs a node process to completion and parses the JSON its last stdout line holds. */
export function runJson<T>(args: string[], options: { cwd?: string } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
    })
    child.stderr.on('data', (chunk) => {
      err += chunk
    })
    child.once('error', reject)
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}\n${err}`))
      try {
        resolve(JSON.parse(last) as T)
      } catch {
        reject(new Error(`node ${args.join(' ')} printed no JSON result\n${out}\n${err}`))
      }
    })
  })
}

/** The first line of a child's error that names an error (`Error: ...`, `TypeError [CODE]: ...`), for a table cell. */
export function errorLine(error: unknown): string {
  const lines = (error as Error).message.split('\n').map((l) => l.trim())
  const named = lines.find((l) => /^(\w+)?Error\b/.test(l)) ?? lines[0] ?? 'failed'
  return named.length > 160 ? `${named.slice(0, 157)}...` : named
}
