// What the added operations refuse, as the service does: missing or invalid fields are a 400 carrying
// Nutshell's `errors` array, unknown ids and ids of another type the HTML 404 page.
import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { rest } from './helpers'

type Refusal = [method: string, path: string, body: unknown, detail: string]

const BAD_REQUESTS: Refusal[] = [
  ['POST', '/leads/customfield', {}, 'name is required'],
  ['POST', '/leads/customfield', { name: 'Stage gate', type: 'enum' }, 'choices is required'],
  ['POST', '/leads/customfield', { name: 'Odd', type: 'colour' }, 'Invalid custom field type: colour'],
  ['POST', '/leads/customfield', { name: 'Region' }, 'A custom field named Region already exists'],
  ['POST', '/contacts/customfield', { name: 'Site', type: 'url' }, 'apply to leads only'],
  ['POST', '/accounts/customfield', [], 'A custom field is required'],
  ['POST', '/audiences', {}, 'emAudiences is required'],
  ['POST', '/audiences', { emAudiences: [{ name: ' ' }] }, 'Name is required'],
  ['POST', '/productcategories', { productCategories: [{}] }, 'Name is required'],
  ['POST', '/leads/1001-leads/installments', { dueTime: 'x' }, 'must be an array'],
  ['POST', '/leads/1001-leads/installments', [{ value: '10', isFailed: false }], 'dueTime is required'],
  [
    'POST',
    '/leads/1001-leads/installments',
    [{ dueTime: '2026-01-01T00:00:00Z', value: 'ten', isFailed: false }],
    'value must be an amount',
  ],
  [
    'POST',
    '/leads/1001-leads/installments',
    [{ id: '999-installments', dueTime: '2026-01-01T00:00:00Z', value: '10', isFailed: false }],
    'is not an installment of this lead',
  ],
  ['POST', '/quotes/1-quotes/status', {}, 'status is required'],
  ['POST', '/quotes/1-quotes/status', { status: 'DRAFT' }, 'Invalid status: DRAFT'],
  ['POST', '/invoices/1-invoices/status', { status: 'paid' }, 'Invalid status: paid'],
  [
    'PATCH',
    '/competitormaps/1-competitorMaps',
    [{ op: 'replace', path: '/status', value: 'won' }],
    'Invalid status',
  ],
  ['PATCH', '/competitormaps/1-competitorMaps', [], 'No patches sent'],
  [
    'PATCH',
    '/productmaps/1-productMaps',
    [{ op: 'replace', path: '/quantity', value: 0 }],
    'Invalid quantity',
  ],
  [
    'PATCH',
    '/productmaps/1-productMaps',
    [{ op: 'replace', path: '/name', value: 'x' }],
    'Invalid patch path',
  ],
  ['GET', '/leads/report?gap=h', undefined, 'Invalid gap: h'],
  ['GET', '/leads/report?reportType=pipeline', undefined, 'Invalid reportType: pipeline'],
  ['GET', '/leads/report?groupByField=name', undefined, 'Invalid groupByField: name'],
  ['GET', '/leads/list?filter[colour]=red', undefined, 'Invalid filter: colour'],
  ['GET', '/accounts/list?sort=shoeSize', undefined, 'Invalid sort field: shoeSize'],
  ['GET', '/events/deleted?filter[types]=planets', undefined, 'Invalid value for filter types: planets'],
  ['GET', '/quotes?filter[dateMin]=yesterday', undefined, 'Invalid value for filter dateMin: yesterday'],
  ['GET', '/invoices?filter[lead]=3-contacts', undefined, 'Invalid value for filter lead: 3-contacts'],
  ['GET', '/invoices?page[page]=-1', undefined, 'Invalid page number: -1'],
  ['GET', '/filters?reportType=everything', undefined, 'Invalid reportType: everything'],
]

const NOT_FOUND: [method: string, path: string][] = [
  ['GET', '/industries/99-industries'],
  ['GET', '/industries/2-accounts'],
  ['GET', '/markets/abc'],
  ['GET', '/editions/9'],
  ['GET', '/competitors/77-competitors'],
  ['GET', '/competitormaps/1-leads'],
  ['GET', '/productcategories/9-productCategories'],
  ['GET', '/emails/500-emails'],
  ['GET', '/forms/9-wfForms'],
  ['GET', '/forms/9-wfFields'],
  ['GET', '/outcomes/9-outcomes'],
  ['GET', '/quotes/1-invoices'],
  ['GET', '/invoices/99-invoices'],
  ['GET', '/leads/99-leads/customfields'],
  ['GET', '/contacts/1-accounts/customfields'],
  ['GET', '/leads/99-leads/installments'],
  ['GET', '/leads/99-leads/stages'],
  ['POST', '/leads/99-leads/watch'],
  ['GET', '/stagesets/9-stagesets/export'],
  ['POST', '/quotes/99-quotes/invoice'],
  ['DELETE', '/productMaps/9999-productMaps'],
]

