// The rule: every typed JSON-RPC method sends its exact name (the table's key: `findLead_Outcomes`, with
// the underscore) and the named params its kind declares, found by enumerating the table, so a method
// added to the table is checked without editing this file.
import { Transport } from '@x/core'
import { describe, expect, it } from 'vitest'
import { RpcClient } from '../src/rpc'
import { RPC_ENTITIES } from '../src/rpc/entities'
import { RPC_METHODS, type RpcMethod } from '../src/rpc/methods'

const ENDPOINT = 'https://app.nutshell.test/api/v1/json'

function recordingClient() {
  const sent: { method: string; params: Record<string, unknown> }[] = []
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as {
      method: string
      params: Record<string, unknown>
      id: string
    }
    sent.push({ method: body.method, params: body.params })
    const record = { id: 7, entityType: 'Things', rev: '3', name: 'Thing' }
    const result =
      /^(find|search)/.test(body.method) && body.method !== 'findCustomFields' ? [record] : record
    const answer = body.method === 'findCustomFields' ? { Leads: [{ name: 'Score' }] } : result
    return Response.json({ result: answer, id: body.id, jsonrpc: '2.0' })
  }
  const transport = new Transport({
    baseUrl: 'https://app.nutshell.test/rest',
    fetch,
    auth: () => ({}),
    maxRetries: 0,
  })
  return {
    rpc: new RpcClient({ transport, email: 'rep@example.com', options: { endpoint: ENDPOINT } }),
    sent,
  }
}

/** Sample arguments for a method of each kind, and the named params they must become. */
function sample(name: string, m: RpcMethod): { args: unknown[]; params: Record<string, unknown> } {
  switch (m.kind) {
    case 'get': {
      const { idKey } = RPC_ENTITIES[m.entity]
      return { args: [7], params: { [idKey]: 7 } }
    }
    case 'new': {
      const { key } = RPC_ENTITIES[m.entity]
      return { args: [{ name: 'New' }], params: { [key]: { name: 'New' } } }
    }
    case 'edit': {
      const { idKey, key } = RPC_ENTITIES[m.entity]
      return {
        args: [7, '3', { name: 'Renamed' }],
        params: { [idKey]: 7, rev: '3', [key]: { name: 'Renamed' } },
      }
    }
    case 'delete': {
      const { idKey } = RPC_ENTITIES[m.entity]
      return { args: [7, '3'], params: { [idKey]: 7, rev: '3' } }
    }
    case 'find':
      return { args: [{ limit: 5 }], params: { limit: 5, page: 1 } }
    case 'search':
      return { args: ['acme', { limit: 3 }], params: { string: 'acme', limit: 3 } }
    case 'plain': {
      const given: Record<string, Record<string, unknown>> = {
        findTasks: { query: { leadId: 7 } },
        findProcesses: { query: { leadId: 7 } },
        newSource: { name: 'Web' },
        newTag: { tag: { name: 'vip', entityType: 'Leads' } },
        newEmail: { emailString: 'From: a@b.co\r\n\r\nHi' },
        getAnalyticsReport: { reportType: 'Pipeline', period: 'm' },
      }
      const params = given[name]
      if (!m.params) return { args: [], params: {} }
      if (!params) throw new Error(`add sample params for ${name}`)
      return { args: [params], params }
    }
    case 'custom': {
      const given: Record<string, { args: unknown[]; params: Record<string, unknown> }> = {
        newNote: {
          args: [{ entityType: 'Leads', id: 7 }, 'Called back'],
          params: { entity: { entityType: 'Leads', id: 7 }, note: 'Called back' },
        },
        searchUniversal: { args: ['acme'], params: { string: 'acme' } },
        searchByEmail: { args: ['ada@example.com'], params: { emailAddressString: 'ada@example.com' } },
      }
      const found = given[name]
      if (!found) throw new Error(`add sample arguments for ${name}`)
      return found
    }
  }
}

describe('every typed JSON-RPC method of the table', () => {
  const entries = Object.entries(RPC_METHODS) as [string, RpcMethod][]

  it.each(entries)('%s sends its own name and params', async (name, m) => {
    const { rpc, sent } = recordingClient()
    const { args, params } = sample(name, m)
    const method = (rpc as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!
    await method(...args)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.method).toBe(name)
    expect(sent[0]!.params).toMatchObject(params)
  })

  it('getUser without an id asks for the authenticated user: no userId is sent', async () => {
    const { rpc, sent } = recordingClient()
    await rpc.getUser()
    expect(sent).toEqual([{ method: 'getUser', params: {} }])
  })

  it('find* pages are 1-based, and the names of the table are distinct and valid', () => {
    expect(new Set(entries.map(([n]) => n)).size).toBe(entries.length)
    for (const [name] of entries) expect(name).toMatch(/^[a-z][A-Za-z_]*$/)
    expect(entries.map(([n]) => n)).toContain('findLead_Outcomes')
    expect(entries.map(([n]) => n)).not.toContain('findLeadOutcomes')
  })

  it('declares an effect, the resources it touches and a source for every method', () => {
    for (const [name, m] of entries) {
      expect(m.resources.length, name).toBeGreaterThan(0)
      expect(m.source, name).toMatch(/\S/)
      expect(m.description, name).toMatch(/\.$/)
    }
  })
})
