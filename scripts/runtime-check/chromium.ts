// Debian's Chromium, installed with apt-get when it is missing (CI machines start without it).
import { existsSync } from 'node:fs'
import { BIN } from './paths.ts'
import { cleanEnv, run, tail } from './run.ts'

/** Makes sure /usr/bin/chromium exists; resolves with the reason when it cannot. */
export async function ensureChromium(
  log: (line: string) => void,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (existsSync(BIN.chromium)) return { ok: true }
  if (process.getuid?.() !== 0) return { ok: false, reason: 'no chromium, and apt-get needs root' }
  log('Installing Debian chromium with apt-get (first run only) ...')
  const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' })
  const update = await run('apt-get', ['update'], { cwd: '/', env, timeoutMs: 300_000 })
  if (update.code !== 0) return { ok: false, reason: `apt-get update failed: ${tail(update.stderr, 3)}` }
  const install = await run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    cwd: '/',
    env,
    timeoutMs: 900_000,
  })
  if (install.code !== 0 || !existsSync(BIN.chromium)) {
    return { ok: false, reason: `apt-get install chromium failed: ${tail(install.stderr, 3)}` }
  }
  return { ok: true }
}

/** The launch flags for a sandboxed CI machine whose network is closed to everything but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
