import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type AuditRecord, callTool, scoped } from '../src'
import { jsonLinesAudit } from '../src/node'
import { LEAD, nutanAgent, nutshellAgent, rejection } from './helpers'

describe('every call emits one audit record', () => {
  it('an allowed call: agent, resource, method, ids, ok, duration and the request id', async () => {
    const { agent, records } = nutshellAgent({ leads: 'read' })
    const { response } = await agent.leads.get(LEAD).withResponse()
    expect(records).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        agent: 'bot',
        resource: 'leads',
        method: 'get',
        ids: [LEAD],
        outcome: 'ok',
        durationMs: expect.any(Number),
        requestId: response?.requestId,
      },
    ])
    expect(response?.requestId).toBeTruthy()
  })

  it('a create records the id of the record it made', async () => {
    const { agent, records } = nutshellAgent({ notes: ['create'] })
    const note = await agent.notes.create({ body: 'Sent the quote', links: { parent: LEAD } })
    expect(records[0]).toMatchObject({ resource: 'notes', method: 'create', ids: [note.id], outcome: 'ok' })
  })

  it('a denied call: outcome denied, the missing grant, no duration, no request', async () => {
    const { agent, records, sim } = nutshellAgent({ leads: 'read' })
    await rejection(agent.leads.close(LEAD, 'won'))
    expect(records).toEqual([
      {
        time: expect.any(String),
        agent: 'bot',
        resource: 'leads',
        method: 'close',
        ids: [LEAD],
        outcome: 'denied',
        durationMs: 0,
        errorName: 'PermissionDeniedError',
        missing: [{ resource: 'leads', class: 'close' }],
      },
    ])
    expect(sim.requests).toHaveLength(0)
  })

  it('a failed call: outcome error with the status, error class and request id', async () => {
    const { agent, records, sim } = nutshellAgent({ leads: 'read' })
    sim.faults.next({ status: 500 })
    const error = (await rejection(agent.leads.get(LEAD))) as Error & { requestId?: string }
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ outcome: 'error', status: 500, errorName: 'ServerError', ids: [LEAD] })
    expect(records[0]?.requestId).toBe(error.requestId)
  })

  it('a call the client rejects for its input is recorded as an error', async () => {
    const { agent, records, sim } = nutanAgent({ deals: 'write' })
    await rejection(agent.deals.create({ name: '' }))
    expect(records[0]).toMatchObject({
      resource: 'deals',
      method: 'create',
      outcome: 'error',
      errorName: 'InputValidationError',
    })
    expect(sim.requests).toHaveLength(0)
  })

  it('the record is out before the caller’s await resumes', async () => {
    const { agent, records } = nutanAgent({ deals: 'read' })
    await agent.deals.list({ limit: 1 })
    expect(records).toHaveLength(1)
    await agent.deals.signals('deal_000001')
    expect(records).toHaveLength(2)
  })

  it('walking a list records each page it fetches', async () => {
    const { agent, records } = nutshellAgent({ leads: 'read' })
    let count = 0
    for await (const _lead of agent.leads.list({ limit: 25 })) count++
    expect(count).toBe(60)
    expect(records.map((r) => `${r.method}:${r.outcome}`)).toEqual(['list:ok', 'list:ok', 'list:ok'])

    const first = await agent.leads.list({ limit: 50 })
    await first.getNextPage()
    expect(records).toHaveLength(5)
  })

  it('a list that is never awaited or iterated sends nothing and records nothing', () => {
    const { agent, records, sim } = nutshellAgent({ leads: 'read' })
    agent.leads.list()
    expect(records).toHaveLength(0)
    expect(sim.requests).toHaveLength(0)
  })

  it('a throwing or rejecting sink never changes the call', async () => {
    const { ns } = nutshellAgent({})
    const throwing = scoped(
      ns,
      { leads: 'read' },
      {
        audit: () => {
          throw new Error('disk full')
        },
      },
    )
    await expect(throwing.leads.get(LEAD)).resolves.toHaveProperty('id', LEAD)
    const rejecting = scoped(ns, { leads: 'read' }, { audit: () => Promise.reject(new Error('disk full')) })
    await expect(rejecting.leads.close(LEAD, 'won')).rejects.toThrow("grant 'close' on 'leads'")
  })
})

