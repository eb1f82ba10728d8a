// ns.rpc is a facade that loads the JSON-RPC client on first use; every method of the client's table reaches
// it through the facade, with no list of names of its own.
import { Transport } from '@x/core'
import { createNutshellSimulator } from '@x/testkit'
import { describe, expect, it } from 'vitest'
import { NutshellClient } from '../src'
import { RpcClient } from '../src/rpc/client'
import { RPC_METHODS } from '../src/rpc/methods'

function methodsOf(client: RpcClient): string[] {
  const own = Object.entries(client)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k)
  const proto = Object.getOwnPropertyNames(RpcClient.prototype).filter(
    (k) => k !== 'constructor' && typeof (client as unknown as Record<string, unknown>)[k] === 'function',
  )
  return [...new Set([...own, ...proto])].filter((k) => !k.startsWith('_')).sort()
}

describe('the lazy ns.rpc facade', () => {
  it('the client has exactly the methods of its table, plus call and editWithRev', () => {
    const real = new RpcClient({
      transport: new Transport({ baseUrl: 'https://app.nutshell.com/rest' }),
      email: 'a@b.co',
    })
    expect(methodsOf(real)).toEqual([...Object.keys(RPC_METHODS), 'call', 'editWithRev'].sort())
  })

  it('forwards every method of the table, and is not itself a thenable', async () => {
    const ns = new NutshellClient({ email: 'a@b.co', apiKey: 'k', fetch: async () => Response.json({}) })
    for (const name of Object.keys(RPC_METHODS)) {
      expect(typeof (ns.rpc as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
    expect((ns.rpc as unknown as { then?: unknown }).then).toBeUndefined()
    expect(ns.rpc.restBaseUrl).toBe('https://app.nutshell.com/rest')
  })

  it('pages a find* and answers a search through the facade on the simulator', async () => {
    const sim = createNutshellSimulator({ seed: 3 })
    const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch })
    const page = await ns.rpc.findLeads({ limit: 5 })
    expect(page.items).toHaveLength(5)
    expect(page.hasNextPage()).toBe(true)
    const all = await ns.rpc.findLeads({ limit: 25 }).toArray()
    expect(all.length).toBe(sim.db.list('leads').length)
    const found = await ns.rpc.searchUniversal(String(sim.db.list('leads')[0]!.name).slice(0, 4))
    expect(found).toBeDefined()
  })
})
