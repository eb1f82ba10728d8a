import { describe, expect, test } from 'vitest'
import { createNutshellSimulator, type NutshellSimulator } from '../src/index'
import { rpc } from './helpers'

// biome-ignore lint/suspicious/noExplicitAny: results are checked loosely by shape
type Result = any

const stubShape = (entityType: string) => ({
  stub: true,
  id: expect.any(Number),
  rev: expect.any(String),
  entityType,
  name: expect.any(String),
})

const stubList = (entityType: string) => (result: Result) => {
  expect(Array.isArray(result)).toBe(true)
  expect(result.length).toBeGreaterThan(0)
  for (const item of result) expect(item).toMatchObject(stubShape(entityType))
}

const entityShape =
  (entityType: string, extra: Record<string, unknown> = {}) =>
  (result: Result) =>
    expect(result).toMatchObject({ id: expect.any(Number), rev: expect.any(String), entityType, ...extra })

const lead = { entityType: 'Leads', id: 1001 }
const email = ['From: Ann <ann@example.org>', 'To: owner@example.com', 'Subject: Hello', '', 'Hi there'].join(
  '\r\n',
)

/** Every method the SDK types beyond the CRM core, with valid params and the shape of its answer. */
const METHODS: [string, Record<string, unknown>, (result: Result) => void][] = [
  ['findTeams', {}, stubList('Teams')],
  ['findActivityTypes', {}, stubList('Activity_Types')],
  [
    'findLead_Outcomes',
    { limit: 250 },
    (result) => {
      stubList('Lead_Outcomes')(result)
      expect(result.map((outcome: Result) => outcome.type).sort()).toEqual([10, 11, 12])
      expect(result[0].description).toEqual(expect.any(String))
    },
  ],
  ['findAccountTypes', {}, stubList('Account_Types')],
  ['findIndustries', {}, stubList('Industries')],
  ['findMarkets', {}, stubList('Markets')],
  ['findTerritories', {}, stubList('Territories')],
  ['findCompetitors', {}, stubList('Competitors')],
  ['findOrigins', {}, stubList('Origins')],
  ['findSettings', {}, stubList('Settings')],
  ['findDelays', {}, (result) => expect(result[0]).toMatchObject({ ...stubShape('Delays'), note: '1 day' })],
  ['findAudiences', {}, stubList('Audiences')],
  [
    'findTimeline',
    { query: lead },
    (result) => {
      expect(result.length).toBeGreaterThan(0)
      for (const item of result) expect(['Activities', 'Notes', 'Emails']).toContain(item.entityType)
    },
  ],
  [
    'findTasks',
    { query: { entity: { entityType: 'Contacts', id: 1 } } },
    (result) => expect(result).toBeInstanceOf(Array),
  ],
  ['findTasks', {}, stubList('Tasks')],
  [
    'findCustomFields',
    {},
    (result) => {
      expect(result.Leads.map((field: Result) => field.name)).toContain('Region')
      expect(result.Contacts).toBeInstanceOf(Array)
      expect(result.Accounts).toBeInstanceOf(Array)
    },
  ],
  [
    'findProcesses',
    { query: lead },
    (result) => {
      entityShape('Processes', { name: 'Onboarding' })(result[0])
      entityShape('Steps')(result[0].steps[0])
      expect(result[0].steps[0].availableDelayIds.length).toBeGreaterThan(0)
    },
  ],
  ['findBackups', {}, (result) => entityShape('Backups', { status: 'complete' })(result[0])],
  [
    'getAnalyticsReport',
    { reportType: 'Pipeline', period: '-d84' },
    (result) => {
      expect(result.seriesData.leads).toHaveLength(12)
      expect(result.seriesData.leads[0]).toEqual([expect.any(Number), expect.any(String)])
      expect(result.summaryData.leads).toMatchObject({ sum: expect.any(Number), min: expect.any(String) })
      expect(result.periodDescription).toEqual(expect.any(String))
      expect(result.deltaPeriodDescription).toEqual(expect.any(String))
    },
  ],
  ['getEmail', { emailId: 1 }, entityShape('Emails', { subject: expect.any(String) })],
  ['getTeam', { teamId: 1 }, entityShape('Teams', { name: 'Sales' })],
  ['getUpdateTimes', {}, (result) => expect(result.Users).toMatch(/^\d{4}-/)],
  ['instanceData', {}, (result) => expect(result).toMatchObject({ id: 1, currency: 'USD' })],
  [
    'newProduct',
    { product: { name: 'Widget', sku: 'W-1', prices: [{ amount: 12.5, currency: 'USD' }] } },
    entityShape('Products', { name: 'Widget', price: { amount: 12.5 } }),
  ],
  ['newSource', { name: 'Podcast' }, entityShape('Sources', { name: 'Podcast' })],
  [
    'newTeam',
    { team: { name: 'Ops', users: [{ entityType: 'Users', id: 1 }] } },
    entityShape('Teams', { name: 'Ops', users: [{ id: 1 }] }),
  ],
  [
    'newUser',
    { user: { firstName: 'Ada', lastName: 'Byron', emails: ['ada@example.com'], isAdministrator: false } },
    entityShape('Users', { name: 'Ada Byron', emails: ['ada@example.com'], isEnabled: true }),
  ],
  [
    'newEmail',
    { emailString: email },
    entityShape('Emails', { subject: 'Hello', fromAddress: 'ann@example.org' }),
  ],
  ['newBackup', {}, entityShape('Backups', { status: 'running' })],
  ['searchProducts', { string: 'a', limit: 2 }, (result) => expect(result.length).toBeLessThanOrEqual(2)],
  ['searchSources', { string: 'e' }, stubList('Sources')],
  ['searchCompetitors', { string: 'glob' }, stubList('Competitors')],
  ['searchActivityParticipants', { string: 'e' }, (result) => expect(result.length).toBeGreaterThan(0)],
  [
    'searchContactsAndUsers',
    { string: 'owner' },
    (result) => expect(result.map((item: Result) => item.entityType)).toContain('Users'),
  ],
  [
    'searchUsersAndTeams',
    { string: 's' },
    (result) =>
      expect(result.map((item: Result) => item.entityType)).toEqual(
        expect.arrayContaining(['Users', 'Teams']),
      ),
  ],
]

