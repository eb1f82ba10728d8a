// `deno run` of a script that imports @x/testkit, calls both simulators in process and ends: the
// process must exit on its own. (msw's root entry opens a BroadcastChannel on import that Deno cannot
// unref; a testkit that loads it keeps `deno run` alive forever, while `deno test` hides the problem.)
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN } from './paths.ts'
import { failRow, okRow, type Row } from './report.ts'
import { cleanEnv, run, tail } from './run.ts'

export const DENO_TESTKIT_RUNTIME = 'deno run testkit'

/** How long the script may take, Deno's start and npm resolution included, before it counts as hung. */
const EXIT_WITHIN_MS = 8_000

const PROGRAM = `import { createNutanSimulator, createNutshellSimulator } from 'npm:@x/testkit'

const nutshell = createNutshellSimulator({ seed: 7 })
const { email, apiKey } = nutshell.credentials
const leads = await nutshell.fetch('https://app.nutshell.com/rest/leads?limit=2', {
  headers: { authorization: 'Basic ' + btoa(email + ':' + apiKey) },
})
const leadsBody = await leads.json()
console.log('@@testkit nutshell ' + leads.status + ' leads=' + leadsBody.leads.length)

const nutan = createNutanSimulator({ seed: 7 })
const deals = await nutan.fetch('https://api.nutan.ai/v1/deals', {
  headers: { authorization: 'Bearer ' + nutan.issueTokens().access_token },
})
const dealsBody = await deals.json()
console.log('@@testkit nutan ' + deals.status + ' deals=' + (dealsBody.data.length > 0))
console.log('@@testkit end')
`

/** The lines the program must print, in order. */
const EXPECTED = ['@@testkit nutshell 200 leads=2', '@@testkit nutan 200 deals=true', '@@testkit end']

/** Writes the program into `consumerDir/programs` and runs it with `deno run`; one row, `exits`. */
export async function runDenoTestkit(consumerDir: string, workDir: string): Promise<Row> {
  const dir = join(consumerDir, 'programs')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'deno-testkit.ts')
  writeFileSync(file, PROGRAM)
  // In-process calls need no network. msw's @mswjs/interceptors loads \`debug\`, which lists
  // process.env on import: Deno needs --allow-env for that (a testkit limitation the README states).
  const result = await run(BIN.deno, ['run', '--no-prompt', '--allow-read', '--allow-env', file], {
    cwd: consumerDir,
    env: cleanEnv({ DENO_DIR: join(workDir, 'deno-cache'), DENO_NO_UPDATE_CHECK: '1' }),
    timeoutMs: EXIT_WITHIN_MS,
  })
  const ms = Math.round(result.ms)
  const lines = result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('@@testkit '))
  const output = `${result.stdout}\n${result.stderr}`
  if (result.timedOut)
    return failRow(
      DENO_TESTKIT_RUNTIME,
      'exits',
      ms,
      `still running after ${EXIT_WITHIN_MS} ms (killed)${lines.includes('@@testkit end') ? ': the script finished but the process did not exit' : ''}\n${tail(output)}`,
    )
  if (result.code !== 0)
    return failRow(DENO_TESTKIT_RUNTIME, 'exits', ms, `exit ${result.code}\n${tail(output)}`)
  if (JSON.stringify(lines) !== JSON.stringify(EXPECTED))
    return failRow(
      DENO_TESTKIT_RUNTIME,
      'exits',
      ms,
      `expected ${JSON.stringify(EXPECTED)}, got ${JSON.stringify(lines)}\n${tail(output)}`,
    )
  return okRow(DENO_TESTKIT_RUNTIME, 'exits', ms, `exited on its own in ${ms} ms`)
}
