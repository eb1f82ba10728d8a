import { describe, expect, it } from 'vitest'
import { PermissionDeniedError } from '../src'
import { nutshellAgent } from './helpers'

describe('JSON-RPC calls are checked against the same record types as REST', () => {
  it('typed helpers: find/get/search are reads of their record type', async () => {
    const { agent, records } = nutshellAgent({ leads: 'read' })
    const page = await agent.rpc.findLeads({ limit: 2 })
    expect(page.items).toHaveLength(2)
    const lead = await agent.rpc.getLead(page.items[0]!.id)
    expect(lead.id).toBe(page.items[0]!.id)
    await expect(agent.rpc.findContacts({ limit: 1 })).rejects.toThrow("grant 'read' on 'contacts'")
    expect(records.map((r) => `${r.resource}:${r.method}:${r.outcome}`)).toEqual([
      'leads:rpc.findLeads:ok',
      'leads:rpc.getLead:ok',
      'contacts:rpc.findContacts:denied',
    ])
    expect(records[1]?.ids).toEqual([String(page.items[0]!.id)])
  })

  it('call(method, params) is classified by the method it names', async () => {
    const { agent, sim, records } = nutshellAgent({ leads: 'read' })
    await expect(agent.rpc.call('findLeads', { limit: 1 })).resolves.toBeDefined()
    const before = sim.requests.length
    await expect(agent.rpc.call('newLead', { lead: { description: 'x' } })).rejects.toThrow(
      "grant 'create' on 'leads'",
    )
    await expect(agent.rpc.call('deleteLead', { leadId: 1001, rev: '1' })).rejects.toThrow(
      "grant 'delete' on 'leads'",
    )
    expect(sim.requests.length).toBe(before)
    expect(records.at(-1)).toMatchObject({ method: 'rpc.deleteLead', ids: ['1001'], outcome: 'denied' })
    const error = await agent.rpc.newLead({ description: 'x' }).catch((e: PermissionDeniedError) => e)
    expect(error).toMatchObject({ path: 'rpc.newLead', method: 'newLead', status: 403 })
  })

  it('a method no policy can grant is denied whatever the policy says', async () => {
    const { agent } = nutshellAgent({ '*': ['read', 'create', 'update', 'close', 'delete', 'erase'] })
    const error = await agent.rpc.call('getApiForUsername', { username: 'a@b.c' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PermissionDeniedError)
    await expect(agent.rpc.call('mergeEverything', {})).rejects.toThrow('not an operation a policy can grant')
  })

  it('a cross-record search needs read on every record type it can return', async () => {
    const partial = nutshellAgent({ leads: 'read', contacts: 'read' })
    await expect(partial.agent.rpc.searchUniversal('Pinnacle')).rejects.toThrow("grant 'read' on 'accounts'")
    const full = nutshellAgent({ leads: 'read', contacts: 'read', accounts: 'read' })
    await expect(full.agent.rpc.searchUniversal('Pinnacle')).resolves.toBeDefined()
  })

  it('an edit that sets a lead’s status or outcome needs close; a computed edit always does', async () => {
    const { agent } = nutshellAgent({ leads: ['read', 'update'] })
    await expect(
      agent.rpc.call('editLead', { leadId: 1001, rev: '1', lead: { status: 10 } }),
    ).rejects.toThrow("grant 'close' on 'leads'")
    await expect(agent.rpc.editWithRev('lead', 1001, () => ({ description: 'x' }))).rejects.toThrow(
      "grant 'close' on 'leads'",
    )
    await expect(agent.rpc.editWithRev('lead', 1001, { description: 'Renamed' })).resolves.toBeDefined()
  })

  it('record types only JSON-RPC reaches are policy resources of their own', async () => {
    // Teams were once checked as users; the method table names them as teams.
    const users = nutshellAgent({ users: ['read', 'create', 'update', 'delete'] })
    await expect(users.agent.rpc.getTeam(1)).rejects.toThrow("grant 'read' on 'teams'")
    await expect(users.agent.rpc.call('newTeam', { team: { name: 'x' } })).rejects.toThrow(
      "grant 'create' on 'teams'",
    )
    const teams = nutshellAgent({ teams: 'read' })
    const outcome = await teams.agent.rpc.getTeam(1).catch((e: unknown) => e)
    expect(outcome).not.toBeInstanceOf(PermissionDeniedError)
    expect(teams.records.at(-1)).toMatchObject({ resource: 'teams', method: 'rpc.getTeam', ids: ['1'] })
    const settings = nutshellAgent({ settings: 'read' })
    await expect(settings.agent.rpc.newBackup()).rejects.toThrow("grant 'create' on 'backups'")
    expect(settings.sim.requests).toEqual([])
  })

  it('names that are no method of the table are denied, prototype keys included', async () => {
    const { agent, sim } = nutshellAgent({ '*': ['read', 'create', 'update', 'close', 'delete', 'erase'] })
    for (const method of ['constructor', 'toString', 'hasOwnProperty', 'getLeads', 'findLead'])
      await expect(agent.rpc.call(method, {})).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(agent.rpc.editWithRev('constructor' as 'lead', 1, {})).rejects.toBeInstanceOf(
      PermissionDeniedError,
    )
    expect(sim.requests).toEqual([])
  })

  it('only an entity with close fields needs close for a computed edit', async () => {
    const { agent } = nutshellAgent({ contacts: ['read', 'update'] })
    const outcome = await agent.rpc
      .editWithRev('contact', 2001, () => ({ description: 'x' }))
      .catch((e: unknown) => e)
    expect(outcome).not.toBeInstanceOf(PermissionDeniedError)
  })
})
