// Nutshell's JSON-RPC API through `ns.rpc`: a universal search (REST has none), then an edit that
// survives a concurrent change (`editWithRev` re-reads the rev and retries on 409).
//
// Runs on the in-process simulator by default. With NUTSHELL_EMAIL and NUTSHELL_API_KEY set it runs on
// your account: the search is read-only, and the edit only happens when NUTSHELL_ALLOW_WRITES=1.
//
//   node examples/nutshell-rpc.ts [search term]

import { ConflictError, NutshellClient } from '@x/nutshell'
import { createNutshellSimulator } from '@x/testkit'

const email = process.env.NUTSHELL_EMAIL
const apiKey = process.env.NUTSHELL_API_KEY
const live = Boolean(email && apiKey)
const sim = live ? undefined : createNutshellSimulator()

const ns = sim
  ? new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
  : new NutshellClient({ email: email!, apiKey: apiKey! })

const term = process.argv[2] ?? (sim ? 'Builders' : 'a')
console.log(`${live ? 'Nutshell' : 'Simulator'}: searchUniversal("${term}")`)

const hits = await ns.rpc.searchUniversal(term)
for (const [kind, list] of [
  ['leads', hits.leads],
  ['contacts', hits.contacts],
  ['accounts', hits.accounts],
] as const) {
  console.log(`  ${kind}: ${list.length}`)
  for (const hit of list.slice(0, 3))
    console.log(`    #${hit.id} ${typeof hit.name === 'string' ? hit.name : ''}`)
}

const lead = hits.leads[0] ?? (await ns.rpc.findLeads({ limit: 1 })).items[0]
if (!lead) {
  console.log('No lead to edit.')
} else if (live && process.env.NUTSHELL_ALLOW_WRITES !== '1') {
  console.log(`Would edit lead #${lead.id} with editWithRev; set NUTSHELL_ALLOW_WRITES=1 to do it.`)
} else {
  let attempt = 0
  try {
    const edited = await ns.rpc.editWithRev('lead', lead.id, (current) => {
      attempt++
      // On the simulator, play a colleague who edits the lead just as our first write goes out.
      if (sim && attempt === 1) sim.db.touch(`${lead.id}-leads`)
      return { description: `${current.description ?? ''} [reviewed]`.trim() }
    })
    console.log(`Edited lead #${edited.id} in ${attempt} attempt(s): rev ${lead.rev} -> ${edited.rev}`)
    console.log(`  description: ${edited.description}`)
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error
    console.log(`Gave up: the lead kept changing (${error.message})`)
  }
}
