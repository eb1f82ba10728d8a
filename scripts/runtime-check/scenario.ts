// The one scenario every runtime runs, written once and wrapped per module system.
// The body is plain JavaScript that is also strict TypeScript, so the TypeScript consumers type-check
// exactly the code the other runtimes execute.

/** Where the simulators listen and the credentials they accept (printed by the simulator server). */
export interface ScenarioEnv {
  nutshell: { email: string; apiKey: string; baseUrl: string; rpcUrl: string }
  nutan: { accessToken: string; baseUrl: string }
}

/** How a runtime loads the packages. */
export type Flavour = 'esm' | 'cjs' | 'deno' | 'ts'

/** The scenario names, in the order each program runs and reports them. */
export const SCENARIOS = ['nutshell', 'nutan'] as const

const BODY = `
async function nutshellScenario() {
  const ns = new NutshellClient({
    email: env.nutshell.email,
    apiKey: env.nutshell.apiKey,
    baseUrl: env.nutshell.baseUrl,
    rpc: { endpoint: env.nutshell.rpcUrl },
    dangerouslyAllowBrowser: true,
  })
  const page = await ns.leads.list({ limit: 5 })
  const lead = page.items[0]
  if (!lead) throw new Error('leads.list() returned no leads')
  const description = 'Checked on ' + env.runtime
  const updated = await ns.leads.update(lead.id, { description }, { returnRecord: true })
  if (updated.description !== description) {
    throw new Error('leads.update() answered description ' + JSON.stringify(updated.description))
  }
  const found = await ns.rpc.call('findLeads', { query: {}, limit: 2 })
  if (!Array.isArray(found) || found.length === 0) {
    throw new Error('rpc findLeads answered ' + JSON.stringify(found).slice(0, 200))
  }
  return page.items.length + ' leads, patched ' + lead.id + ', rpc found ' + found.length
}

async function nutanScenario() {
  const nutan = new NutanClient({ accessToken: env.nutan.accessToken, baseUrl: env.nutan.baseUrl })
  const deals = await nutan.deals.list()
  if (deals.items.length === 0) throw new Error('deals.list() returned no deals')
  const id = 'deal_rc_' + env.runtime.replace(/[^a-z0-9]+/gi, '_')
  const pushed = await nutan.sync.push({
    upserts: { deals: [{ id, name: 'Runtime check', stage: 'discovery', status: 'open' }] },
    deletes: {},
  })
  if (pushed.upserted !== 1) throw new Error('sync.push() answered ' + JSON.stringify(pushed))
  return deals.items.length + ' deals, synced ' + id
}

const scenarios = [
  { name: 'nutshell', run: nutshellScenario },
  { name: 'nutan', run: nutanScenario },
]

async function main() {
  for (const scenario of scenarios) {
    const start = performance.now()
    try {
      const detail = await scenario.run()
      const ms = Math.round(performance.now() - start)
      console.log('@@result ' + JSON.stringify({ scenario: scenario.name, ok: true, ms, detail }))
    } catch (error) {
      const ms = Math.round(performance.now() - start)
      const message = error instanceof Error ? error.stack || error.message : String(error)
      console.log('@@result ' + JSON.stringify({ scenario: scenario.name, ok: false, ms, error: message }))
    }
  }
  console.log('@@done')
}

main()
`

// The TypeScript consumers also prove the declarations resolved: \`any\` here would hide a missing .d.ts.
const TYPES_RESOLVED = `
type IsAny<T> = 0 extends 1 & T ? true : false
const typesResolved: [IsAny<NutshellClient>, IsAny<NutanClient>] = [false, false]
void typesResolved
`

function imports(flavour: Flavour): string {
  switch (flavour) {
    case 'cjs':
      return "const { NutshellClient } = require('@x/nutshell')\nconst { NutanClient } = require('@x/nutan')\n"
    case 'deno':
      return "import { NutshellClient } from 'npm:@x/nutshell'\nimport { NutanClient } from 'npm:@x/nutan'\n"
    default:
      return "import { NutshellClient } from '@x/nutshell'\nimport { NutanClient } from '@x/nutan'\n"
  }
}

/** The scenario program for one runtime, with the simulator addresses baked in. */
export function scenarioSource(flavour: Flavour, runtime: string, env: ScenarioEnv): string {
  const config = `const env = ${JSON.stringify({ runtime, ...env }, null, 2)}\n`
  return `${imports(flavour)}\n${config}${flavour === 'ts' || flavour === 'deno' ? TYPES_RESOLVED : ''}${BODY}`
}
