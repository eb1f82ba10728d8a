// Runs one command with a clean environment and a time limit, collecting its output.
import { spawn } from 'node:child_process'
import { dirname } from 'node:path'
import { BIN } from './paths.ts'

/** What a finished command left behind. */
export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  timedOut: boolean
}

export interface RunOptions {
  cwd: string
  env?: Record<string, string>
  timeoutMs?: number
  input?: string
}

/**
 * The environment a user's shell would give: PATH with Node 24 first, and none of the variables
 * pnpm shims or this process set (NODE_PATH would let a consumer resolve the monorepo's packages).
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue
    if (key === 'NODE_PATH' || key === 'NODE_OPTIONS' || key.startsWith('npm_') || key.startsWith('PNPM_'))
      continue
    if (key === 'INIT_CWD' || key === 'VITEST' || key.startsWith('VITEST_')) continue
    env[key] = value
  }
  env.PATH = `${dirname(BIN.node24)}:${env.PATH ?? '/usr/bin:/bin'}`
  env.NO_COLOR = '1'
  return { ...env, ...extra }
}

/** Runs `command args` and resolves with its exit code and output (never rejects on a non-zero exit). */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cleanEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, options.timeoutMs ?? 120_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, ms: performance.now() - start, timedOut })
    })
    // A child that exits before reading its input closes the pipe; its exit code tells what happened.
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}

/** Ends a process group this module started (children run detached, in their own group). */
export function killGroup(pid: number | undefined): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

/** The last lines of a command's output, for a failure message. */
export function tail(text: string, lines = 12): string {
  return text.trim().split('\n').slice(-lines).join('\n')
}
