import { SdkError } from '@x/core'
import { NutshellClient } from '@x/nutshell'
import { describe, expect, it } from 'vitest'
import { type AuditRecord, type ClientSurface, PermissionDeniedError, scoped } from '../src'
import { LEAD, nutanAgent, nutshellAgent, rejection } from './helpers'

describe('a scoped client behaves like the client for what it may do', () => {
  it('is still the same type, and its results keep their extras (withRelated, withResponse)', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    expect(agent).toBeInstanceOf(NutshellClient)
    const { data, related } = await agent.leads.get(LEAD).withRelated()
    expect(data.id).toBe(LEAD)
    expect(related).toBeDefined()
    const { response } = await agent.leads.get(LEAD).withResponse()
    expect(response?.status).toBe(200)
  })

  it('lists page the same way: await, pages(), toArray()', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    const page = await agent.leads.list({ limit: 10 })
    expect(page.items).toHaveLength(10)
    expect(page.hasNextPage()).toBe(true)
    let pages = 0
    for await (const p of agent.leads.list({ limit: 30 }).pages()) pages += p.items.length > 0 ? 1 : 0
    expect(pages).toBe(2)
    await expect(agent.leads.list({ limit: 10 }).toArray({ max: 15 })).resolves.toHaveLength(15)
  })

  it('a denied list rejects whether awaited, iterated or collected', async () => {
    const { agent } = nutshellAgent({})
    await expect(agent.leads.list()).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(agent.leads.list().toArray()).rejects.toBeInstanceOf(PermissionDeniedError)
    await expect(
      (async () => {
        for await (const _lead of agent.leads.list()) return
      })(),
    ).rejects.toBeInstanceOf(PermissionDeniedError)
  })

  it('the denial is a local 403 naming the agent, resource and method', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    const error = (await rejection(agent.leads.close(LEAD, 'lost'))) as PermissionDeniedError
    expect(error).toMatchObject({ status: 403, method: 'close', path: 'leads.close', code: 'scope_denied' })
    expect(error.requestId).toBeUndefined()
  })
})

describe('nothing on a scoped client bypasses the policy', () => {
  it('the transport, tokens and helpers of the client are not reachable', () => {
    const { agent } = nutshellAgent({ '*': 'read' })
    expect(() => agent.transport).toThrow(PermissionDeniedError)
    expect(() => agent.refetch).toThrow('a scoped client exposes only its resources')
    expect('transport' in agent).toBe(false)
    expect(Object.keys(agent)).not.toContain('transport')
    const nutan = nutanAgent({ '*': 'read' })
    expect(() => nutan.agent.rateLimit).toThrow(PermissionDeniedError)
  })

  it('resource objects expose only methods, never their private state', () => {
    const { agent } = nutshellAgent({ '*': 'read' })
    expect((agent.leads as unknown as Record<string, unknown>).ctx).toBeUndefined()
    expect(Object.keys(agent.leads)).toEqual([])
    const nutan = nutanAgent({ '*': 'read' })
    expect((nutan.agent.sync as unknown as Record<string, unknown>).transport).toBeUndefined()
  })

  it('a resource cannot be swapped for the unscoped one, nor read raw through its descriptor', async () => {
    const { agent, ns } = nutshellAgent({ leads: 'read' })
    expect(() => {
      ;(agent as { leads: unknown }).leads = ns.leads
    }).toThrow(TypeError)
    const leads = Object.getOwnPropertyDescriptor(agent, 'leads')?.value as typeof ns.leads
    await expect(leads.close(LEAD, 'won')).rejects.toBeInstanceOf(PermissionDeniedError)
  })

  it('scoping a scoped client can only narrow it', async () => {
    const { agent } = nutshellAgent({ leads: 'write' })
    const narrower = scoped(agent, { leads: 'read' })
    await expect(narrower.leads.close(LEAD, 'won')).rejects.toThrow("grant 'close' on 'leads'")
    const wider = scoped(agent, { leads: ['read', 'delete'] })
    await expect(wider.leads.delete(LEAD)).rejects.toThrow("grant 'delete' on 'leads'")
  })

  it('a client scoped() does not know needs a surface', () => {
    expect(() => scoped({ leads: {} }, {})).toThrow(SdkError)
  })
})

describe('a custom surface scopes any client', () => {
  const inventory = {
    secret: 'not for agents',
    items: {
      list: async () => ['a', 'b'],
      restock: async (id: string) => ({ id }),
      purge: async () => 'gone',
    },
  }
  const surface: ClientSurface = {
    name: 'inventory',
    resources: ['items'],
    objects: { items: { methods: { list: 'read', restock: 'update' } } },
    tools: [],
    matches: () => true,
  }

  it('classified methods follow the policy and a method missing from the surface is always denied', async () => {
    const records: AuditRecord[] = []
    const agent = scoped(
      inventory,
      { items: ['read', 'update', 'delete', 'erase'] },
      { surface, audit: (r) => void records.push(r) },
    )
    await expect(agent.items.list()).resolves.toEqual(['a', 'b'])
    await expect(agent.items.restock('sku-1')).resolves.toEqual({ id: 'sku-1' })
    await expect(agent.items.purge()).rejects.toThrow(
      'may not call items.purge (not an operation a policy can grant)',
    )
    expect(() => agent.secret).toThrow(PermissionDeniedError)
    expect(records.map((r) => `${r.method}:${r.outcome}:${r.ids.join()}`)).toEqual([
      'list:ok:',
      'restock:ok:sku-1',
      'purge:denied:',
    ])
  })
})
