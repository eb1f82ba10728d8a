// A JSON-RPC error arrives inside an HTTP 200: reads retry it like a 5xx, writes never resend.
import { describe, expect, it } from 'vitest'
import { NutshellClient, ServerError } from '../src'
import { RpcClient } from '../src/rpc/client'

const ENDPOINT = 'https://app.nutshell.com/api/v1/json'

function clientAnswering(answers: unknown[]) {
  const methods: string[] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const body = (await request.json()) as { method: string; id: string }
    methods.push(body.method)
    const answer = answers[Math.min(methods.length - 1, answers.length - 1)]
    return Response.json({ id: body.id, ...(answer as object) })
  }
  const ns = new NutshellClient({
    email: 'rep@example.com',
    apiKey: 'key-1234567890',
    fetch: fetchImpl as typeof fetch,
    backoff: { initialDelay: 1, maxDelay: 2 },
    rpc: { endpoint: ENDPOINT },
  })
  return {
    rpc: new RpcClient({
      transport: ns.transport,
      email: 'rep@example.com',
      options: { endpoint: ENDPOINT },
    }),
    methods,
  }
}

const failure = { result: null, error: { code: 500, message: 'Internal error', data: null } }

describe('JSON-RPC errors inside a 200', () => {
  it('a read-only method retries them like a server error', async () => {
    const { rpc, methods } = clientAnswering([
      failure,
      { result: { id: 1, entityType: 'Leads', rev: '1', name: 'A' }, error: null },
    ])
    await expect(rpc.getLead(1)).resolves.toMatchObject({ id: 1 })
    expect(methods).toEqual(['getLead', 'getLead'])
  })

  it('a write is sent once and throws ServerError with code and data kept', async () => {
    const { rpc, methods } = clientAnswering([failure])
    const error = await rpc.newLead({ description: 'X' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect((error as ServerError).code).toBe(500)
    expect(methods).toEqual(['newLead'])
  })
})
