// The README's code snippets, type-checked by `pnpm typecheck` (scripts/tsconfig.json) against the built
// packages, so the documentation cannot drift from the API. Not run.
import { callTool, scoped, toolDefinitions } from '@x/agent'
import { NutanClient } from '@x/nutan'
import { NutshellClient } from '@x/nutshell'
import { createRedisLimiter } from '@x/redis-limiter'
import { createNutshellSimulator } from '@x/testkit'
import { Redis } from 'ioredis'

declare const store: { save(x: unknown): void }
declare const contacts: { id: string }[]
declare const dealRows: { id: string }[]
declare function log(x: unknown): void

export async function nutshell() {
  const ns = new NutshellClient({ email: 'you@company.com', apiKey: process.env.NUTSHELL_API_KEY! })
  for await (const lead of ns.leads.list({ filter: { status: 'open' }, sort: '-value' }))
    console.log(lead.id, lead.name)
  await ns.leads.update('1003-leads', { description: 'Car Wash Inc. (3 sites)' })
  await ns.leads.close('1003-leads', 'won')
  const hits = await ns.rpc.searchUniversal('acme')
  const page = await ns.leads.list({ limit: 50 })
  page.items
  page.total
  page.hasNextPage()
  await page.getNextPage()
  for await (const p of ns.leads.list().pages()) p.items
  const some = await ns.leads.list().toArray({ max: 500 })
  const agent = scoped(ns, { leads: 'read', notes: ['create'] }, { agent: 'bot', audit: (r) => log(r) })
  await agent.leads.close('1003-leads', 'won')
  const tools = toolDefinitions(agent, { format: 'openai' })
  await callTool(agent, 'notes_create', { body: 'Called back', links: { parent: '3-contacts' } })
  const { data, response } = await ns.leads.get('1003-leads').withResponse()
  return [hits, some, tools, data, response?.requestId]
}

export async function nutan(accessToken: string, refreshToken: string) {
  const nutan = new NutanClient({ accessToken, refreshToken, onTokens: (pair) => store.save(pair) })
  const deals = await nutan.deals.list({ stage: 'proposal', status: 'open' })
  for await (const signal of nutan.deals.signals(deals.items[0]!.id)) console.log(signal.type, signal.text)
  await nutan.sync.push(
    { upserts: { contacts, deals: dealRows }, deletes: { meetings: ['mtg_9'] } },
    { onProgress: console.log },
  )
}

export async function testkit() {
  const sim = createNutshellSimulator({ seed: 1, faults: { rateLimit: { limit: 10, windowMs: 1000 } } })
  const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
  sim.faults.next({ status: 503 })
  const lead = await ns.leads.create({ description: 'Test' })
  return sim.db.get(lead.id)
}

// packages/nutshell/README.md, "Every other operation".
export async function nutshellTableMethods(ns: NutshellClient) {
  const fields = await ns.leads.listFields()
  for await (const row of ns.leads.listView({ filter: { status: '0' }, sort: 'value' })) console.log(row)
  await ns.leads.installments('1003-leads')
  await ns.leads.watch('1003-leads')
  await ns.contacts.customFields('3-contacts')
  const quote = await ns.quotes.get('1-quotes')
  await ns.quotes.setStatus('1-quotes', { status: 'SENT' })
  for await (const industry of ns.industries.list()) console.log(industry.name)
  return { fields, quote }
}

export function sharedBudget(accessToken: string, email: string, apiKey: string) {
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
  const nutan = new NutanClient({
    accessToken,
    limiter: {
      global: createRedisLimiter({ redis, key: 'nutan:global', limit: 100, interval: 60_000 }),
      strict: createRedisLimiter({ redis, key: 'nutan:strict', limit: 6, interval: 60_000 }),
    },
  })
  const ns = new NutshellClient({
    email,
    apiKey,
    limiter: createRedisLimiter({ redis, key: 'nutshell:acme', limit: 'adaptive' }),
  })
  return [nutan, ns]
}
