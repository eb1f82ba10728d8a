// The JSON-RPC client against @x/testkit's Nutshell simulator: discovery, real envelopes, shared state with
// REST, and records mapped from JSON-RPC matching what REST itself returns for the same record.
import { Transport } from '@x/core'
import { createNutshellSimulator } from '@x/testkit'
import { describe, expect, it } from 'vitest'
import { fieldsOf } from '../src'
import { RpcClient, rpcAccountToRest, rpcContactToRest, rpcLeadToRest } from '../src/rpc'
import { AccountSchema, ContactSchema, LeadSchema } from '../src/schemas'

const REST_BASE = 'https://app.nutshell.com/rest'

function setup() {
  const sim = createNutshellSimulator({ seed: 7 })
  const { email, apiKey } = sim.credentials
  const transport = new Transport({
    baseUrl: REST_BASE,
    fetch: sim.fetch,
    auth: () => ({ authorization: `Basic ${btoa(`${email}:${apiKey}`)}` }),
  })
  const rpc = new RpcClient({ transport, email })
  // biome-ignore lint/suspicious/noExplicitAny: REST bodies are read loosely here
  const rest = (path: string) => transport.request<any>({ method: 'GET', path })
  return { sim, rpc, rest }
}

describe('against the simulator', () => {
  it('discovers the endpoint, then finds, searches and edits through JSON-RPC', async () => {
    const { rpc } = setup()
    const page = await rpc.findLeads({ limit: 5, query: { status: 0 }, stubResponses: false })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((lead) => lead.entityType === 'Leads' && lead.status === 0)).toBe(true)

    const first = page.items[0]!
    const word = String(first.name).split(/\s+/)[0]!
    const hits = await rpc.searchUniversal(word)
    expect(hits.leads.map((l) => l.id)).toContain(first.id)

    const edited = await rpc.editWithRev('lead', first.id, { description: 'Renewal, 3 seats' })
    expect(edited.description).toBe('Renewal, 3 seats')
    expect(Number(edited.rev)).toBeGreaterThan(Number(first.rev))
  })

  it('a rev conflict made through REST is resolved by editWithRev', async () => {
    const { sim, rpc } = setup()
    const lead = await rpc.getLead(sim.db.list('leads')[0]!.id)
    const stale = lead.rev
    sim.db.touch(`${lead.id}-leads`) // another client edits the lead
    await expect(rpc.editLead(lead.id, stale, { confidence: 40 })).rejects.toMatchObject({
      status: 409,
      code: 409,
    })
    await expect(rpc.editWithRev('lead', lead.id, { confidence: 40 })).resolves.toMatchObject({
      confidence: 40,
    })
  })

  it('a get with the etag it was given answers unchanged until the record changes', async () => {
    const { sim, rpc } = setup()
    const id = sim.db.list('contacts')[0]!.id
    const first = await rpc.getContact(id, { etag: 'none' })
    expect(first.unchanged).toBe(false)
    await expect(rpc.getContact(id, { etag: first.etag! })).resolves.toMatchObject({ unchanged: true })
    sim.db.touch(id)
    await expect(rpc.getContact(id, { etag: first.etag! })).resolves.toMatchObject({ unchanged: false })
  })

  it('maps a JSON-RPC lead, contact and account to what REST returns for the same record', async () => {
    const { sim, rpc, rest } = setup()
    const location = { restBaseUrl: REST_BASE }
    const leadId = sim.db.list('leads').find((l) => ((l.links?.accounts ?? []) as string[]).length > 0)!.id
    const contactId = sim.db.list('contacts')[0]!.id
    const accountId = sim.db.list('accounts')[0]!.id

    const viaRpc = {
      lead: rpcLeadToRest(await rpc.getLead(leadId), location),
      contact: rpcContactToRest(await rpc.getContact(contactId), location),
      account: rpcAccountToRest(await rpc.getAccount(accountId), location),
    }
    const viaRest = {
      lead: (await rest(`/leads/${leadId}`)).leads[0],
      contact: (await rest(`/contacts/${contactId}`)).contacts[0],
      account: (await rest(`/accounts/${accountId}`)).accounts[0],
    }

    expect(LeadSchema.safeParse(viaRpc.lead).success).toBe(true)
    expect(ContactSchema.safeParse(viaRpc.contact).success).toBe(true)
    expect(AccountSchema.safeParse(viaRpc.account).success).toBe(true)

    const pick = (r: object, keys: string[]) => Object.fromEntries(keys.map((k) => [k, fieldsOf(r)[k]]))
    expect(pick(viaRpc.lead, ['id', 'type', 'href', 'name', 'description', 'status', 'confidence'])).toEqual(
      pick(viaRest.lead, ['id', 'type', 'href', 'name', 'description', 'status', 'confidence']),
    )
    expect(viaRpc.lead.value?.amount).toBe(viaRest.lead.value.amount)
    expect(viaRpc.lead.createdTime).toMatchObject({ timestamp: viaRest.lead.createdTime.timestamp })
    for (const link of ['owner', 'accounts', 'contacts', 'stage', 'stageset', 'sources'])
      expect(fieldsOf(viaRpc.lead.links ?? {})[link]).toEqual(viaRest.lead.links[link])

    for (const kind of ['contact', 'account'] as const) {
      const mapped = fieldsOf(viaRpc[kind])
      const original = viaRest[kind] as Record<string, unknown>
      expect(pick(mapped, ['id', 'type', 'href', 'name', 'description', 'createdTime'])).toEqual(
        pick(original, ['id', 'type', 'href', 'name', 'description', 'createdTime']),
      )
      const values = (r: Record<string, unknown>, key: string) =>
        ((r[key] as { value: unknown }[]) ?? []).map((e) => e.value)
      expect(values(mapped, 'emails')).toEqual(values(original, 'emails'))
      expect((mapped.emails as { isPrimary: boolean }[]).map((e) => e.isPrimary)).toEqual(
        (original.emails as { isPrimary: boolean }[]).map((e) => e.isPrimary),
      )
      expect((mapped.addresses as { city: unknown }[]).map((a) => a.city)).toEqual(
        (original.addresses as { city: unknown }[]).map((a) => a.city),
      )
      expect((mapped.links as Record<string, unknown>).owner).toEqual(
        (original.links as Record<string, unknown>).owner,
      )
    }
    expect((viaRpc.contact.links as Record<string, unknown>).accounts).toEqual(viaRest.contact.links.accounts)
  })
})