/** The edit/delete pairs added for JSON-RPC: how to read the record and the change an edit sends. */
const EDITS: [string, string, number, Record<string, unknown>, Record<string, unknown>][] = [
  [
    'Product',
    'Products',
    1,
    { name: 'Renamed product', prices: { amount: 99 } },
    { name: 'Renamed product', price: { amount: 99 } },
  ],
  ['User', 'Users', 2, { firstName: 'Renamed' }, { firstName: 'Renamed' }],
  ['Team', 'Teams', 1, { name: 'Closers', users: [{ id: 2 }] }, { name: 'Closers', users: [{ id: 2 }] }],
  ['Step', 'Steps', 1, { status: 'completed', delay: { id: 2 } }, { status: 'completed', delay: { id: 2 } }],
]

async function currentRev(sim: NutshellSimulator, name: string, id: number): Promise<string> {
  if (name === 'Step') return sim.db.rev(`${id}-steps`)
  return (await rpc(sim, `get${name}`, { [`${name.toLowerCase()}Id`]: id })).body.result.rev
}

describe('Nutshell JSON-RPC: every typed method', () => {
  test.each(METHODS)('%s answers its shape', async (method, params, check) => {
    const sim = createNutshellSimulator()
    const reply = await rpc(sim, method, params)
    expect(reply.body.error).toBeNull()
    check(reply.body.result)
  })

  test.each(EDITS)(
    'edit%s needs the current rev, bumps it and answers the record',
    async (name, entityType, id, change, shown) => {
      const sim = createNutshellSimulator()
      const key = name.toLowerCase()
      const rev = await currentRev(sim, name, id)
      const edited = await rpc(sim, `edit${name}`, { [`${key}Id`]: id, rev, [key]: change })
      expect(edited.body.error).toBeNull()
      expect(edited.body.result).toMatchObject({ id, entityType, ...shown })
      expect(Number(edited.body.result.rev)).toBe(Number(rev) + 1)
      const stale = await rpc(sim, `edit${name}`, { [`${key}Id`]: id, rev, [key]: change })
      expect(stale.body).toMatchObject({
        result: null,
        error: { code: 409, message: 'rev key is out-of-date' },
      })
      const noRev = await rpc(sim, `edit${name}`, { [`${key}Id`]: id, [key]: change })
      expect(noRev.body.error.code).toBe(-32602)
    },
  )

  test.each(['Product', 'User', 'Team'])('delete%s refuses a stale rev and answers true', async (name) => {
    const sim = createNutshellSimulator()
    const key = `${name.toLowerCase()}Id`
    const rev = await currentRev(sim, name, 2)
    expect(
      (await rpc(sim, `delete${name}`, { [key]: 2, rev: String(Number(rev) + 5) })).body.error.code,
    ).toBe(409)
    expect((await rpc(sim, `delete${name}`, { [key]: 2 })).body.error.code).toBe(-32602)
    expect((await rpc(sim, `delete${name}`, { [key]: 2, rev })).body).toMatchObject({
      result: true,
      error: null,
    })
    expect((await rpc(sim, `get${name}`, { [key]: 2 })).body.error.code).toBe(404)
  })

  test('getUser with no params (or no userId) answers the authenticated user', async () => {
    const sim = createNutshellSimulator()
    for (const params of [undefined, {}, { userId: null }]) {
      const reply = await sim.fetch('https://app.nutshell.com/api/v1/json', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`${sim.credentials.email}:${sim.credentials.apiKey}`)}` },
        body: JSON.stringify({ method: 'getUser', ...(params ? { params } : {}), id: '1' }),
      })
      const body = await reply.json()
      expect(body.result).toMatchObject({ entityType: 'Users', emails: [sim.credentials.email] })
    }
  })

  test('an unknown method is -32601 "Method not found"', async () => {
    const sim = createNutshellSimulator()
    const reply = await rpc(sim, 'findLeadOutcomes')
    expect(reply.body).toMatchObject({ result: null, error: { code: -32601 } })
    expect(reply.body.error.message).toMatch(/^Method not found/)
  })

  test.each([
    ['getAnalyticsReport', { period: '-d30' }],
    ['findTimeline', {}],
    ['findProcesses', {}],
    ['newEmail', {}],
    ['newSource', {}],
    ['newTeam', {}],
    ['newUser', { user: { firstName: 'No', lastName: 'Email' } }],
    ['newProduct', { product: { sku: 'X' } }],
    ['searchUsersAndTeams', {}],
    ['editTeam', { rev: '1', team: { name: 'x' } }],
    ['deleteUser', { rev: '1' }],
    ['findTeams', { page: 0 }],
  ])('%s with missing or bad params is -32602', async (method, params) => {
    const sim = createNutshellSimulator()
    expect((await rpc(sim, method, params)).body.error.code).toBe(-32602)
  })

  test('find* on the new lookups pages from 1 (default limit 50), orders and can answer full records', async () => {
    const sim = createNutshellSimulator()
    const all = (await rpc(sim, 'findIndustries', {})).body.result
    const names = all.map((item: Result) => item.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
    const page2 = (await rpc(sim, 'findIndustries', { limit: 2, page: 2 })).body.result
    expect(page2.map((item: Result) => item.name)).toEqual(names.slice(2, 4))
    const desc = (await rpc(sim, 'findIndustries', { orderDirection: 'DESC', limit: 1 })).body.result
    expect(desc[0].name).toBe(names.at(-1))
    const full = (await rpc(sim, 'findTeams', { stubResponses: false })).body.result[0]
    expect(full.stub).toBeUndefined()
    expect(full.users.length).toBeGreaterThan(0)
    const timeline = (await rpc(sim, 'findTimeline', { query: lead, stubResponses: false })).body.result
    expect(timeline[0].stub).toBeUndefined()
  })

  test('REST and JSON-RPC see the same lookups', async () => {
    const sim = createNutshellSimulator()
    const byRpc = (await rpc(sim, 'findIndustries', { orderBy: 'id' })).body.result.map(
      (item: Result) => item.name,
    )
    expect(byRpc).toEqual(sim.db.list('industries').map((record) => record.name))
    const competitors = (await rpc(sim, 'findCompetitors', { orderBy: 'id' })).body.result
    expect(competitors.map((item: Result) => `${item.id}-competitors`)).toEqual(
      sim.db.list('competitors').map((record) => record.id),
    )
    const product = (await rpc(sim, 'newProduct', { product: { name: 'Shared' } })).body.result
    expect(sim.db.live(`${product.id}-products`)?.name).toBe('Shared')
    const source = (await rpc(sim, 'newSource', { name: 'Podcast' })).body.result
    expect((await rpc(sim, 'newSource', { name: 'podcast' })).body.result.id).toBe(source.id)
  })

  test('If-None-Match answers 304 for the new finders and getters', async () => {
    const sim = createNutshellSimulator()
    const teams = await rpc(sim, 'findTeams')
    const etag = teams.headers.get('etag')!
    expect((await rpc(sim, 'findTeams', {}, { headers: { 'if-none-match': etag } })).status).toBe(304)
    const team = await rpc(sim, 'getTeam', { teamId: 1 })
    expect(
      (
        await rpc(
          sim,
          'getTeam',
          { teamId: 1 },
          { headers: { 'if-none-match': `"${team.body.result.rev}"` } },
        )
      ).status,
    ).toBe(304)
    await rpc(sim, 'editTeam', { teamId: 1, rev: team.body.result.rev, team: { name: 'Renamed' } })
    expect((await rpc(sim, 'findTeams', {}, { headers: { 'if-none-match': etag } })).status).toBe(200)
  })
})
