// A throwaway redis-server on a free loopback port: Debian's package, installed with apt-get when it is
// missing (CI machines start without it), no persistence, stopped (or killed, to test an outage) on demand.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { promisify } from 'node:util'

const run = promisify(execFile)
const BIN = '/usr/bin/redis-server'

/** Installs Debian's redis-server when it is missing; throws with the reason when it cannot. */
export async function ensureRedisServer(): Promise<string> {
  if (existsSync(BIN)) return BIN
  if (process.getuid?.() !== 0) throw new Error('redis-server is missing, and apt-get needs root')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const lock = ['-o', 'DPkg::Lock::Timeout=600']
  const install = () =>
    run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', 'redis-server'], {
      env,
      timeout: 600_000,
    })
  try {
    await install()
  } catch {
    await run('apt-get', ['update'], { env, timeout: 300_000 })
    await install()
  }
  if (!existsSync(BIN)) throw new Error('apt-get install redis-server did not install /usr/bin/redis-server')
  return BIN
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** A running redis-server. */
export interface RedisServer {
  port: number
  url: string
  /** Stops the server (the outage a test wants), resolving once the process has exited. */
  stop(): Promise<void>
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>
  /** Stops the process without closing its connections (SIGSTOP): Redis hangs, as on a dead link. */
  freeze(): void
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void
}

/** Starts redis-server on a free loopback port, without persistence. */
export async function startRedisServer(): Promise<RedisServer> {
  const bin = await ensureRedisServer()
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
    const started = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child = started
    await new Promise<void>((resolve, reject) => {
      let seen = ''
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${seen}`)), 10_000)
      started.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString()
        if (seen.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}: ${seen}`))
      })
    })
    started.stdout?.resume()
  }
  const stop = async () => {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve())
      running.kill('SIGKILL')
    })
  }
  await start()
  process.once('exit', () => child?.kill('SIGKILL'))
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: start,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
  }
}
