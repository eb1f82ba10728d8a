// editWithRev: read the rev, edit, and on a 409 re-read and retry a bounded number of times.
import { BadRequestError, ConflictError, ServerError, Transport } from '@x/core'
import { getResponse, HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RpcClient } from '../src/rpc'

const ENDPOINT = 'https://app.nutshell.com/api/v1/json'

interface Sent {
  method: string
  // biome-ignore lint/suspicious/noExplicitAny: params are whatever the client sent
  params: any
}

type Answer = { result: unknown } | { error: { code: number; message: string; data?: unknown } } | Response

/** A lead store that bumps `rev` on every edit; `before(method)` may inject a competing change or a failure. */
function setup(
  maxRevRetries?: number,
  before?: (method: string, lead: { rev: number; description: string }) => Answer | undefined,
) {
  const lead = { rev: 1, description: 'Old' }
  const sent: Sent[] = []
  const handlers = [
    http.post(ENDPOINT, async ({ request }) => {
      const body = (await request.json()) as { method: string; params: Record<string, unknown>; id: string }
      sent.push({ method: body.method, params: body.params })
      const reply = (): Answer => {
        const injected = before?.(body.method, lead)
        if (injected) return injected
        if (body.method === 'getLead')
          return {
            result: { id: 1003, entityType: 'Leads', rev: String(lead.rev), description: lead.description },
          }
        if (body.params.rev !== String(lead.rev))
          return { error: { code: 409, message: 'rev key is out-of-date', data: { rev: String(lead.rev) } } }
        Object.assign(lead, body.params.lead, { rev: lead.rev + 1 })
        return {
          result: { id: 1003, entityType: 'Leads', rev: String(lead.rev), description: lead.description },
        }
      }
      const answer = reply()
      if (answer instanceof Response) return answer
      return HttpResponse.json({ result: null, error: null, ...answer, id: body.id })
    }),
  ]
  const transport = new Transport({
    baseUrl: 'https://app.nutshell.com/rest',
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
      (await getResponse(handlers, new Request(input, init))) ?? Response.error()) as typeof fetch,
    auth: () => ({ authorization: 'Basic eA==' }),
  })
  const rpc = new RpcClient({
    transport,
    email: 'ada@example.com',
    options: { endpoint: ENDPOINT, maxRevRetries },
  })
  return { rpc, sent, lead }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('editWithRev', () => {
  it('reads the current rev and edits with it', async () => {
    const { rpc, sent } = setup()
    const edited = await rpc.editWithRev('lead', '1003-leads', { description: 'New' })
    expect(edited).toMatchObject({ id: 1003, rev: '2', description: 'New' })
    expect(sent).toEqual([
      { method: 'getLead', params: { leadId: 1003 } },
      { method: 'editLead', params: { leadId: 1003, rev: '1', lead: { description: 'New' } } },
    ])
  })

  it('on a 409 re-reads the rev and retries', async () => {
    let competing = true
    const { rpc, sent } = setup(undefined, (method, lead) => {
      // Someone else edits the lead between our read and our write, once.
      if (method === 'editLead' && competing) {
        competing = false
        lead.rev += 1
      }
      return undefined
    })
    await expect(rpc.editWithRev('lead', 1003, { description: 'Mine' })).resolves.toMatchObject({ rev: '3' })
    expect(sent.map((s) => `${s.method}${s.params.rev ? `@${s.params.rev}` : ''}`)).toEqual([
      'getLead',
      'editLead@1',
      'getLead',
      'editLead@2',
    ])
  })

  it('gives up after maxRevRetries re-reads and throws ConflictError with the code and data', async () => {
    const { rpc, sent } = setup(2, (method, lead) => {
      if (method === 'editLead') lead.rev += 1
      return undefined
    })
    const error = await rpc.editWithRev('lead', 1003, { description: 'Mine' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConflictError)
    expect(error).toMatchObject({ status: 409, code: 409, data: { rev: expect.any(String) } })
    expect((error as Error).message).toMatch(/after 3 attempts/)
    expect(sent.filter((s) => s.method === 'editLead')).toHaveLength(3)
    expect(sent.filter((s) => s.method === 'getLead')).toHaveLength(3)
  })

  it('recomputes the changes from the fresh record on each attempt when given a function', async () => {
    let competing = true
    const { rpc, lead } = setup(undefined, (method, current) => {
      if (method === 'editLead' && competing) {
        competing = false
        current.description = 'Theirs'
        current.rev += 1
      }
      return undefined
    })
    await rpc.editWithRev('lead', 1003, (current) => ({ description: `${current.description} + mine` }))
    expect(lead.description).toBe('Theirs + mine')
  })

  it('does not retry errors other than a conflict', async () => {
    const { rpc, sent } = setup(undefined, (method) =>
      method === 'editLead' ? { error: { code: 400, message: 'Invalid field: confidence' } } : undefined,
    )
    await expect(rpc.editWithRev('lead', 1003, { confidence: 500 })).rejects.toBeInstanceOf(BadRequestError)
    expect(sent.map((s) => s.method)).toEqual(['getLead', 'editLead'])
  })

  it('never resends the edit after a server error (the server may have acted)', async () => {
    const { rpc, sent } = setup(undefined, (method) =>
      method === 'editLead' ? new Response('oops', { status: 502 }) : undefined,
    )
    vi.useFakeTimers()
    const pending = rpc.editWithRev('lead', 1003, { description: 'x' }).catch((e: unknown) => e)
    await vi.runAllTimersAsync()
    expect(await pending).toBeInstanceOf(ServerError)
    expect(sent.map((s) => s.method)).toEqual(['getLead', 'editLead'])
  })

  it.each([
    ['contact', 'getContact', 'editContact', { name: 'Ada L.' }],
    ['account', 'getAccount', 'editAccount', { name: 'Acme Inc' }],
    ['activity', 'getActivity', 'editActivity', { name: 'Demo' }],
    ['task', 'getTask', 'editTask', { title: 'Call back' }],
    ['note', 'getNote', 'editNote', { note: 'Edited' }],
  ] as const)('works for %s records', async (entity, get, edit, changes) => {
    const sent: string[] = []
    const handlers = [
      http.post(ENDPOINT, async ({ request }) => {
        const body = (await request.json()) as { method: string; params: Record<string, unknown>; id: string }
        sent.push(body.method)
        return HttpResponse.json({ result: { id: 9, entityType: 'X', rev: '4' }, id: body.id, error: null })
      }),
    ]
    const transport = new Transport({
      baseUrl: 'https://app.nutshell.com/rest',
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        (await getResponse(handlers, new Request(input, init))) ?? Response.error()) as typeof fetch,
    })
    const rpc = new RpcClient({ transport, email: 'a@b.c', options: { endpoint: ENDPOINT } })
    await rpc.editWithRev(entity, 9, changes as never)
    expect(sent).toEqual([get, edit])
  })
})
