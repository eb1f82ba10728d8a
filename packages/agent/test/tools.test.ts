import { InputValidationError } from '@x/core'
import { describe, expect, it } from 'vitest'
import { callTool, PermissionDeniedError, toolDefinitions } from '../src'
import { LEAD, nutanAgent, nutshellAgent, rejection } from './helpers'

describe('toolDefinitions lists exactly the granted methods', () => {
  it('read on leads and create on notes give every lead read and notes_create', () => {
    const { agent } = nutshellAgent({ leads: 'read', notes: ['create'] })
    expect(toolDefinitions(agent).map((t) => t.name)).toEqual([
      'leads_list',
      'leads_get',
      'leads_products',
      'leads_customFields',
      'leads_customFieldAttributes',
      'leads_listView',
      'leads_listFields',
      'leads_report',
      'leads_installments',
      'leads_stages',
      'notes_create',
    ])
  })

  it("dangerous methods appear only with their own grant, never under 'write'", () => {
    const writer = nutanAgent({ sync: 'write', deals: 'write' })
    const names = toolDefinitions(writer.agent).map((t) => t.name)
    expect(names).toContain('sync_push')
    expect(names).toContain('deals_update')
    expect(names).not.toContain('sync_eraseAll')
    expect(names).not.toContain('deals_delete')

    const eraser = nutanAgent({ sync: ['erase'] })
    expect(toolDefinitions(eraser.agent).map((t) => t.name)).toEqual(['sync_eraseAll'])
  })

  it('an unscoped client lists every method as a tool', () => {
    const { ns } = nutshellAgent({})
    const names = toolDefinitions(ns).map((t) => t.name)
    expect(names).toContain('leads_close')
    expect(names).toContain('contacts_delete')
    expect(names.every((n) => /^[a-zA-Z0-9_-]{1,64}$/.test(n))).toBe(true)
    expect(new Set(names).size).toBe(names.length)
    const nutan = toolDefinitions(nutanAgent({}).nutan).map((t) => t.name)
    expect(nutan).toContain('sync_eraseAll')
    expect(nutan).toContain('meetings_addParticipant')
  })

  it('an empty policy offers no tools', () => {
    expect(toolDefinitions(nutanAgent({}).agent)).toEqual([])
  })
})

describe('tool shapes the LLM APIs accept', () => {
  it("Anthropic's by default: name, description, input_schema as a JSON Schema object", () => {
    const { agent } = nutshellAgent({ notes: ['create'] })
    const [tool] = toolDefinitions(agent)
    expect(Object.keys(tool!).sort()).toEqual(['description', 'input_schema', 'name'])
    expect(tool!.input_schema).toMatchObject({
      type: 'object',
      properties: { body: { type: 'string', minLength: 1 }, links: { type: 'object' } },
      required: ['body', 'links'],
    })
    expect(tool!.input_schema).not.toHaveProperty('$schema')
    expect(JSON.parse(JSON.stringify(tool))).toEqual(tool)
  })

  it("OpenAI's function shape and MCP's inputSchema carry the same schema", () => {
    const { agent } = nutshellAgent({ leads: ['close'] })
    const [anthropic] = toolDefinitions(agent)
    const [openai] = toolDefinitions(agent, { format: 'openai' })
    const [mcp] = toolDefinitions(agent, { format: 'mcp' })
    expect(openai).toEqual({
      type: 'function',
      function: {
        name: 'leads_close',
        description: anthropic!.description,
        parameters: anthropic!.input_schema,
      },
    })
    expect(mcp).toEqual({
      name: 'leads_close',
      description: anthropic!.description,
      inputSchema: anthropic!.input_schema,
    })
  })

  it('an id-taking method gets an object schema with a required id', () => {
    const { agent } = nutshellAgent({ leads: ['close'] })
    const [close] = toolDefinitions(agent)
    expect(close!.input_schema).toMatchObject({
      type: 'object',
      required: ['id', 'outcome'],
      additionalProperties: false,
    })
    expect(JSON.stringify(close!.input_schema)).toContain('"won"')
  })
})

describe('callTool validates the input and dispatches through the scoped client', () => {
  it('a granted tool runs the method and returns plain JSON', async () => {
    const { agent, ns } = nutshellAgent({ leads: 'read', notes: ['create'] })
    const lead = (await callTool(agent, 'leads_get', { id: LEAD })) as { id: string }
    expect(lead.id).toBe(LEAD)
    const page = (await callTool(agent, 'leads_list', { limit: 2 })) as {
      items: unknown[]
      hasNextPage: boolean
    }
    expect(page.items).toHaveLength(2)
    expect(page.hasNextPage).toBe(true)
    const note = (await callTool(agent, 'notes_create', {
      body: 'Left a voicemail',
      links: { parent: LEAD },
    })) as {
      id: string
    }
    await expect(ns.notes.get(note.id)).resolves.toMatchObject({ body: 'Left a voicemail' })
  })

  it('a bad input throws InputValidationError naming the field, before any request, and is recorded', async () => {
    const { agent, sim, records } = nutshellAgent({ notes: ['create'] })
    const error = await rejection(callTool(agent, 'notes_create', { links: { parent: LEAD } }))
    expect(error).toBeInstanceOf(InputValidationError)
    expect((error as InputValidationError).field).toBe('body')
    const nested = await rejection(callTool(agent, 'notes_create', { body: 'x', links: { parent: 1001 } }))
    expect((nested as InputValidationError).field).toBe('links.parent')
    expect(sim.requests).toHaveLength(0)
    expect(records.map((r) => r.outcome)).toEqual(['error', 'error'])
  })

  it('a tool the policy does not grant is denied and recorded, like a direct call', async () => {
    const { agent, records, sim } = nutshellAgent({ leads: 'read' })
    await expect(callTool(agent, 'leads_close', { id: LEAD, outcome: 'won' })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    )
    expect(records[0]).toMatchObject({ method: 'close', outcome: 'denied' })
    expect(sim.requests).toHaveLength(0)
  })

  it('an input needing more than the tool’s base grant is denied (a sync push carrying deletes)', async () => {
    const { agent } = nutanAgent({ sync: 'write' })
    await expect(callTool(agent, 'sync_push', { deletes: { contacts: ['c-9'] } })).rejects.toThrow(
      "grant 'delete' on 'sync'",
    )
  })

  it('an unknown tool name is an input error', async () => {
    const { agent } = nutshellAgent({ leads: 'read' })
    const error = await rejection(callTool(agent, 'leads_drop', {}))
    expect(error).toBeInstanceOf(InputValidationError)
    expect(error.message).toContain('unknown tool "leads_drop"')
  })

  it('Nutan tools with an id and paging map to the method’s arguments', async () => {
    const { agent } = nutanAgent({ deals: 'read', meetings: 'write' })
    const deals = (await callTool(agent, 'deals_list', { limit: 1 })) as { items: { id: string }[] }
    const signals = (await callTool(agent, 'deals_signals', {
      id: deals.items[0]!.id,
      params: { limit: 1 },
    })) as {
      items: unknown[]
    }
    expect(signals.items.length).toBeLessThanOrEqual(1)
    const meetings = (await callTool(agent, 'meetings_list', { limit: 1 })) as { items: { id: string }[] }
    const added = await callTool(agent, 'meetings_addParticipant', {
      id: meetings.items[0]!.id,
      participant: { name: 'Ada Lovelace', email: 'ada@example.com' },
    })
    expect(added).toMatchObject({ name: 'Ada Lovelace' })
  })
})
