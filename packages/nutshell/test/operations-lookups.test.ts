// The lookup tables (activity types, territories, markets, audiences, competitors, competitor maps,
// editions, emails, filters, forms): each method's request and typed result, and a refused input.
import { InputValidationError, type RequestOptions } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { NutshellClient } from '../src'
import type { ActivityType } from '../src/schemas/activity-type'
import type { Audience } from '../src/schemas/audience'
import type { Competitor } from '../src/schemas/competitor'
import type { CompetitorMap, CompetitorMapPatchInput } from '../src/schemas/competitor-map'
import type { Form, FormField, FormWithFieldsResponse } from '../src/schemas/form'
import type { Lookup } from '../src/schemas/lookup'
import type { Market } from '../src/schemas/market'
import type { Territory } from '../src/schemas/related'

interface Sent {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  contentType: string | null
}

function recording(answer: unknown, status = 200) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    const text = await request.text()
    sent.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: text ? JSON.parse(text) : undefined,
      contentType: request.headers.get('content-type'),
    })
    return status === 204 ? new Response(null, { status }) : Response.json(answer, { status })
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

async function refused(call: () => Promise<unknown>): Promise<InputValidationError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputValidationError)
  return error as InputValidationError
}

describe('activity types and territories', () => {
  it('activityTypes.list reads activityTypes', async () => {
    const { ns, sent } = recording({ activityTypes: [{ id: '1-activityTypes', name: 'Call' }], meta: {} })
    const page = await ns.activityTypes.list()
    expect(page.items).toEqual([{ id: '1-activityTypes', name: 'Call' }])
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/activitytypes', query: {}, body: undefined }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<ActivityType>()
  })

  it('territories.list reads a bare array', async () => {
    const { ns, sent } = recording([{ id: '1-territories', name: 'West', modifiedTime: 1 }])
    const page = await ns.territories.list()
    expect(page.items).toEqual([{ id: '1-territories', name: 'West', modifiedTime: 1 }])
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/territories', query: {} }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Territory>()
  })
})

describe('markets', () => {
  it('list and get read the documented Market record', async () => {
    const market = { id: '1-markets', name: 'US', currency: 'USD', currencySymbol: '$', isDefault: true }
    const { ns, sent } = recording(market)
    const page = await ns.markets.list()
    expect(page.items).toEqual([market])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Market>()
    const one = await ns.markets.get('1-markets')
    expect(one).toEqual(market)
    expectTypeOf(one).toEqualTypeOf<Market>()
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /rest/markets',
      'GET /rest/markets/1-markets',
    ])
  })

  it('get refuses a path id that would move the request', async () => {
    const { ns, sent } = recording({})
    expect((await refused(() => ns.markets.get('..'))).field).toBe('id')
    expect(sent).toEqual([])
  })
})

