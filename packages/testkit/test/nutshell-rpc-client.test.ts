// Every entry of the JSON-RPC method table called through the real client (`ns.rpc.<name>`) in strict
// validation against a fresh simulator, with arguments built from the simulator's seeded records. The
// table is enumerated, so a method added later is covered: a method whose kind needs sample arguments
// this file does not have fails with a message naming it.
import { Page } from '@x/core'
import { NutshellClient } from '@x/nutshell'
import { RPC_ENTITIES, RPC_METHODS, type RpcEntityName, type RpcMethod } from '@x/nutshell/rpc'
import { describe, expect, it } from 'vitest'
import { createNutshellSimulator, type NutshellSimulator } from '../src/index'
import { NUTSHELL_TYPES, type NutshellType } from '../src/nutshell/types'

// biome-ignore lint/suspicious/noExplicitAny: answers are checked by the client's schemas, then read loosely
type Any = any
type Call = (...args: unknown[]) => PromiseLike<unknown>

const SEED = 5

function client(sim: NutshellSimulator): NutshellClient {
  return new NutshellClient({ ...sim.credentials, fetch: sim.fetch, validation: 'strict', maxRetries: 0 })
}

function methodOf(ns: NutshellClient, name: string): Call {
  const call = (ns.rpc as unknown as Record<string, Call | undefined>)[name]
  if (typeof call !== 'function') throw new Error(`ns.rpc.${name} is not a function`)
  return call.bind(ns.rpc)
}

const isType = (type: string): type is NutshellType => (NUTSHELL_TYPES as readonly string[]).includes(type)

/** The seeded REST ids of a type (`"1001-leads"`), or none when the simulator has no such type. */
function seededIds(sim: NutshellSimulator, type: string): string[] {
  return isType(type) ? sim.db.list(type).map((record) => record.id) : []
}

/** The integer part of a REST id. */
const num = (id: string): number => Number.parseInt(id, 10)

class NoSample extends Error {
  constructor(name: string, m: RpcMethod, what: string) {
    const entity = 'entity' in m ? ` of entity ${m.entity}` : ''
    super(`no sample arguments for ${name} (kind ${m.kind}${entity}): ${what}`)
  }
}

function firstId(sim: NutshellSimulator, name: string, m: RpcMethod, type: string, last = false): string {
  const ids = seededIds(sim, type)
  const id = last ? ids.at(-1) : ids[0]
  if (!id) throw new NoSample(name, m, `the simulator seeds no ${type}`)
  return id
}

const leadRef = (sim: NutshellSimulator) => ({
  entityType: 'Leads' as const,
  id: num(sim.db.list('leads')[0]!.id),
})

const EMAIL = ['From: Ann <ann@example.org>', 'To: owner@example.com', 'Subject: Hello', '', 'Hi there'].join(
  '\r\n',
)

/** Create inputs of the entities with a `new*` method. */
const NEW_INPUTS: Partial<Record<RpcEntityName, (sim: NutshellSimulator) => unknown>> = {
  lead: (sim) => ({
    description: 'Client test lead',
    contacts: [{ id: num(sim.db.list('contacts')[0]!.id) }],
    primaryAccount: { id: num(sim.db.list('accounts')[0]!.id) },
  }),
  contact: () => ({ name: 'Ada Lovelace', email: 'ada.lovelace@example.org' }),
  account: () => ({ name: 'Client Test Account' }),
  activity: (sim) => ({
    name: 'Kickoff call',
    activityTypeId: num(sim.db.list('activityTypes')[0]!.id),
    startTime: '2026-01-05T10:00:00Z',
    endTime: '2026-01-05T11:00:00Z',
    leads: [{ id: leadRef(sim).id }],
  }),
  task: (sim) => ({ title: 'Follow up', dueTime: '2026-01-09T10:00:00Z', entity: leadRef(sim) }),
  product: () => ({ name: 'Widget', sku: 'W-1', prices: [{ amount: 12.5, currency: 'USD' }] }),
  user: () => ({ firstName: 'Ada', lastName: 'Byron', emails: ['ada@example.com'], isAdministrator: false }),
  team: (sim) => ({ name: 'Ops', users: [{ entityType: 'Users', id: num(sim.db.list('users')[0]!.id) }] }),
}

/** The changes an `edit*` method sends, by entity. */
const EDIT_CHANGES: Partial<Record<RpcEntityName, unknown>> = {
  lead: { description: 'Edited by the client test' },
  contact: { jobTitle: 'CTO' },
  account: { name: 'Renamed account' },
  activity: { description: 'Edited by the client test' },
  task: { title: 'Edited task' },
  note: { note: 'Edited note' },
  product: { name: 'Renamed product' },
  user: { firstName: 'Renamed' },
  team: { name: 'Closers' },
  step: { status: 'completed' },
}

/** Named params of the `plain` methods that take some. */
const PLAIN_PARAMS: Record<string, (sim: NutshellSimulator) => unknown> = {
  findTasks: (sim) => ({ query: { entity: leadRef(sim) } }),
  findProcesses: (sim) => ({ query: leadRef(sim) }),
  newSource: () => ({ name: 'Podcast' }),
  newTag: () => ({ tag: { name: 'client-test', entityType: 'Leads' } }),
  newEmail: () => ({ emailString: EMAIL }),
  getAnalyticsReport: () => ({ reportType: 'Pipeline', period: '-d84' }),
}

/** Params of `find*` methods that need more than paging. */
const FIND_PARAMS: Record<string, (sim: NutshellSimulator) => unknown> = {
  findTimeline: (sim) => ({ query: leadRef(sim) }),
}

