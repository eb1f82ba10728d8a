// A `Date` wherever the service takes a time, sent in the unit each endpoint wants.
import { Transport } from '@x/core'
import { describe, expect, it } from 'vitest'
import { extraFields, fieldsOf, LeadSchema, NutshellClient, timeToDate } from '../src'
import { RpcClient } from '../src/rpc'

const START = new Date('2024-05-28T14:00:00.600Z')
const START_S = 1716904800
const END = new Date('2024-05-28T15:00:00Z')
const END_S = 1716908400

interface Sent {
  method: string
  path: string
  body: unknown
}

/** A REST client answering `answer` to everything, recording what is sent. */
function recording(answer: unknown) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const text = await request.text()
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: text ? JSON.parse(text) : undefined,
    })
    return Response.json(answer)
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

describe('REST times', () => {
  it('sends activity start and end Dates as whole unix seconds, on create and update', async () => {
    const { ns, sent } = recording({ activities: [{ id: '1-activities', name: 'Demo' }] })
    await ns.activities.create({ name: 'Demo', startTime: START, endTime: END })
    await ns.activities.update('1-activities', { startTime: START })
    await ns.activities.create({ name: 'Demo', startTime: START_S })
    expect(sent.map((s) => s.body)).toEqual([
      { activities: [{ name: 'Demo', startTime: START_S, endTime: END_S }] },
      { activities: [{ startTime: START_S }] },
      { activities: [{ name: 'Demo', startTime: START_S }] },
    ])
  })

  it('sends a task dueTime Date as unix seconds in a string, on create and in a patch', async () => {
    const { ns, sent } = recording({ tasks: [{ id: '1-tasks', title: 'Call' }] })
    await ns.tasks.create({ title: 'Call', dueTime: START })
    await ns.tasks.update('1-tasks', { dueTime: START })
    expect(sent[0]?.body).toEqual({ title: 'Call', dueTime: String(START_S) })
    expect(sent[1]?.body).toEqual([{ op: 'replace', path: '/tasks/0/dueTime', value: String(START_S) }])
  })

  it('sends a lead dueTime Date as unix seconds on create, as ISO 8601 (`+0000`) in a patch', async () => {
    const { ns, sent } = recording({ leads: [{ id: '1-leads' }] })
    await ns.leads.create({ description: 'Car wash', dueTime: START })
    await ns.leads.update('1-leads', { dueTime: START })
    expect(sent[0]?.body).toEqual({ leads: [{ description: 'Car wash', dueTime: START_S }] })
    expect(sent[1]?.body).toEqual([
      { op: 'replace', path: '/leads/0/dueTime', value: '2024-05-28T14:00:00+0000' },
    ])
  })

  it('sends an installment dueTime Date as ISO 8601 in the form the document shows', async () => {
    const { ns, sent } = recording({ installments: [] })
    await ns.leads.setInstallments('1-leads', [
      { dueTime: new Date('2026-01-01T00:00:00Z'), value: '1000', isFailed: false },
      { dueTime: '2026-02-01T00:00:00+0000', value: '1000', isFailed: false },
    ])
    expect(sent[0]?.body).toEqual([
      { dueTime: '2026-01-01T00:00:00+0000', value: '1000', isFailed: false },
      { dueTime: '2026-02-01T00:00:00+0000', value: '1000', isFailed: false },
    ])
  })
})

describe('JSON-RPC times', () => {
  it('sends Dates as ISO 8601 strings', async () => {
    const sent: { method: string; params: Record<string, unknown> }[] = []
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body ?? (await new Request(input, init).text()))) as {
        method: string
        params: Record<string, unknown>
        id: string
      }
      sent.push({ method: body.method, params: body.params })
      const result = { id: 1, entityType: 'Activities', rev: '1', name: 'Demo' }
      return Response.json({ result, id: body.id, error: null })
    }) as typeof globalThis.fetch
    const transport = new Transport({
      baseUrl: 'https://app.nutshell.com/rest',
      fetch,
      auth: () => ({ authorization: 'Basic eA==' }),
    })
    const rpc = new RpcClient({
      transport,
      email: 'ada@example.com',
      options: { endpoint: 'https://app.nutshell.com/api/v1/json' },
    })
    await rpc.newActivity({ name: 'Demo', startTime: START, endTime: '2024-05-28T15:00:00Z' })
    await rpc.editActivity(1, '1', { endTime: END })
    expect(sent[0]?.params.activity).toEqual({
      name: 'Demo',
      startTime: START.toISOString(),
      endTime: '2024-05-28T15:00:00Z',
    })
    expect(sent[1]?.params.activity).toEqual({ endTime: END.toISOString() })
  })
})

describe('timeToDate', () => {
  it('reads every form a time arrives in', () => {
    const at = new Date('2024-05-28T14:00:00Z')
    expect(timeToDate(START_S)).toEqual(at)
    expect(timeToDate(String(START_S))).toEqual(at)
    expect(timeToDate('2024-05-28T14:00:00+0000')).toEqual(at)
    expect(timeToDate('2024-05-28T14:00:00Z')).toEqual(at)
    expect(timeToDate({ absoluteLocalizedString: 'May 28, 2024', timestamp: START_S, value: 'x' })).toEqual(
      at,
    )
    expect(timeToDate({ value: '2024-05-28T14:00:00Z' })).toEqual(at)
    expect(timeToDate(null)).toBeUndefined()
    expect(timeToDate('not a time')).toBeUndefined()
  })
})

describe('fields the SDK does not declare', () => {
  it('pass through validation, and fieldsOf / extraFields reach them', () => {
    const lead = LeadSchema.parse({ id: '1-leads', name: 'Car wash', leadScore: 7 })
    expect(fieldsOf(lead).leadScore).toBe(7)
    expect(extraFields(lead, LeadSchema)).toEqual({ leadScore: 7 })
  })
})
