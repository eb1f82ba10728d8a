import { describe, expect, it } from 'vitest'
import { type NoticeEvent, ServerError } from '../src'
import { useSimulator } from './support/simulator'

const env = useSimulator()
const { makeClient } = env
const RPC = 'https://app.nutshell.com/api/v1/json'

describe("fallback: 'rpc' wiring", () => {
  /** Every REST call fails with a 503; JSON-RPC (the same simulator) still answers. Returns the RPC methods called. */
  function failingRestWithRpc() {
    env.sim.faults.set({ error: { rate: 1, status: 503, match: { path: '/rest/' } } })
    return {
      get rpcMethods() {
        return env.seen.filter((r) => r.url.href === RPC).map((r) => (r.body as { method: string }).method)
      },
    }
  }

  it('serves a lead read from JSON-RPC when REST fails, and says so through onNotice', async () => {
    const calls = failingRestWithRpc()
    env.sim.db.get('1001-leads')!.description = 'Read through JSON-RPC'
    const notices: NoticeEvent[] = []
    const ns = makeClient({
      fallback: 'rpc',
      maxRetries: 0,
      rpc: { endpoint: RPC },
      hooks: { onNotice: (e) => notices.push(e) },
    })
    const lead = await ns.leads.get('1001-leads')
    expect(lead.id).toBe('1001-leads')
    expect(lead.description).toBe('Read through JSON-RPC')
    expect(env.sim.requests.filter((r) => r.path.startsWith('/rest/')).map((r) => r.status)).toEqual([503])
    expect(calls.rpcMethods).toEqual(['getLead'])
    expect(notices.map((n) => n.type)).toEqual(['fallback'])
  })

  it('without the option a REST failure is thrown and JSON-RPC is never called', async () => {
    const calls = failingRestWithRpc()
    const ns = makeClient({ maxRetries: 0, rpc: { endpoint: RPC } })
    await expect(ns.leads.get('1001-leads')).rejects.toBeInstanceOf(ServerError)
    expect(calls.rpcMethods).toEqual([])
    expect(env.seen).toHaveLength(1)
  })
})