/** Positional arguments of the `custom` methods. */
const CUSTOM_ARGS: Record<string, (sim: NutshellSimulator) => unknown[]> = {
  newNote: (sim) => [leadRef(sim), 'A note from the client test'],
  searchUniversal: (sim) => [String(sim.db.list('contacts')[0]!.name).split(' ')[0]],
  searchByEmail: (sim) => [(sim.db.list('contacts')[0]!.emails as { value: string }[])[0]!.value],
}

/** Where a `find*` method's resource is not the simulator's type name. */
const FIND_TYPES: Record<string, string> = { pipelines: 'stagesets', audiences: 'emAudiences' }

/** The rev of a record: read through the client's own `get*` when the table has one. */
async function revOf(ns: NutshellClient, sim: NutshellSimulator, entity: RpcEntityName, id: string) {
  const spec = RPC_ENTITIES[entity]
  const getter = `get${spec.suffix}`
  const g = (RPC_METHODS as Record<string, RpcMethod>)[getter]
  if (g && g.kind === 'get' && g.entity === entity) {
    const record = (await methodOf(ns, getter)(id)) as Any
    expect(record.rev).toEqual(expect.any(String))
    return record.rev as string
  }
  return sim.db.rev(id)
}

/** Calls one table entry through the client with sample arguments and checks what it answers. */
async function exercise(name: string, m: RpcMethod): Promise<void> {
  const sim = createNutshellSimulator({ seed: SEED })
  const ns = client(sim)
  const call = methodOf(ns, name)
  switch (m.kind) {
    case 'get': {
      const id = firstId(sim, name, m, RPC_ENTITIES[m.entity].restType)
      const record = (await call(id)) as Any
      expect(record).toMatchObject({ id: num(id) })
      if (m.idOptional) expect(await call()).toMatchObject({ id: expect.any(Number) })
      return
    }
    case 'new': {
      const input = NEW_INPUTS[m.entity]
      if (!input) throw new NoSample(name, m, 'add a create input to NEW_INPUTS')
      expect(await call(input(sim))).toMatchObject({ id: expect.any(Number), rev: expect.any(String) })
      return
    }
    case 'edit': {
      const changes = EDIT_CHANGES[m.entity]
      if (!changes) throw new NoSample(name, m, 'add the changes to EDIT_CHANGES')
      const id = firstId(sim, name, m, RPC_ENTITIES[m.entity].restType)
      const rev = await revOf(ns, sim, m.entity, id)
      const edited = (await call(id, rev, changes)) as Any
      expect(edited).toMatchObject({ id: num(id) })
      expect(edited.rev).not.toBe(rev)
      return
    }
    case 'delete': {
      const id = firstId(sim, name, m, RPC_ENTITIES[m.entity].restType, true)
      const rev = await revOf(ns, sim, m.entity, id)
      await call(id, rev)
      expect(sim.db.live(id)).toBeUndefined()
      return
    }
    case 'find': {
      const params = FIND_PARAMS[name]?.(sim) ?? {}
      const page = (await call(params)) as Page<unknown>
      expect(page).toBeInstanceOf(Page)
      expect(page.items).toBeInstanceOf(Array)
      const type = FIND_TYPES[m.resources[0]!] ?? m.resources[0]!
      if (seededIds(sim, type).length > 0) expect(page.items.length).toBeGreaterThan(0)
      return
    }
    case 'search': {
      const type = m.resources[0]!
      const named = isType(type)
        ? sim.db.list(type).find((record) => typeof record.name === 'string')
        : undefined
      if (!named) throw new NoSample(name, m, `the simulator seeds no named ${type} to search for`)
      const query = String(named.name).slice(0, 3)
      const found = (await call(query, { limit: 5 })) as unknown[]
      expect(found).toBeInstanceOf(Array)
      expect(found.length).toBeLessThanOrEqual(5)
      // The query is the start of a seeded record's name, so something matches.
      expect(found.length, `${name}(${JSON.stringify(query)})`).toBeGreaterThan(0)
      return
    }
    case 'plain': {
      if (!m.params) {
        expect(await call()).toBeDefined()
        return
      }
      const params = PLAIN_PARAMS[name]
      if (!params) throw new NoSample(name, m, 'add its named params to PLAIN_PARAMS')
      expect(await call(params(sim))).toBeDefined()
      return
    }
    case 'custom': {
      const args = CUSTOM_ARGS[name]
      if (!args) throw new NoSample(name, m, 'add its positional arguments to CUSTOM_ARGS')
      const built = args(sim)
      expect(built).toHaveLength(m.inputs)
      const result = (await call(...built)) as Any
      expect(result).toBeDefined()
      // Both grouped searches look for a seeded contact (by name, by email).
      if (name === 'searchUniversal' || name === 'searchByEmail')
        expect(result.contacts.length).toBeGreaterThan(0)
      return
    }
    default:
      throw new Error(`no sample arguments for ${name}: unknown kind ${(m as { kind: string }).kind}`)
  }
}

describe('Nutshell JSON-RPC: every table method through the strict client', () => {
  const entries = Object.entries(RPC_METHODS as Record<string, RpcMethod>)

  it('enumerates the table', () => {
    expect(entries.length).toBeGreaterThan(0)
  })

  // Every method runs: a disagreement between the simulator and the client's strict schemas is a failure.
  for (const [name, m] of entries) it(`${name} (${m.kind}) resolves`, () => exercise(name, m))
})