describe('audiences', () => {
  it('list reads a bare array; create posts emAudiences and returns the created audience', async () => {
    const listed = recording([{ id: '1-emAudiences', name: 'Newsletter', isWebFX: false }])
    const page = await listed.ns.audiences.list()
    expect(page.items).toEqual([{ id: '1-emAudiences', name: 'Newsletter', isWebFX: false }])
    expect(listed.sent).toMatchObject([{ method: 'GET', path: '/rest/audiences' }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Audience>()

    const created = recording(
      { emAudiences: [{ id: '2-emAudiences', type: 'emAudiences', name: 'VIP' }] },
      201,
    )
    const audience = await created.ns.audiences.create({ emAudiences: [{ name: 'VIP' }] })
    expect(audience).toEqual({ id: '2-emAudiences', type: 'emAudiences', name: 'VIP' })
    expectTypeOf(audience).toEqualTypeOf<Audience>()
    expect(created.sent).toMatchObject([
      { method: 'POST', path: '/rest/audiences', body: { emAudiences: [{ name: 'VIP' }] } },
    ])
  })

  it('create refuses a missing name and an unknown field before any request', async () => {
    const { ns, sent } = recording({})
    // @ts-expect-error name is required
    await refused(() => ns.audiences.create({ emAudiences: [{}] }))
    // @ts-expect-error a typo is refused
    await refused(() => ns.audiences.create({ emAudiences: [{ name: 'A' }], nmae: 'x' }))
    expect(sent).toEqual([])
  })
})

describe('competitors', () => {
  it('list sends q and reads competitors; get reads one competitor', async () => {
    const { ns, sent } = recording({ competitors: [{ id: '1-competitors', name: 'Acme', modifiedTime: 5 }] })
    const page = await ns.competitors.list({ q: 'Ac' })
    expect(page.items).toEqual([{ id: '1-competitors', name: 'Acme', modifiedTime: 5 }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Competitor>()
    const one = await ns.competitors.get('1-competitors')
    expect(one.name).toBe('Acme')
    expectTypeOf(one).toEqualTypeOf<Competitor>()
    expect(sent).toMatchObject([
      { method: 'GET', path: '/rest/competitors', query: { q: 'Ac' } },
      { method: 'GET', path: '/rest/competitors/1-competitors', query: {} },
    ])
  })

  it('list refuses an unknown field; get an empty id', async () => {
    const { ns, sent } = recording({})
    // @ts-expect-error a typo is refused
    await refused(() => ns.competitors.list({ query: 'Ac' }))
    expect((await refused(() => ns.competitors.get(''))).field).toBe('id')
    expect(sent).toEqual([])
  })
})

describe('competitor maps', () => {
  const map = {
    id: '1-competitormaps',
    name: 'Acme',
    status: 'beat',
    links: { lead: '1-leads', competitor: '1-competitors' },
  }

  it('list and get read competitorMaps', async () => {
    const { ns, sent } = recording({ competitorMaps: [map], leads: [{ id: '1-leads' }] })
    const page = await ns.competitorMaps.list()
    expect(page.items).toEqual([map])
    expectTypeOf(page.items[0]!).toEqualTypeOf<CompetitorMap>()
    const one = await ns.competitorMaps.get('1-competitormaps')
    expect(one).toEqual(map)
    expectTypeOf(one).toEqualTypeOf<CompetitorMap>()
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /rest/competitormaps',
      'GET /rest/competitormaps/1-competitormaps',
    ])
  })

  it('update sends the JSON Patch array as the body; delete sends no body; both take a 204', async () => {
    const { ns, sent } = recording(null, 204)
    const patch: CompetitorMapPatchInput = [
      { op: 'replace', path: '/competitorMaps/0/status', value: 'stole' },
    ]
    await expect(ns.competitorMaps.update('1-competitormaps', patch)).resolves.toBeUndefined()
    await expect(ns.competitorMaps.delete('1-competitormaps')).resolves.toBeUndefined()
    expect(sent).toEqual([
      {
        method: 'PATCH',
        path: '/rest/competitormaps/1-competitormaps',
        query: {},
        body: patch,
        // The document declares application/json for this JSON Patch body.
        contentType: 'application/json',
      },
      {
        method: 'DELETE',
        path: '/rest/competitormaps/1-competitormaps',
        query: {},
        body: undefined,
        contentType: null,
      },
    ])
    expectTypeOf(ns.competitorMaps.update).parameters.toEqualTypeOf<
      [string | number, input: CompetitorMapPatchInput, options?: RequestOptions]
    >()
  })

  it('update refuses an operation without op or path, or with an unknown op; delete a bad id', async () => {
    const { ns, sent } = recording(null, 204)
    // @ts-expect-error op is required
    await refused(() => ns.competitorMaps.update('1-competitormaps', [{ path: '/x' }]))
    // @ts-expect-error not a JSON Patch op
    await refused(() => ns.competitorMaps.update('1-competitormaps', [{ op: 'test', path: '/x' }]))
    expect((await refused(() => ns.competitorMaps.delete('a/b'))).field).toBe('id')
    expect((await refused(() => ns.competitorMaps.get('..'))).field).toBe('id')
    expect(sent).toEqual([])
  })
})

describe('editions, emails, filters', () => {
  it('editions.list and get read the documented Edition record', async () => {
    const { ns, sent } = recording({ id: '1-editions', name: 'Pro' })
    const page = await ns.editions.list()
    expect(page.items).toEqual([{ id: '1-editions', name: 'Pro' }])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Lookup>()
    const one = await ns.editions.get('1-editions')
    expectTypeOf(one).toEqualTypeOf<Lookup>()
    expect(one.name).toBe('Pro')
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /rest/editions',
      'GET /rest/editions/1-editions',
    ])
  })

  it('emails.get returns the whole answer', async () => {
    const { ns, sent } = recording({ emails: [{ id: '1-emails', subject: 'Hi' }] })
    const answer = await ns.emails.get('1-emails')
    expect(answer).toEqual({ emails: [{ id: '1-emails', subject: 'Hi' }] })
    expectTypeOf(answer).toEqualTypeOf<{ [k: string]: unknown }>()
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/emails/1-emails', query: {} }])
  })

  it('filters.list sends its query and returns the whole answer', async () => {
    const { ns, sent } = recording({ filters: [] })
    const answer = await ns.filters.list({ userId: '1-users', reportType: 'entity_list_leads', filter: 'x' })
    expect(answer).toEqual({ filters: [] })
    expectTypeOf(answer).toEqualTypeOf<unknown>()
    expect(sent).toMatchObject([
      {
        method: 'GET',
        path: '/rest/filters',
        query: { userId: '1-users', reportType: 'entity_list_leads', filter: 'x' },
      },
    ])
  })

  it('refuses a bad id or an unknown report type before any request', async () => {
    const { ns, sent } = recording({})
    expect((await refused(() => ns.editions.get('..'))).field).toBe('id')
    expect((await refused(() => ns.emails.get(''))).field).toBe('id')
    // @ts-expect-error not a documented report type
    await refused(() => ns.filters.list({ reportType: 'report_leads' }))
    expect(sent).toEqual([])
  })
})

