// The simulators run in their own Node 24 process, from the packed @x/testkit, on loopback, so
// every runtime and the browser talk to the same servers.
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN } from './paths.ts'
import { cleanEnv, killGroup } from './run.ts'
import type { ScenarioEnv } from './scenario.ts'

const SERVER = `// Started by scripts/runtime-check: serves both simulators until stdin closes.
import { createNutanSimulator, createNutshellSimulator } from '@x/testkit'

const nutshell = createNutshellSimulator({ seed: 7 })
// Every runtime shares these servers, so Nutan's per-minute tiers would throttle the matrix itself.
const nutan = createNutanSimulator({
  seed: 7,
  accessTokenTtlMs: 3_600_000,
  rateLimits: { globalPerMinute: Infinity, strictPerMinute: Infinity },
})
const nutshellServer = await nutshell.listen()
const nutanServer = await nutan.listen()
const credentials = nutshell.credentials
const env = {
  nutshell: {
    email: credentials.email,
    apiKey: credentials.apiKey,
    baseUrl: nutshellServer.url + '/rest',
    rpcUrl: nutshellServer.url + '/api/v1/json',
  },
  nutan: { accessToken: nutan.issueTokens().access_token, baseUrl: nutanServer.url + '/v1' },
}
console.log('@@env ' + JSON.stringify(env))
process.stdin.resume()
process.stdin.on('end', async () => {
  await Promise.all([nutshellServer.close(), nutanServer.close()])
  process.exit(0)
})
`

/** A running simulator process: the addresses and credentials the scenario uses, and how to stop it. */
export interface Simulators {
  env: ScenarioEnv
  stop(): void
}

/** Starts the simulator server in `consumerDir` and waits for it to print where it listens. */
export function startSimulators(consumerDir: string): Promise<Simulators> {
  const script = join(consumerDir, 'sim-server.mjs')
  writeFileSync(script, SERVER)
  const child: ChildProcess = spawn(BIN.node24, [script], {
    cwd: consumerDir,
    env: cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child.pid)
      reject(new Error(`the simulator server did not start in 30 s:\n${output}`))
    }, 30_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const line = output.split('\n').find((l) => l.startsWith('@@env '))
      if (!line) return
      clearTimeout(timer)
      resolve({
        env: JSON.parse(line.slice('@@env '.length)) as ScenarioEnv,
        stop: () => {
          child.stdin?.end()
          setTimeout(() => killGroup(child.pid), 2_000).unref()
        },
      })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8')
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(
          `the simulator server exited (${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`,
        ),
      )
    })
  })
}
