// The dual package hazard: one Node process that loads @x/core and @x/nutshell through both `import`
// (the ESM build) and `require` (the CJS build) holds two copies of every error class. `instanceof`
// must hold across them both ways, for errors made directly and for errors a client throws.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { failRow, okRow, type Row } from './report.ts'
import { cleanEnv, run, tail } from './run.ts'
import type { ScenarioEnv } from './scenario.ts'

/** The row's runtime label for a Node version (`node 24 dual`); `--only dual` selects every one. */
export function dualRuntime(version: string): string {
  return `node ${version} dual`
}

export const DUAL_SCENARIO = 'import + require instanceof'

const BODY = `
const require = createRequire(import.meta.url)
const cjs = require('@x/core')
const cjsNutshell = require('@x/nutshell')
const failures = []
const check = (ok, what) => { if (!ok) failures.push(what) }

// Two copies, or the check proves nothing.
check(esm.NotFoundError !== cjs.NotFoundError, 'import and require gave the same NotFoundError class')
check(esmNutshell.NotFoundError === esm.NotFoundError, '@x/nutshell (import) re-exports another NotFoundError than @x/core (import)')
check(cjsNutshell.NotFoundError === cjs.NotFoundError, '@x/nutshell (require) re-exports another NotFoundError than @x/core (require)')

const init = { status: 404, message: 'gone', method: 'GET', path: '/leads/1' }
for (const [from, to, label] of [[cjs, esm, 'require -> import'], [esm, cjs, 'import -> require']]) {
  const error = new from.NotFoundError(init)
  check(error instanceof to.NotFoundError, label + ': NotFoundError instanceof NotFoundError')
  check(error instanceof to.ApiError, label + ': NotFoundError instanceof ApiError')
  check(error instanceof to.SdkError, label + ': NotFoundError instanceof SdkError')
  check(!(error instanceof to.ServerError), label + ': NotFoundError must not be a ServerError')
  check(!(error instanceof to.AbortError), label + ': NotFoundError must not be an AbortError')
  check(new from.AbortError('stop') instanceof to.AbortError, label + ': AbortError')
  check(new from.TimeoutError({ method: 'GET', path: '/' }, 1) instanceof to.SdkError, label + ': TimeoutError instanceof SdkError')
}

// What users hit: a client loaded one way throws, the caller tests against the other way's classes.
const options = {
  email: env.nutshell.email,
  apiKey: env.nutshell.apiKey,
  baseUrl: env.nutshell.baseUrl,
  rpc: { endpoint: env.nutshell.rpcUrl },
  maxRetries: 0,
}
const clients = [[new cjsNutshell.NutshellClient(options), esm, 'require client, import classes'], [new esmNutshell.NutshellClient(options), cjs, 'import client, require classes']]
for (const [client, classes, label] of clients) {
  const missing = await client.leads.get('999-leads').then(() => undefined, (e) => e)
  check(missing instanceof classes.NotFoundError, label + ': leads.get(unknown) instanceof NotFoundError (got ' + (missing && missing.name) + ')')
  check(missing instanceof classes.ApiError, label + ': leads.get(unknown) instanceof ApiError')
  const refused = await client.leads.list({ pageSize: 10 }).then(() => undefined, (e) => e)
  check(refused instanceof classes.InputValidationError, label + ': a refused input instanceof InputValidationError (got ' + (refused && refused.name) + ')')
  check(refused instanceof classes.SdkError, label + ': a refused input instanceof SdkError')
}

if (failures.length) {
  console.log('@@dual fail ' + JSON.stringify(failures))
} else {
  console.log('@@dual ok')
}
`

/** The program, with the simulator addresses baked in. */
export function dualPackageSource(env: ScenarioEnv): string {
  return [
    "import { createRequire } from 'node:module'",
    "import * as esm from '@x/core'",
    "import * as esmNutshell from '@x/nutshell'",
    `const env = ${JSON.stringify(env, null, 2)}`,
    BODY,
  ].join('\n')
}

/** Reads the program's verdict into one row. */
export function dualRow(runtime: string, stdout: string, fallback: string, ms: number): Row {
  const line = stdout.split('\n').find((l) => l.startsWith('@@dual '))
  if (line === '@@dual ok') return okRow(runtime, DUAL_SCENARIO, ms, 'instanceof holds both ways')
  if (line?.startsWith('@@dual fail ')) {
    const failures = JSON.parse(line.slice('@@dual fail '.length)) as string[]
    return failRow(runtime, DUAL_SCENARIO, ms, failures.join('\n'))
  }
  return failRow(runtime, DUAL_SCENARIO, ms, fallback || 'the program reported nothing')
}

/** Writes the program into `consumerDir/programs` and runs it with the given Node binary. */
export async function runDualPackage(
  consumerDir: string,
  env: ScenarioEnv,
  node: string,
  version: string,
): Promise<Row> {
  const dir = join(consumerDir, 'programs')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `node${version}-dual.mjs`)
  writeFileSync(file, dualPackageSource(env))
  const result = await run(node, [file], { cwd: consumerDir, env: cleanEnv(), timeoutMs: 60_000 })
  const why = result.timedOut
    ? `timed out\n${tail(result.stderr || result.stdout)}`
    : `exit ${result.code}\n${tail(result.stderr || result.stdout)}`
  return dualRow(dualRuntime(version), result.stdout, result.code === 0 ? '' : why, Math.round(result.ms))
}
