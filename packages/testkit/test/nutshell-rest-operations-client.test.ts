// Each operation the table added (and each table-made client method) called through the real client in
// strict validation: the simulator's answers have the shapes the client reads from the document. Methods
// are found by their operation (`"GET /industries"`), not their name, so renames in the client don't
// break this test.
import { NutshellClient, OPERATION_TABLES } from '@x/nutshell'
import { describe, expect, test } from 'vitest'
import { createNutshellSimulator, type NutshellSimulator } from '../src/index'
import { REST_OPERATIONS } from '../src/nutshell/rest/operations'
import { rest } from './helpers'

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the client's schemas, then read loosely
type Any = any
type Call = (...args: unknown[]) => PromiseLike<unknown>

/** The client method made from the operation `key` (`"GET /industries"`), if the client has one. */
function methodFor(ns: NutshellClient, key: string): Call | undefined {
  for (const [prop, table] of Object.entries(OPERATION_TABLES)) {
    for (const [name, op] of Object.entries(table as Record<string, { method: string; path: string }>)) {
      if (`${op.method} ${op.path}` === key)
        return (ns as unknown as Record<string, Record<string, Call>>)[prop]![name]
    }
  }
  return undefined
}

function client(sim: NutshellSimulator): NutshellClient {
  return new NutshellClient({ ...sim.credentials, fetch: sim.fetch, validation: 'strict', maxRetries: 0 })
}

const wonLead = (sim: NutshellSimulator) => sim.db.tables.installments[0]!.links!.lead as string
const firstId = (sim: NutshellSimulator, type: Parameters<NutshellSimulator['db']['list']>[0]) =>
  sim.db.list(type)[0]!.id

interface Case {
  /** Path arguments, then the fields, as the client method takes them. */
  args: (sim: NutshellSimulator) => unknown[]
  /** What the answer (and the simulator's state after it) must show. */
  check: (answer: Any, sim: NutshellSimulator) => void | Promise<void>
}

/** The page a list method resolves to: its records. */
const items = (answer: Any): Any[] => answer.items