describe('audit records hold no secrets', () => {
  it('no API key, token or Authorization value in any record, error or tool output', async () => {
    const shell = nutshellAgent({ leads: 'read', notes: ['create'] })
    const nutan = nutanAgent({ deals: 'read' })
    const seen: unknown[] = []
    const keep = (p: PromiseLike<unknown>) =>
      Promise.resolve(p).then(
        (v) => seen.push(v),
        (e: Error) => seen.push(e, e.message, JSON.stringify(e)),
      )
    await keep(shell.agent.leads.get(LEAD))
    await keep(shell.agent.leads.close(LEAD, 'won'))
    shell.sim.faults.next({ status: 401 })
    await keep(shell.agent.leads.get(LEAD))
    await keep(callTool(shell.agent, 'notes_create', { body: 'Hi', links: { parent: LEAD } }))
    await keep(callTool(shell.agent, 'leads_delete', { id: LEAD }))
    await keep(nutan.agent.deals.list())
    await keep(nutan.agent.sync.eraseAll({ confirm: true }))
    nutan.sim.faults.next({ status: 500 })
    await keep(nutan.agent.deals.list())
    const text = JSON.stringify([shell.records, nutan.records, seen])
    for (const secret of [...shell.secrets, ...nutan.secrets]) expect(text).not.toContain(secret)
    expect(shell.records.length + nutan.records.length).toBe(8)
  })

  it('field values stay out of records unless includeFieldValues is set', async () => {
    const plain = nutshellAgent({ notes: ['create'] })
    await plain.agent.notes.create({ body: 'Budget is 40k', links: { parent: LEAD } })
    expect(JSON.stringify(plain.records)).not.toContain('Budget is 40k')
    expect(plain.records[0]).not.toHaveProperty('input')

    const verbose = nutshellAgent({ notes: ['create'] }, { includeFieldValues: true })
    await verbose.agent.notes.create({ body: 'Budget is 40k', links: { parent: LEAD } }, { timeout: 5000 })
    expect(verbose.records[0]?.input).toEqual([{ body: 'Budget is 40k', links: { parent: LEAD } }])
  })

  it('an agent may not set headers on a call (an override header, a second credential): refused, audited, nothing sent', async () => {
    const { agent, records, sim } = nutshellAgent({ leads: 'read' })
    const before = sim.requests.length
    for (const headers of [{ authorization: 'Basic c2VjcmV0' }, { 'x-http-method-override': 'DELETE' }]) {
      const error = await rejection(agent.leads.get(LEAD, { headers } as never))
      expect(error.name).toBe('InputValidationError')
      expect(error.message).toContain('options.headers')
    }
    expect(sim.requests.length).toBe(before)
    expect(records.map((r) => r.outcome)).toEqual(['error', 'error'])
    expect(JSON.stringify(records)).not.toContain('c2VjcmV0')
  })
})

describe('jsonLinesAudit (@x/agent/node)', () => {
  it('appends one JSON object per line to a file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'agent-audit-')), 'audit.jsonl')
    const sink = jsonLinesAudit(path)
    const { agent } = nutshellAgent({ leads: 'read' }, { audit: sink })
    await agent.leads.get(LEAD)
    await rejection(agent.leads.delete(LEAD))
    sink.close()
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditRecord)
    expect(lines.map((r) => `${r.method}:${r.outcome}`)).toEqual(['get:ok', 'delete:denied'])
  })

  it('writes to a stream the caller owns', async () => {
    const chunks: string[] = []
    const { agent } = nutanAgent({}, { audit: jsonLinesAudit({ write: (c: string) => chunks.push(c) }) })
    await rejection(agent.contacts.list())
    expect(chunks).toHaveLength(1)
    expect(chunks[0]!.endsWith('\n')).toBe(true)
    expect(JSON.parse(chunks[0]!)).toMatchObject({ resource: 'contacts', outcome: 'denied' })
  })
})