describe('Nutshell REST refusals of the added operations', () => {
  test.each(BAD_REQUESTS)('%s %s is a 400', async (method, path, body, detail) => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, method, path, { body })
    expect(reply.status).toBe(400)
    expect(reply.body.errors).toMatchObject([{ type: 'errors', status: '400' }])
    expect(reply.body.errors[0].detail).toContain(detail)
  })

  test.each(NOT_FOUND)('%s %s is the HTML 404', async (method, path) => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, method, path)
    expect(reply.status).toBe(404)
    expect(reply.headers.get('content-type')).toContain('text/html')
  })
})

describe('Nutshell REST added operations stay consistent with each other', () => {
  test('a custom field defined by POST appears in the attributes and carries the value a lead is created with', async () => {
    const sim = createNutshellSimulator()
    expect(
      (await rest(sim, 'POST', '/leads/customfield', { body: { name: 'Budget', type: 'currency' } })).status,
    ).toBe(200)
    const created = await rest(sim, 'POST', '/leads', {
      body: { leads: [{ description: 'Budgeted deal', customFields: { Budget: '5000' } }] },
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const values = (await rest(sim, 'GET', `/leads/${id}/customfields`)).body
    expect(values.find((field: { name: string }) => field.name === 'Budget').value).toBe('5000')
  })

  test('an existing custom field changes through POST with its id', async () => {
    const sim = createNutshellSimulator()
    const [renewal] = (await rest(sim, 'GET', '/leads/customfields/attributes')).body.slice(2)
    await rest(sim, 'POST', '/leads/customfield', {
      body: { id: renewal.id, choices: ['Monthly', 'Yearly', 'Never'] },
    })
    const after = (await rest(sim, 'GET', '/leads/customfields/attributes')).body[2]
    expect(after).toMatchObject({ id: renewal.id, name: 'Renewal', choices: ['Monthly', 'Yearly', 'Never'] })
  })

  test('watching twice unwatches; each user watches for themselves', async () => {
    const sim = createNutshellSimulator({
      users: [
        { email: 'a@example.com', apiKey: 'key-a' },
        { email: 'b@example.com', apiKey: 'key-b' },
      ],
    })
    const other = `Basic ${btoa('b@example.com:key-b')}`
    expect((await rest(sim, 'POST', '/leads/1001-leads/watch')).body.isCurrentUserWatching).toBe(true)
    expect(
      (await rest(sim, 'GET', '/leads/1001-leads', { auth: other })).body.leads[0].isCurrentUserWatching,
    ).toBe(false)
    expect((await rest(sim, 'POST', '/leads/1001-leads/watch')).body.isCurrentUserWatching).toBe(false)
  })

  test('a deleted product map leaves the lists, and the lead’s products', async () => {
    const sim = createNutshellSimulator()
    const map = sim.db.list('productMaps')[0]!
    const lead = map.links!.lead as string
    const before = (await rest(sim, 'GET', '/productmaps?page[limit]=500')).body.meta.total
    expect((await rest(sim, 'DELETE', `/productMaps/${map.id}`)).status).toBe(200)
    expect((await rest(sim, 'GET', '/productmaps?page[limit]=500')).body.meta.total).toBe(before - 1)
    const products = (await rest(sim, 'GET', `/leads/${lead}/products`)).body.productMaps
    expect(products.map((item: { id: string }) => item.id)).not.toContain(map.id)
  })

  test('an installment left out of a POST is removed; one named by id is updated in place', async () => {
    const sim = createNutshellSimulator()
    const lead = sim.db.tables.installments[0]!.links!.lead as string
    const [first] = (await rest(sim, 'GET', `/leads/${lead}/installments`)).body.installments
    const reply = await rest(sim, 'POST', `/leads/${lead}/installments`, {
      body: [{ id: first.id, dueTime: '2026-03-01T00:00:00Z', value: '250', isFailed: true }],
    })
    expect(reply.body.installments).toMatchObject([
      { id: first.id, value: { amount: '250.00' }, isPaid: false, failedTime: expect.any(String) },
    ])
  })

  test('the lead report counts the leads the list selects, and answers CSV on request', async () => {
    const sim = createNutshellSimulator()
    const won = (await rest(sim, 'GET', '/leads?filter[status]=won&page[limit]=500')).body.meta.total
    const report = (await rest(sim, 'GET', '/leads/report?reportType=sales&gap=y')).body.reports[0].report
    expect(report.summary.count).toBe(won)
    const csv = await rest(sim, 'GET', '/leads/report?reportType=sales&gap=y&format=csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    expect(csv.text.split('\n')[0]).toBe('Bucket,Count,Total')
  })

  test('accounts link an industry and account type, side-loaded beside the list', async () => {
    const sim = createNutshellSimulator()
    const body = (await rest(sim, 'GET', '/accounts?page[limit]=3')).body
    expect(body.accounts[0].links.industry).toMatch(/-industries$/)
    expect(body.industries.map((industry: { id: string }) => industry.id)).toContain(
      body.accounts[0].links.industry,
    )
    const filtered = (await rest(sim, 'GET', '/accounts/list?filter[industry]=2-industries&page[limit]=100'))
      .body
    expect(filtered.listItems.length).toBe(
      sim.db.list('accounts').filter((a) => a.links?.industry === '2-industries').length,
    )
  })
})