const CASES: Record<string, Case> = {
  'GET /accounts/{id}/customfields': {
    args: () => ['1-accounts'],
    check: (answer) => {
      expect(items(answer).map((field) => field.name)).toEqual(['Tier', 'Partner code'])
      expect(items(answer)[0]).toHaveProperty('value', null)
    },
  },
  'GET /accounts/customfields/attributes': {
    args: () => [],
    check: (answer) => expect(items(answer).map((field) => field.fieldType)).toEqual(['enum', 'text']),
  },
  'POST /accounts/customfield': {
    args: () => [{ name: 'Segment', type: 'text' }],
    check: async (_answer, sim) => {
      const attributes = await rest(sim, 'GET', '/accounts/customfields/attributes')
      expect(attributes.body.customFields.map((field: Any) => field.name)).toContain('Segment')
    },
  },
  'GET /accounts/list': {
    args: () => [{ sort: ['-numberOfContacts'], q: 'a' }],
    check: (answer) => {
      expect(items(answer).length).toBeGreaterThan(0)
      expect(items(answer)[0]).toMatchObject({ type: 'accounts', primaryName: expect.any(String) })
    },
  },
  'GET /accounts/list/fields': {
    args: () => [],
    check: (answer) => expect(answer.properties.numberOfContacts.isSortable).toBe(true),
  },
  'GET /accounttypes': {
    args: () => [],
    check: (answer) => expect(items(answer).map((type) => type.name)).toContain('Customer'),
  },
  'GET /activitytypes': {
    args: () => [],
    check: (answer) => expect(items(answer).length).toBeGreaterThan(0),
  },
  'GET /audiences': {
    args: () => [],
    check: (answer) =>
      expect(items(answer).map((audience) => audience.name)).toEqual(['Newsletter', 'Customers']),
  },
  'POST /audiences': {
    args: () => [{ emAudiences: [{ name: 'VIP' }] }],
    check: async (answer, sim) => {
      expect(answer).toMatchObject({ id: '3-emAudiences', name: 'VIP', isWebFX: false })
      expect((await rest(sim, 'GET', '/audiences')).body).toHaveLength(3)
    },
  },
  'GET /competitors': {
    args: () => [{ q: 'ini' }],
    check: (answer) => expect(items(answer).map((competitor) => competitor.name)).toEqual(['Initech']),
  },
  'GET /competitors/{id}': {
    args: () => ['1-competitors'],
    check: (answer) => expect(answer).toMatchObject({ id: '1-competitors', name: 'Globex' }),
  },
  'GET /competitormaps': {
    args: () => [],
    check: (answer) => expect(items(answer)[0].links.lead).toMatch(/-leads$/),
  },
  'GET /competitormaps/{id}': {
    args: () => ['1-competitorMaps'],
    check: (answer, sim) =>
      expect(answer).toMatchObject({ id: '1-competitorMaps', name: sim.db.get('1-competitorMaps')!.name }),
  },
  'PATCH /competitormaps/{id}': {
    args: () => ['1-competitorMaps', [{ op: 'replace', path: '/status', value: 'stole' }]],
    check: (_answer, sim) => expect(sim.db.get('1-competitorMaps')!.status).toBe('stole'),
  },
  'DELETE /competitormaps/{id}': {
    args: () => ['1-competitorMaps'],
    check: async (_answer, sim) =>
      expect((await rest(sim, 'GET', '/competitormaps/1-competitorMaps')).status).toBe(404),
  },
  'GET /contacts/{id}/customfields': {
    args: () => ['1-contacts'],
    check: (answer) => expect(items(answer)).toMatchObject([{ name: 'Birthday', value: null }]),
  },
  'GET /contacts/customfields/attributes': {
    args: () => [],
    check: (answer) => expect(items(answer)).toMatchObject([{ name: 'Birthday', fieldType: 'date' }]),
  },
  'POST /contacts/customfield': {
    args: () => [{ name: 'Hobby' }],
    check: async (_answer, sim) =>
      expect((await rest(sim, 'GET', '/contacts/customfields/attributes')).body).toHaveLength(2),
  },
  'GET /contacts/list': {
    args: () => [{ sort: ['accounts'] }],
    check: (answer) =>
      expect(items(answer)[0]).toMatchObject({ type: 'contacts', htmlUrl: expect.any(String) }),
  },
  'GET /contacts/list/fields': {
    args: () => [],
    check: (answer) => expect(answer.properties.industry.relationships).toEqual(['industries']),
  },
  'GET /editions': {
    args: () => [],
    check: (answer) => expect(items(answer)).toMatchObject([{ name: 'Pro' }]),
  },
  'GET /editions/{id}': {
    args: () => ['1-editions'],
    check: (answer) => expect(answer).toMatchObject({ id: '1-editions', name: 'Foundation' }),
  },
  'GET /emails/{id}': {
    args: () => ['1-emails'],
    check: (answer) =>
      expect(answer.emails[0]).toMatchObject({ id: '1-emails', subject: expect.any(String) }),
  },
  'GET /events/deleted': {
    args: () => [{ filter: { types: ['leads'] }, sort: '-change_time' }],
    check: (answer) => {
      expect(answer.events.map((event: Any) => event.links.payloads[0])).toEqual(['1002-leads', '1001-leads'])
      expect(answer.events.every((event: Any) => event.action === 'delete')).toBe(true)
    },
  },
  'GET /filters': {
    args: () => [{ reportType: 'entity_list_leads' }],
    check: (answer) => expect(answer.filters).toMatchObject([{ name: 'My open leads' }]),
  },
  'GET /forms': {
    args: () => [],
    check: (answer) => expect(items(answer).map((form) => form.name)).toEqual(['Contact us', 'Demo request']),
  },
  'GET /forms/{id}': {
    args: () => ['2-wfForms'],
    check: (answer) => {
      expect(answer.wfForms[0].name).toBe('Demo request')
      expect(answer.wfFields.map((field: Any) => field.label)).toEqual(['Full Name', 'Email', 'Company'])
    },
  },
  'GET /forms/{fieldId}': {
    args: () => ['2-wfFields'],
    check: (answer) => expect(answer).toMatchObject({ id: '2-wfFields', label: 'Email', fieldType: 'email' }),
  },
  'GET /industries': {
    args: () => [],
    check: (answer) => expect(items(answer)).toHaveLength(6),
  },
  'GET /industries/{id}': {
    args: () => ['2-industries'],
    check: (answer) => expect(answer).toMatchObject({ id: '2-industries', name: 'Software' }),
  },
  'GET /invoices': {
    args: () => [{ limit: 1 }],
    check: (answer) => {
      expect(items(answer)).toHaveLength(1)
      expect(answer.total).toBe(2)
    },
  },
  'GET /invoices/{id}': {
    args: () => ['1-invoices'],
    check: (answer) => expect(answer).toMatchObject({ id: '1-invoices', displayStatus: 'SENT' }),
  },
  'POST /invoices/{id}/status': {
    args: () => ['1-invoices', { status: 'ACCEPTED', comment: 'Paid via ACH' }],
    check: (answer) =>
      expect(answer).toMatchObject({
        displayStatus: 'ACCEPTED',
        completionComment: 'Paid via ACH',
        paidTime: expect.any(String),
      }),
  },
  'GET /leads/{id}/customfields': {
    args: () => ['1001-leads'],
    check: (answer) =>
      expect(items(answer).map((field) => field.name)).toEqual(['Region', 'Contract length', 'Renewal']),
  },
  'GET /leads/customfields/attributes': {
    args: () => [],
    check: (answer) =>
      expect(items(answer)[2]).toMatchObject({ name: 'Renewal', choices: ['Monthly', 'Yearly'] }),
  },
  'POST /leads/customfield': {
    args: () => [{ name: 'Budget', type: 'currency' }],
    check: async (_answer, sim) => {
      const values = await rest(sim, 'GET', '/leads/1001-leads/customfields')
      expect(values.body.at(-1)).toMatchObject({ name: 'Budget', fieldType: 'currency', value: null })
    },
  },
  'GET /leads/list': {
    args: () => [{ sort: '-value', filter: { status: 'open' } }],
    check: (answer, sim) => {
      const open = sim.db.list('leads').filter((lead) => lead.status === 'open')
      expect(answer.raw.meta.total).toBe(open.length)
      expect(items(answer)[0].primaryInfo).toMatch(/^\$/)
    },
  },
  'GET /leads/list/fields': {
    args: () => [],
    check: (answer) => expect(answer.properties.status.enum).toContain('won'),
  },
  'GET /leads/report': {
    args: () => [{ reportType: 'newleads', gap: 'q', segmentByField: 'assignees' }],
    check: (answer, sim) => {
      const report = answer.reports[0].report
      expect(report.summary.count).toBe(sim.db.list('leads').length)
      expect(report.data.map((entry: Any) => entry.bucket.bucket)).toContain('2024-01-01')
    },
  },
  'GET /leads/{id}/installments': {
    args: (sim) => [wonLead(sim)],
    check: (answer) => expect(items(answer)[0]).toMatchObject({ isPaid: true, value: { currency: 'USD' } }),
  },
  'POST /leads/{id}/installments': {
    args: (sim) => [
      wonLead(sim),
      [{ dueTime: '2026-01-01T00:00:00+0000', value: '1000', isFailed: false, description: 'Q1 payment' }],
    ],
    check: async (answer, sim) => {
      expect(answer.installments).toMatchObject([{ description: 'Q1 payment', value: { amount: '1000.00' } }])
      const after = await rest(sim, 'GET', `/leads/${wonLead(sim)}/installments`)
      expect(after.body.installments).toHaveLength(1)
    },
  },
  'GET /leads/{id}/stages': {
    args: () => ['1001-leads'],
    check: (answer) => {
      expect(answer.stages.length).toBeGreaterThan(1)
      expect(answer.meta.timeSpent).toHaveLength(answer.stages.length)
      expect(answer.meta.stageset.type).toBe('stagesets')
    },
  },
  'POST /leads/{id}/watch': {
    args: () => ['1001-leads'],
    check: async (answer, sim) => {
      expect(answer).toMatchObject({ id: '1001-leads', isCurrentUserWatching: true })
      const lead = await rest(sim, 'GET', '/leads/1001-leads')
      expect(lead.body.leads[0].isCurrentUserWatching).toBe(true)
    },
  },
  'GET /markets': {
    args: () => [],
    check: (answer) => expect(items(answer)).toMatchObject([{ currency: 'USD', isDefault: true }]),
  },
  'GET /markets/{id}': {
    args: () => ['2-markets'],
    check: (answer) => expect(answer).toMatchObject({ currency: 'EUR', currencySymbol: '€' }),
  },
  'GET /outcomes/{id}': {
    args: () => ['1-outcomes'],
    check: (answer) => expect(answer).toMatchObject({ id: '1-outcomes', name: 'Won', status: 'won' }),
  },
  'GET /productcategories': {
    args: () => [],
    check: (answer) =>
      expect(items(answer).map((category) => category.name)).toEqual(['Hardware', 'Software', 'Services']),
  },
  'POST /productcategories': {
    args: () => [{ productCategories: [{ name: 'Training' }, { name: 'Support' }] }],
    check: (answer) =>
      expect(answer.productCategories.map((category: Any) => category.id)).toEqual([
        '4-productCategories',
        '5-productCategories',
      ]),
  },
  'GET /productcategories/{id}': {
    args: () => ['3-productCategories'],
    check: (answer) => expect(answer.name).toBe('Services'),
  },
  'GET /productmaps': {
    args: () => [],
    check: (answer) => expect(items(answer).length).toBeGreaterThan(0),
  },
  'GET /productmaps/{id}': {
    args: (sim) => [firstId(sim, 'productMaps')],
    check: (answer) => expect(answer.links.product).toMatch(/-products$/),
  },
  'PATCH /productmaps/{id}': {
    args: (sim) => [firstId(sim, 'productMaps'), [{ op: 'replace', path: '/quantity', value: 7 }]],
    check: (_answer, sim) => expect(sim.db.get('1-productMaps')!.quantity).toBe(7),
  },
  'DELETE /productMaps/{id}': {
    args: () => ['1-productMaps'],
    check: async (answer, sim) => {
      expect(answer.productMaps[0].id).toBe('1-productMaps')
      expect((await rest(sim, 'GET', '/productmaps/1-productMaps')).status).toBe(404)
    },
  },
  'GET /quotes': {
    args: (sim) => [{ filter: { lead: sim.db.get('1-quotes')!.links!.lead as string } }],
    check: (answer) => expect(items(answer).map((quote) => quote.id)).toEqual(['1-quotes']),
  },
  'GET /quotes/{id}': {
    args: () => ['1-quotes'],
    check: (answer) => {
      expect(answer).toMatchObject({ id: '1-quotes', displayStatus: 'DRAFT' })
      expect(answer.productLineItems.length).toBeGreaterThan(0)
    },
  },
  'POST /quotes/{id}/status': {
    args: () => ['1-quotes', { status: 'SENT' }],
    check: (answer) => expect(answer).toMatchObject({ displayStatus: 'SENT', sentTime: expect.any(String) }),
  },
  'POST /quotes/{id}/invoice': {
    args: () => ['1-quotes'],
    check: async (answer, sim) => {
      expect(answer.invoices[0]).toMatchObject({ id: '3-invoices', displayStatus: 'DRAFT' })
      expect(answer.invoices[0].links.quote).toBe('1-quotes')
      expect((await rest(sim, 'GET', '/invoices')).body.meta.total).toBe(3)
    },
  },
  'GET /stagesets/{id}/export': {
    args: () => ['1-stagesets'],
    check: (answer) => {
      expect(typeof answer).toBe('string')
      expect(answer.split('\n')[0]).toBe('Lead ID,Lead number,Lead,Pipeline,Stage,Stage position,Status')
    },
  },
  'GET /territories': {
    args: () => [],
    check: (answer) => expect(items(answer)).toHaveLength(3),
  },
}

