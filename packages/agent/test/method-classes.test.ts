import { describe, expect, it } from 'vitest'
import { METHOD_CLASSES, type MethodClass, PermissionDeniedError, type Policy } from '../src'
import { LEAD, nutanAgent, nutshellAgent, rejection } from './helpers'

type Agent = ReturnType<typeof nutshellAgent>['agent']

/** One representative call per method class on a NutshellClient. */
const nutshellCalls: Record<Exclude<MethodClass, 'erase'>, (a: Agent) => PromiseLike<unknown>> = {
  read: (a) => a.leads.get(LEAD),
  create: (a) => a.notes.create({ body: 'Called back', links: { parent: LEAD } }),
  update: (a) => a.leads.update(LEAD, { description: 'Renamed' }),
  close: (a) => a.leads.close(LEAD, 'won'),
  delete: (a) => a.leads.delete(LEAD),
}
const resourceOf = {
  read: 'leads',
  create: 'notes',
  update: 'leads',
  close: 'leads',
  delete: 'leads',
} as const

describe('each method class is allowed exactly when the policy grants it', () => {
  for (const [cls, call] of Object.entries(nutshellCalls) as [
    keyof typeof nutshellCalls,
    (a: Agent) => PromiseLike<unknown>,
  ][]) {
    it(`${cls}: allowed with ['${cls}'] on ${resourceOf[cls]}, and it reaches the API`, async () => {
      const { agent, sim } = nutshellAgent({ [resourceOf[cls]]: [cls] })
      await call(agent)
      expect(sim.requests.length).toBeGreaterThan(0)
    })

    it(`${cls}: denied with every other class granted, before any request`, async () => {
      const others = METHOD_CLASSES.filter((c) => c !== cls)
      const { agent, sim } = nutshellAgent({ '*': others })
      const error = await rejection(call(agent))
      expect(error).toBeInstanceOf(PermissionDeniedError)
      expect(error.message).toBe(
        `agent "bot" may not ${cls} ${resourceOf[cls]} (grant '${cls}' on '${resourceOf[cls]}')`,
      )
      expect(sim.requests).toHaveLength(0)
    })
  }

  it('erase: Nutan sync.eraseAll runs only with an explicit erase grant', async () => {
    const denied = nutanAgent({ '*': ['read', 'create', 'update', 'close', 'delete'] })
    const error = await rejection(denied.agent.sync.eraseAll({ confirm: true }))
    expect(error.message).toContain("grant 'erase' on 'sync'")
    expect(denied.sim.requests).toHaveLength(0)

    const allowed = nutanAgent({ sync: ['erase'] })
    await expect(allowed.agent.sync.eraseAll({ confirm: true })).resolves.toMatchObject({ erased: true })
  })
})

