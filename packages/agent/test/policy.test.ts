import { describe, expect, it } from 'vitest'
import { type Policy, PolicyError, parsePolicy, scoped } from '../src'
import { LEAD, nutanAgent, nutshellAgent } from './helpers'

function policyError(run: () => unknown): PolicyError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError)
    return error as PolicyError
  }
  throw new Error('expected a PolicyError')
}

describe('policies are validated when the scoped client is built', () => {
  it('an unknown resource name is an error that names it and the valid ones', () => {
    const { ns } = nutshellAgent({})
    const error = policyError(() => scoped(ns, { lead: 'read' } as Policy))
    expect(error.message).toContain("lead: unknown resource 'lead'")
    expect(error.message).toContain("'leads'")
    expect(error.issues).toHaveLength(1)
  })

  it('resource names are per client: Nutan has deals, Nutshell does not', () => {
    const { ns } = nutshellAgent({})
    const { nutan } = nutanAgent({})
    expect(() => scoped(nutan, { deals: 'read' })).not.toThrow()
    expect(policyError(() => scoped(ns, { deals: 'read' } as Policy)).issues[0]?.path).toBe('deals')
  })

  it('an unknown method class or grant level is an error naming where it is', () => {
    const { ns } = nutshellAgent({})
    const error = policyError(() =>
      scoped(ns, { notes: ['create', 'craete'], leads: 'admin', '*': 'everything' } as unknown as Policy),
    )
    expect(error.issues.map((i) => i.path)).toEqual(['notes[1]', 'leads', '*'])
    expect(error.message).toContain('unknown method class "craete"')
    expect(error.message).toContain("unknown grant 'admin'")
  })

  it('a policy that is not an object of grants is refused', () => {
    expect(() => parsePolicy(['leads'], ['leads'])).toThrow(PolicyError)
    expect(() => parsePolicy(null, ['leads'])).toThrow(PolicyError)
    expect(() => parsePolicy({ leads: 42 }, ['leads'])).toThrow("leads: expected 'none', 'read', 'write'")
  })

  it('the policy is checked before any request', () => {
    const { ns, sim } = nutshellAgent({})
    expect(() => scoped(ns, { leads: 'root' } as unknown as Policy)).toThrow(PolicyError)
    expect(sim.requests).toHaveLength(0)
  })
})

describe('policies are plain data', () => {
  it('a policy read back from JSON grants the same', async () => {
    const policy: Policy = { leads: 'read', notes: ['create'], '*': 'none' }
    const { ns } = nutshellAgent({})
    const agent = scoped(ns, JSON.parse(JSON.stringify(policy)))
    await expect(agent.leads.get(LEAD)).resolves.toHaveProperty('id', LEAD)
    await expect(agent.leads.close(LEAD, 'won')).rejects.toThrow("grant 'close' on 'leads'")
  })

  it('a scoped client serializes to who it is and what it may do, with no credential', () => {
    const { agent, secrets } = nutshellAgent({ leads: 'write', notes: ['create'] })
    const json = JSON.parse(JSON.stringify(agent))
    expect(json.agent).toBe('bot')
    expect(json.grants.leads).toEqual(['read', 'create', 'update', 'close'])
    expect(json.grants.notes).toEqual(['create'])
    expect(json.grants.contacts).toEqual([])
    for (const secret of secrets) expect(JSON.stringify(json)).not.toContain(secret)
  })

  it('granted() lists classes in a fixed order whatever order the policy used', () => {
    const compiled = parsePolicy({ leads: ['delete', 'read'] }, ['leads'])
    expect(compiled.granted('leads')).toEqual(['read', 'delete'])
    expect(compiled.allows('leads', 'erase')).toBe(false)
  })
})
