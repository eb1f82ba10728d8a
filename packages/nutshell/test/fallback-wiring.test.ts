import { HttpResponse, http } from 'msw'
import { describe, expect, it } from 'vitest'
import { type NoticeEvent, ServerError } from '../src'
import { BASE } from './support/fixtures'
import { makeClient, useFakeNutshell } from './support/setup'

const env = useFakeNutshell()
const RPC = 'https://app.nutshell.com/api/v1/json'

describe("fallback: 'rpc' wiring", () => {
  function failingRestWithRpc() {
    const rpcMethods: string[] = []
    env.server.use(
      http.get(`${BASE}/leads/:id`, () =>
        HttpResponse.json({ code: 503, message: 'Unavailable' }, { status: 503 }),
      ),
      http.post(RPC, async ({ request }) => {
        const body = (await request.json()) as { method: string; id: string }
        rpcMethods.push(body.method)
        return HttpResponse.json({
          id: body.id,
          error: null,
          result: {
            id: 1001,
            entityType: 'Leads',
            rev: '3',
            name: 'Lead 1001',
            status: 0,
            description: 'From RPC',
          },
        })
      }),
    )
    return rpcMethods
  }

  it('serves a lead read from JSON-RPC when REST fails, and says so through onNotice', async () => {
    const rpcMethods = failingRestWithRpc()
    const notices: NoticeEvent[] = []
    const ns = makeClient({
      fallback: 'rpc',
      maxRetries: 0,
      rpc: { endpoint: RPC },
      hooks: { onNotice: (e) => notices.push(e) },
    })
    const lead = await ns.leads.get('1001-leads')
    expect(lead.id).toBe('1001-leads')
    expect(rpcMethods).toEqual(['getLead'])
    expect(notices.map((n) => n.type)).toEqual(['fallback'])
  })

  it('without the option a REST failure is thrown and JSON-RPC is never called', async () => {
    const rpcMethods = failingRestWithRpc()
    const ns = makeClient({ maxRetries: 0, rpc: { endpoint: RPC } })
    await expect(ns.leads.get('1001-leads')).rejects.toBeInstanceOf(ServerError)
    expect(rpcMethods).toEqual([])
  })
})
