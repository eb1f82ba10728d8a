// The lead, event, outcome and pipeline methods made from the operation tables: each sends the request
// the OpenAPI document describes (method, path, query or body), reads the document's answer shape in
// strict validation, and refuses bad input before any request.
import { InputValidationError, type RequestOptions } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { type Lead, NutshellClient, type Outcome } from '../src'
import type { FullCustomField } from '../src/schemas/custom-field'
import type { LeadInstallment, LeadInstallmentInput } from '../src/schemas/installment'
import type { ListItem } from '../src/schemas/list-view'

interface Sent {
  method: string
  path: string
  /** The decoded query pairs, in order. */
  query: [string, string][]
  body: unknown
}

/** A strict-validating client over a fetch that records each request and answers `answer`. */
function recording(answer: unknown | (() => Response)) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input))
    const body = init?.body === undefined || init.body === null ? undefined : JSON.parse(String(init.body))
    sent.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: [...url.searchParams.entries()],
      body,
    })
    return typeof answer === 'function' ? (answer as () => Response)() : Response.json(answer)
  }
  const ns = new NutshellClient({
    email: 'rep@example.com',
    apiKey: 'key-123456',
    fetch,
    maxRetries: 0,
    validation: 'strict',
  })
  return { ns, sent }
}

/** The error a call rejects with (or undefined when it resolves). */
async function refusal(call: PromiseLike<unknown>): Promise<InputValidationError> {
  const error = await Promise.resolve(call).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputValidationError)
  return error as InputValidationError
}

const installment = {
  id: '1-installments',
  dueTime: '2026-01-01T00:00:00+0000',
  description: 'Q1 payment',
  value: { currency: 'USD', amount: 1000 },
  failedTime: '2026-01-01T12:00:00+0000',
  isPaid: true,
}