describe('deny by default', () => {
  it('an empty policy allows nothing, not even reads', async () => {
    const { agent, sim } = nutshellAgent({})
    await expect(agent.leads.get(LEAD)).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(agent.users.list()).rejects.toBeInstanceOf(PermissionDeniedError)
    expect(sim.requests).toHaveLength(0)
  })

  it('resources the policy does not name are denied; "*" sets their grant', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    await expect(agent.contacts.list()).rejects.toThrow("grant 'read' on 'contacts'")

    const wide = nutshellAgent({ '*': 'read', leads: 'none' })
    await expect(wide.agent.contacts.list()).resolves.toHaveProperty('items')
    await expect(wide.agent.leads.list()).rejects.toThrow("grant 'read' on 'leads'")
    await expect(wide.agent.contacts.create({ name: 'Ada' })).rejects.toThrow("grant 'create' on 'contacts'")
  })

  it("'write' allows read, create, update and close, but never delete or undelete", async () => {
    const { agent } = nutshellAgent({ leads: 'write' })
    await expect(agent.leads.update(LEAD, { description: 'x' })).resolves.toBeUndefined()
    await expect(agent.leads.delete(LEAD)).rejects.toThrow("grant 'delete' on 'leads'")
    await expect(agent.leads.undelete(LEAD)).rejects.toThrow("grant 'delete' on 'leads'")
  })

  it("'write' on Nutan sync pushes upserts, but deletes and erasure need their own grants", async () => {
    // Rows pushed into `contacts` are contacts: the push needs the grant there too.
    const { agent, sim } = nutanAgent({ sync: 'write', contacts: 'write' })
    await expect(
      agent.sync.push({ upserts: { contacts: [{ id: 'c-1', name: 'Ada' }] } }),
    ).resolves.toMatchObject({
      upserted: 1,
    })
    const before = sim.requests.length
    await expect(agent.sync.push({ deletes: { contacts: ['c-1'] } })).rejects.toThrow(
      "grant 'delete' on 'sync'",
    )
    await expect(agent.sync.eraseAll({ confirm: true })).rejects.toThrow("grant 'erase' on 'sync'")
    expect(sim.requests.length).toBe(before)
  })

  it('a lead update that sets its status or outcome needs close, as a close would', async () => {
    const { agent, sim } = nutshellAgent({ leads: ['read', 'update'] })
    await expect(agent.leads.update(LEAD, { status: 'won' } as never)).rejects.toThrow(
      "grant 'close' on 'leads'",
    )
    await expect(
      agent.leads.update(LEAD, [{ op: 'replace', path: '/leads/0/links/outcome', value: '1-outcomes' }]),
    ).rejects.toThrow("grant 'close' on 'leads'")
    expect(sim.requests).toHaveLength(0)
  })

  it('a Nutan deal update that wins or loses the deal needs close', async () => {
    const { agent } = nutanAgent({ deals: ['read', 'update'] })
    const [deal] = (await agent.deals.list({ limit: 1 })).items
    await expect(agent.deals.update(deal!.id, { status: 'lost' })).rejects.toThrow("grant 'close' on 'deals'")
    await expect(agent.deals.update(deal!.id, { value: 1200 })).resolves.toMatchObject({ value: 1200 })
  })

  it('the policy is checked before the input: a denied call never reports input errors', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    await expect(agent.notes.create({} as never)).rejects.toBeInstanceOf(PermissionDeniedError)
  })

  it('several missing grants are all named', async () => {
    const { agent } = nutanAgent({ sync: [] })
    const error = await rejection(
      agent.sync.push({ upserts: { deals: [{ id: 'd-1' }] }, deletes: { deals: ['d-2'] } }),
    )
    expect(error.message).toBe(
      `agent "bot" may not create/update/delete sync and create/update/delete deals (grant 'create', 'update', 'delete' on 'sync'; 'create', 'update', 'delete' on 'deals')`,
    )
  })
})

describe('every Nutan resource method is classified', () => {
  const policyFor = (cls: MethodClass): Policy => ({ '*': [cls] })
  it('reads, creates, updates and deletes map to their classes', async () => {
    const reader = nutanAgent(policyFor('read'))
    const [meeting] = (await reader.agent.meetings.list({ limit: 1 })).items
    await expect(reader.agent.meetings.participants(meeting!.id)).resolves.toHaveProperty('items')
    await expect(reader.agent.meetings.addParticipant(meeting!.id, { name: 'Ada' })).rejects.toThrow(
      "grant 'create' on 'meetings'",
    )
    await expect(
      reader.agent.usage.record({ model: 'm', input_tokens: 1, output_tokens: 1 }),
    ).rejects.toThrow("grant 'create' on 'usage'")
    await expect(reader.agent.actionItems.delete('ai-1')).rejects.toThrow("grant 'delete' on 'actionItems'")

    const creator = nutanAgent(policyFor('create'))
    await expect(
      creator.agent.usage.record({ model: 'm', input_tokens: 1, output_tokens: 1 }),
    ).resolves.toHaveProperty('id')
    await expect(creator.agent.contacts.list()).rejects.toThrow("grant 'read' on 'contacts'")
  })
})
