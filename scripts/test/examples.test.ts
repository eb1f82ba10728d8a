// Every program in examples/ runs to completion on the simulators, the way a user runs it (on the built packages).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedisServer } from '../../packages/redis-limiter/test/redis-server.ts'

const root = join(import.meta.dirname, '..', '..')
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'))
const built = ['core', 'nutshell', 'nutan', 'testkit', 'agent', 'redis-limiter'].every((p) =>
  existsSync(join(root, 'packages', p, 'dist', 'index.js')),
)

// Credentials in the environment would switch an example to the real services.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(NUTSHELL_|NUTAN_)/.test(k)),
) as NodeJS.ProcessEnv

describe.runIf(built)('examples', () => {
  // shared-budget.ts shares a budget through Redis: a throwaway redis-server (installed when missing).
  let redis: RedisServer | undefined
  beforeAll(async () => {
    redis = await startRedisServer()
    env.REDIS_URL = redis.url
  }, 600_000)
  afterAll(() => redis?.stop())

  it('has one example per client and one for agents', () => {
    expect(examples).toEqual(
      expect.arrayContaining([
        'nutshell-rest.ts',
        'nutshell-rpc.ts',
        'nutan-sync.ts',
        'agent-notes.ts',
        'shared-budget.ts',
      ]),
    )
  })

  it.each(examples)('%s runs on the simulator and exits 0', (file) => {
    const run = spawnSync(process.execPath, [join(root, 'examples', file)], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.stderr).not.toMatch(/Error/)
    expect(run.status).toBe(0)
    expect(run.stdout.length).toBeGreaterThan(0)
  })
})