describe('ns.leads table methods', () => {
  it('customFields(id) GETs /leads/{id}/customfields and lists the fields with their values', async () => {
    const { ns, sent } = recording([{ id: '3-customfields', name: 'Region', value: 'West' }])
    const page = await ns.leads.customFields('1003-leads')
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/leads/1003-leads/customfields', query: [], body: undefined },
    ])
    expect(page.items).toEqual([{ id: '3-customfields', name: 'Region', value: 'West' }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<FullCustomField>()
  })

  it('customFieldAttributes() GETs /leads/customfields/attributes', async () => {
    const { ns, sent } = recording([{ id: '3-customfields', title: 'Region' }])
    const page = await ns.leads.customFieldAttributes()
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/leads/customfields/attributes', query: [], body: undefined },
    ])
    expect(page.items[0]).toMatchObject({ id: '3-customfields', title: 'Region' })
  })

  it('createCustomField(input) POSTs the fields as the body; a typo is refused before any request', async () => {
    const { ns, sent } = recording(() => new Response(null, { status: 200 }))
    const input = { name: 'Tier', type: 'enum', choices: ['Gold', 'Silver'], isMultiple: false }
    await expect(ns.leads.createCustomField(input)).resolves.toBeUndefined()
    expect(sent).toEqual([{ method: 'POST', path: '/rest/leads/customfield', query: [], body: input }])
    sent.length = 0
    const error = await refusal(ns.leads.createCustomField({ nmae: 'Tier' } as never))
    expect(error.message).toContain('nmae')
    expect(sent).toEqual([])
  })

  it('listView({ filter, q, sort }) GETs /leads/list with filter[...] and reads listItems', async () => {
    const { ns, sent } = recording({
      meta: { count: 1, total: 1, instanceId: '12345' },
      listItems: [
        {
          id: '1006-leads',
          primaryName: 'Big deal',
          relatedName: 'Acme',
          isDeleted: false,
          fields: [{ value: '$1,000' }],
          htmlUrl: 'https://app.nutshell.com/lead/1006',
          htmlUrlPath: '/lead/1006',
          avatarUrl: 'https://app.nutshell.com/avatars/leads/1006/x',
          initials: 'BD',
        },
      ],
    })
    const page = await ns.leads.listView({ filter: { tags: '1-tags' }, q: 'acme', sort: '-value' })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/rest/leads/list' })
    expect(sent[0]!.query).toEqual([
      ['filter[tags]', '1-tags'],
      ['q', 'acme'],
      ['sort', '-value'],
    ])
    expect(page.items.map((i) => i.primaryName)).toEqual(['Big deal'])
    expectTypeOf(page.items[0]!).toEqualTypeOf<ListItem>()
    const refused = recording({})
    const error = await refusal(refused.ns.leads.listView({ sort: 'size' as never }))
    expect(error.field).toBe('sort')
    expect(refused.sent).toEqual([])
  })

  it('listFields() GETs /leads/list/fields and answers the fields by key', async () => {
    const { ns, sent } = recording({
      properties: {
        name: { type: 'string', title: 'Name', isFilterable: true, isSortable: true, isNullable: false },
        owner: { type: 'relationship', title: 'Owner', relationships: ['users', 'teams'] },
      },
    })
    const fields = await ns.leads.listFields()
    expect(sent).toEqual([{ method: 'GET', path: '/rest/leads/list/fields', query: [], body: undefined }])
    expect(fields.properties?.owner?.relationships).toEqual(['users', 'teams'])
  })

  it('report(params) GETs /leads/report with its query and answers the reports', async () => {
    const report = {
      id: '1-reports',
      key: 'sales',
      name: 'Sales',
      prefix: '$',
      data: [{ bucket: { bucket: '2026-01', count: 3, total: 3000, filters: [], segments: [] } }],
      summary: { bucket: 'total', count: 3, total: 3000 },
    }
    const { ns, sent } = recording({ reports: [{ report }] })
    const answer = await ns.leads.report({
      reportType: 'sales',
      gap: 'm',
      filter: { name: 'Big' },
      segmentByField: 'assignees',
      useConfidence: true,
    })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/rest/leads/report', body: undefined })
    expect(Object.fromEntries(sent[0]!.query)).toEqual({
      reportType: 'sales',
      gap: 'm',
      'filter[name]': 'Big',
      segmentByField: 'assignees',
      useConfidence: 'true',
    })
    expect(sent[0]!.query).toHaveLength(5)
    expect(typeof answer === 'string' ? undefined : answer.reports?.[0]?.report).toEqual(report)
    const refused = recording({})
    const error = await refusal(refused.ns.leads.report({ gap: 'hour' as never }))
    expect(error.field).toBe('gap')
    expect(refused.sent).toEqual([])
  })

  it('installments(id) GETs /leads/{id}/installments and lists the schedule', async () => {
    const { ns, sent } = recording({ installments: [installment] })
    const page = await ns.leads.installments('1003-leads')
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/leads/1003-leads/installments', query: [], body: undefined },
    ])
    expect(page.items).toEqual([installment])
    expectTypeOf(page.items[0]!).toEqualTypeOf<LeadInstallment>()
  })

  it('setInstallments(id, installments) POSTs the JSON array as the body and answers the new schedule', async () => {
    const { ns, sent } = recording({ installments: [installment] })
    const body = [
      {
        id: '1-installments',
        dueTime: '2026-01-01T00:00:00+0000',
        description: 'Q1 payment',
        value: '1000',
        isFailed: false,
      },
      { dueTime: '2026-04-01T00:00:00+0000', value: '1000', isFailed: false },
    ]
    const answer = await ns.leads.setInstallments('1003-leads', body)
    expect(sent).toEqual([{ method: 'POST', path: '/rest/leads/1003-leads/installments', query: [], body }])
    expect(answer.installments).toEqual([installment])
    expectTypeOf(ns.leads.setInstallments).parameters.toEqualTypeOf<
      [string | number, input: LeadInstallmentInput[], options?: RequestOptions]
    >()
  })

  it('setInstallments refuses an installment without a required field, naming it, and sends nothing', async () => {
    const { ns, sent } = recording({ installments: [] })
    const error = await refusal(
      ns.leads.setInstallments('1003-leads', [
        { dueTime: '2026-01-01T00:00:00+0000', value: '1000' },
      ] as never),
    )
    expect(error.field).toContain('isFailed')
    expect(error.message).toContain('isFailed')
    await refusal(
      ns.leads.setInstallments('1003-leads', { dueTime: 'x', value: '1', isFailed: false } as never),
    )
    expect(sent).toEqual([])
  })

  it('stages(id) GETs /leads/{id}/stages and answers the stages with the time spent in each', async () => {
    const answer = {
      meta: {
        instanceId: '12345',
        timeSpent: [{ formatted: '3 days', prefix: '', suffix: 'days', value: 3, unit: 'day' }],
        stageset: { id: '1-stagesets', name: 'Sales', default: true, canAccess: true },
      },
      stages: [
        {
          id: '1-stages',
          name: 'Prospecting',
          description: 'Identify and qualify potential customers',
          position: 1,
          numSteps: 3,
          canAdvanceStage: true,
          links: [{ stageset: '1-stagesets' }],
        },
      ],
    }
    const { ns, sent } = recording(answer)
    const result = await ns.leads.stages('1003-leads')
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/leads/1003-leads/stages', query: [], body: undefined },
    ])
    expect(result).toEqual(answer)
    expect(result.meta?.timeSpent?.[0]?.formatted).toBe('3 days')
  })

  it('watch(id) POSTs /leads/{id}/watch with no body and resolves the lead', async () => {
    const lead = {
      id: '1003-leads',
      type: 'leads',
      name: 'Big deal',
      isCurrentUserWatching: true,
      htmlUrl: 'https://app.nutshell.com/lead/1003',
      htmlUrlPath: '/lead/1003',
      avatarUrl: 'https://app.nutshell.com/avatars/leads/1003/x',
      initials: 'BD',
    }
    const { ns, sent } = recording(lead)
    const result = await ns.leads.watch('1003-leads')
    expect(sent).toEqual([
      { method: 'POST', path: '/rest/leads/1003-leads/watch', query: [], body: undefined },
    ])
    expect(result).toEqual(lead)
    expectTypeOf(result).toEqualTypeOf<Lead>()
    expectTypeOf(ns.leads.watch).parameters.toEqualTypeOf<[string | number, options?: RequestOptions]>()
  })

  it('the hand-written lead methods are still there beside the table ones', () => {
    const { ns } = recording({})
    for (const name of [
      'list',
      'get',
      'create',
      'update',
      'delete',
      'undelete',
      'close',
      'reopen',
      'setPipeline',
      'products',
    ]) {
      expect(typeof (ns.leads as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
  })
})

describe('ns.events.deleted, ns.outcomes.get, ns.pipelines.export', () => {
  it('events.deleted({ filter: { types }, sort }) repeats filter[types] without [] and answers the feed', async () => {
    const answer = {
      meta: { instanceId: '12345', next: 'https://app.nutshell.com/rest/events/deleted?since=2' },
      events: [
        {
          id: '9-events',
          createdTime: 1767225600,
          actorType: 'users',
          payloadType: 'leads',
          action: 'delete',
          changes: [],
          count: '1',
          links: { actor: '1-users', payloads: ['1003-leads'] },
        },
      ],
    }
    const { ns, sent } = recording(answer)
    const result = await ns.events.deleted({ filter: { types: ['leads', 'contacts'] }, sort: '-change_time' })
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/rest/events/deleted', body: undefined })
    expect(sent[0]!.query).toEqual([
      ['filter[types]', 'leads'],
      ['filter[types]', 'contacts'],
      ['sort', '-change_time'],
    ])
    expect(result.events[0]?.action).toBe('delete')
    const single = recording(answer)
    await single.ns.events.deleted({ filter: { types: 'notes' } })
    expect(single.sent[0]!.query).toEqual([['filter[types]', 'notes']])
    const refused = recording(answer)
    const error = await refusal(refused.ns.events.deleted({ filter: { types: ['lead'] } } as never))
    expect(error.field).toContain('types')
    expect(refused.sent).toEqual([])
  })

  it('outcomes.get(id) GETs /outcomes/{id} and resolves the outcome', async () => {
    const { ns, sent } = recording({ id: '1-outcomes', type: 'outcomes', name: 'Won', status: 'won' })
    const outcome = await ns.outcomes.get('1-outcomes')
    expect(sent).toEqual([{ method: 'GET', path: '/rest/outcomes/1-outcomes', query: [], body: undefined }])
    expect(outcome).toEqual({ id: '1-outcomes', type: 'outcomes', name: 'Won', status: 'won' })
    expectTypeOf(outcome).toEqualTypeOf<Outcome>()
    expectTypeOf(ns.outcomes.get).parameters.toEqualTypeOf<[string | number, options?: RequestOptions]>()
  })

  it('pipelines.export(id) GETs /stagesets/{id}/export and answers the CSV text', async () => {
    const csv = 'Lead,Stage,Entered\nBig deal,Prospecting,2026-01-01\n'
    const { ns, sent } = recording(() => new Response(csv, { headers: { 'content-type': 'text/csv' } }))
    const text = await ns.pipelines.export('1-stagesets')
    expect(sent).toEqual([
      { method: 'GET', path: '/rest/stagesets/1-stagesets/export', query: [], body: undefined },
    ])
    expect(text).toBe(csv)
    expectTypeOf(text).toEqualTypeOf<string>()
    expectTypeOf(ns.pipelines.export).parameters.toEqualTypeOf<[string | number, options?: RequestOptions]>()
  })
})
