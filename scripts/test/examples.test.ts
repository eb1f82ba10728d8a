// Every program in examples/ runs to completion on the simulators, the way a user runs it (on the built packages).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts'))
const built = ['core', 'nutshell', 'nutan', 'testkit', 'agent'].every((p) =>
  existsSync(join(root, 'packages', p, 'dist', 'index.js')),
)

// Credentials in the environment would switch an example to the real services.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^(NUTSHELL_|NUTAN_)/.test(k)),
) as NodeJS.ProcessEnv

describe.runIf(built)('examples', () => {
  it('has one example per client and one for agents', () => {
    expect(examples).toEqual(
      expect.arrayContaining(['nutshell-rest.ts', 'nutshell-rpc.ts', 'nutan-sync.ts', 'agent-notes.ts']),
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
