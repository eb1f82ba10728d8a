// Lists open leads, creates a lead to work on, patches it, closes it as won, and prints each step.
// Runs on the in-process Nutshell simulator by default; set NUTSHELL_EMAIL and NUTSHELL_API_KEY to run
// against your real account (the lead it creates is deleted at the end, restorable for 30 days).
//
//   ./scripts/pnpm build && .toolchain/node_modules/.bin/node examples/nutshell-rest.ts
import { NutshellClient, related } from '@x/nutshell'
import { createNutshellSimulator } from '@x/testkit'

const email = process.env.NUTSHELL_EMAIL
const apiKey = process.env.NUTSHELL_API_KEY
const live = Boolean(email && apiKey)

function makeClient(): NutshellClient {
  if (live) return new NutshellClient({ email: email!, apiKey: apiKey! })
  const sim = createNutshellSimulator()
  return new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
}

const ns = makeClient()
console.log(`Nutshell REST example on ${live ? 'your Nutshell account' : 'the simulator'}\n`)

// 1. List open leads: the first page, with the owner the response carried beside each lead.
const page = await ns.leads.list({ filter: { status: 'open' }, sort: '-value', limit: 5 })
const people = related(page)
console.log(`Open leads: ${page.total ?? page.items.length} in all; the first ${page.items.length}:`)
for (const lead of page.items) {
  const owner = people.of(lead).owner
  const ownerName = owner && !Array.isArray(owner) ? owner.name : undefined
  console.log(
    `  ${lead.id.padEnd(12)} ${String(lead.name ?? lead.description).padEnd(32)} ${lead.value?.formatted ?? ''}  owner: ${String(ownerName ?? '-')}`,
  )
}

// 2. Create a lead to work on, so the example never edits someone's real deal.
const lead = await ns.leads.create({ description: 'SDK example: Car Wash Inc.', confidence: 20 })
console.log(`\nCreated ${lead.id} "${lead.description}"`)

// 3. Patch it: a plain change object becomes JSON Patch ops; returnRecord re-reads the lead after the 204.
const patched = await ns.leads.update(
  lead.id,
  { description: 'SDK example: Car Wash Inc. (patched)', confidence: 80 },
  { returnRecord: true },
)
console.log(`Patched ${patched.id}: description "${patched.description}", confidence ${patched.confidence}`)

// 4. Close it as won: the outcome id is looked up from /outcomes, then POST /leads/{id}/status.
const closed = await ns.leads.close(lead.id, 'won')
console.log(`Closed ${closed.id} as ${closed.status}`)

if (live) {
  await ns.leads.delete(lead.id)
  console.log(`Deleted ${lead.id} again (restore it within 30 days with ns.leads.undelete)`)
}