/** State a case needs before its call. */
const BEFORE: Record<string, (sim: NutshellSimulator) => Promise<unknown>> = {
  'GET /events/deleted': async (sim) => {
    await rest(sim, 'DELETE', '/leads/1001-leads')
    await rest(sim, 'DELETE', '/contacts/1-contacts')
    await rest(sim, 'DELETE', '/leads/1002-leads')
  },
}

describe('the table-made client methods against the simulator, in strict validation', () => {
  test.each(Object.keys(CASES))('%s', async (key) => {
    const sim = createNutshellSimulator({ seed: 3 })
    const ns = client(sim)
    await BEFORE[key]?.(sim)
    const method = methodFor(ns, key)
    const { args, check } = CASES[key]!
    if (!method) {
      // The client has no method for this operation (yet): the raw answer must still be a success.
      const path = key.split(' ')[1]!.replace(/\{\w+\}/g, () => String(args(sim)[0]))
      expect((await rest(sim, key.split(' ')[0]!, path)).status).toBeLessThan(300)
      return
    }
    await check(await method(...args(sim)), sim)
  })

  test('the cases cover the operations the table added, and only documented ones', () => {
    for (const key of Object.keys(CASES)) expect(REST_OPERATIONS).toHaveProperty([key])
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(53)
  })
})