describe('forms', () => {
  const form = { id: '1-wfForms', name: 'Questionnaire', links: { fields: ['1-wfFields'] } }
  const field = { id: '1-wfFields', label: 'Full Name', fieldName: 'name', fieldType: 'textfield' }

  it('list reads wfForms', async () => {
    const { ns, sent } = recording({ wfForms: [form], meta: {} })
    const page = await ns.forms.list()
    expect(page.items).toEqual([form])
    expectTypeOf(page.items[0]!).toEqualTypeOf<Form>()
    expect(sent).toMatchObject([{ method: 'GET', path: '/rest/forms' }])
  })

  it('get returns the form and its fields; field returns one field; both send GET /forms/<id>', async () => {
    const { ns, sent } = recording({ wfForms: [form], wfFields: [field] })
    const answer = await ns.forms.get('1-wfForms')
    expect(answer).toEqual({ wfForms: [form], wfFields: [field] })
    expectTypeOf(answer).toEqualTypeOf<FormWithFieldsResponse>()
    const one = await ns.forms.field('1-wfFields')
    expect(one).toEqual(field)
    expectTypeOf(one).toEqualTypeOf<FormField>()
    expect(sent.map((s) => `${s.method} ${s.path}`)).toEqual([
      'GET /rest/forms/1-wfForms',
      'GET /rest/forms/1-wfFields',
    ])
  })

  it('refuses a bad id or field id, naming the path parameter', async () => {
    const { ns, sent } = recording({})
    expect((await refused(() => ns.forms.get('..'))).field).toBe('id')
    expect((await refused(() => ns.forms.field('..'))).field).toBe('fieldId')
    expect(sent).toEqual([])
  })
})
