// The escape corpus: an adversarial agent tries to do more than its grant through a scoped client, by
// plain JSON (tool input, patch path spellings, custom fields, sync rows) and, for agents that run code,
// by arguments that change between reads (Proxies, getters, `toJSON`). Every attempt must send no request
// past the grant, and every request that is sent must have its audit record.
import { inspect } from 'node:util'
import { type AnyOperation, pathParamNames } from '@x/core'
import { NUTAN_OPERATION_TABLES, NutanClient } from '@x/nutan'
import { NutshellClient, OPERATION_TABLES } from '@x/nutshell'
import { RPC_ENTITIES, RPC_METHODS, type RpcMethod } from '@x/nutshell/rpc'
import { createNutanSimulator, createNutshellSimulator } from '@x/testkit'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { type AuditRecord, callTool, type Policy, scoped } from '../src'
import { METHOD_CLASSES, type MethodClass } from '../src/policy/method-class'

/** One request the client sent, as the recording fetch saw it. */
interface Sent {
  method: string
  url: string
  body: string
}

/** A fetch that records every request before the simulator answers it. */
function recording(fetch: typeof globalThis.fetch) {
  const sent: Sent[] = []
  const wrapped: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init)
    sent.push({ method: request.method, url: request.url, body: await request.clone().text() })
    return fetch(request)
  }
  return { sent, fetch: wrapped }
}

function nutshellWorld() {
  const sim = createNutshellSimulator()
  const { sent, fetch } = recording(sim.fetch)
  const client = new NutshellClient({ ...sim.credentials, fetch, maxRetries: 0 })
  return { sim, sent, client, secrets: [sim.credentials.apiKey] }
}

function nutanWorld() {
  const sim = createNutanSimulator()
  const tokens = sim.issueTokens()
  const { sent, fetch } = recording(sim.fetch)
  const client = new NutanClient({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    fetch,
    maxRetries: 0,
    // Hundreds of attempts in a few seconds: the client's own rate limiter would only slow the run.
    limiter: { global: 1e9, strict: 1e9 },
  })
  return { sim, sent, client, secrets: [tokens.access_token, tokens.refresh_token] }
}

/** Attempts made and escapes seen, over the whole file, reported at the end. */
const tally = { attempts: 0, escapes: 0 }

/**
 * Runs one attempt with a fresh scoped client: `forbidden(body)` says whether a sent request carries
 * what the grant does not allow (by default, any request at all is past the grant). Returns the records.
 */
async function attempt<C extends object>(
  world: { client: C; sent: Sent[] },
  policy: Policy,
  run: (agent: C) => unknown,
  forbidden: (sent: Sent) => boolean = () => true,
): Promise<AuditRecord[]> {
  tally.attempts++
  const records: AuditRecord[] = []
  const agent = scoped(world.client, policy as Policy<Extract<keyof C, string>>, {
    audit: (r) => void records.push(r),
  })
  const before = world.sent.length
  try {
    await run(agent)
  } catch {
    // Denied, refused or failed: what matters is what went out.
  }
  const sent = world.sent.slice(before)
  const escaped = sent.filter(forbidden)
  // Every request belongs to a call the audit recorded as allowed (ok or error).
  const unaudited = sent.length > 0 && !records.some((r) => r.outcome !== 'denied')
  if (escaped.length || unaudited) tally.escapes++
  expect(escaped, 'requests past the grant').toEqual([])
  expect(unaudited, 'requests without an audit record').toBe(false)
  // And every attempt leaves a record, sent or not.
  expect(records.length).toBeGreaterThan(0)
  return records
}

afterAll(() => {
  // The figure the corpus exists for; printed so a run shows it.
  console.info(`escape corpus: ${tally.attempts} attempts, ${tally.escapes} escapes`)
  expect(tally.escapes).toBe(0)
})

// ---------------------------------------------------------------------------------------------------
// Arguments that change between reads. Each wraps a `benign` value that a first read sees and an `evil`
// one any later read sees: a client that re-read what the rules checked would send the evil one.

type Wrap = (benign: Record<string, unknown>, evil: Record<string, unknown>) => unknown

/** A Proxy whose keys and values turn evil after the first read of anything. */
const shiftingProxy: Wrap = (benign, evil) => {
  let reads = 0
  const now = () => (reads++ === 0 ? benign : evil)
  return new Proxy(
    {},
    {
      ownKeys: () => Reflect.ownKeys({ ...benign, ...evil }),
      getOwnPropertyDescriptor: (_t, key) => {
        const source = now()
        return Object.hasOwn(source, key)
          ? { value: source[key as string], enumerable: true, configurable: true, writable: true }
          : undefined
      },
      get: (_t, key) => now()[key as string],
      has: (_t, key) => key in now(),
    },
  )
}

/** Getters that answer benign on their first call and evil afterwards. */
const flippingGetters: Wrap = (benign, evil) => {
  const out: Record<string, unknown> = {}
  for (const key of new Set([...Object.keys(benign), ...Object.keys(evil)])) {
    let reads = 0
    Object.defineProperty(out, key, {
      enumerable: true,
      get: () => (reads++ === 0 ? benign[key] : evil[key]),
    })
  }
  return out
}

/** A benign object whose `toJSON` serialises to the evil one. */
const withToJSON: Wrap = (benign, evil) => ({ ...benign, toJSON: () => evil })

/** A Proxy that is evil from the first read on (it must be copied like any object). */
const evilProxy: Wrap = (_benign, evil) => new Proxy({ ...evil }, {})

/** Plain evil data. */
const plain: Wrap = (_benign, evil) => ({ ...evil })

const WRAPS = { plain, evilProxy, shiftingProxy, flippingGetters, withToJSON }
const wrapArb = fc.constantFrom(...(Object.keys(WRAPS) as (keyof typeof WRAPS)[]))

// ---------------------------------------------------------------------------------------------------
// Path spellings: every way a JSON Patch path (or a change object) could name a field.

/** The spellings of `field` (`status`, `links/outcome`) in a patch of a `type` record. */
function pathSpellings(type: string, field: string): string[] {
  const escaped = field.replaceAll('~', '~0').replaceAll('/', '~1')
  const upper = field.charAt(0).toUpperCase() + field.slice(1)
  const parent = field.includes('/') ? field.slice(0, field.lastIndexOf('/')) : undefined
  return [
    field,
    `/${field}`,
    `/${type}/0/${field}`,
    `${type}/0/${field}`,
    `/${type}/0/${escaped}`,
    `/${escaped}`,
    `/${type}/0/customFields/${field}`,
    `customFields/${field}`,
    `/${type}/0/${upper}`,
    `/${field}/sub`,
    `/${type}/0`,
    ...(parent ? [`/${type}/0/${parent}`, parent] : []),
  ]
}

/** A change object that sets `field` to `value`, in each of its spellings. */
function changeSpellings(field: string, value: unknown): Record<string, unknown>[] {
  const [head, ...rest] = field.split('/')
  const nested = rest.reduceRight<unknown>((inner, part) => ({ [part]: inner }), value)
  const upper = head!.charAt(0).toUpperCase() + head!.slice(1)
  return [{ [head!]: nested }, { customFields: { [field]: value } }, { [upper]: nested }]
}

// ---------------------------------------------------------------------------------------------------

const LEAD = '1001-leads'

describe('escape corpus: the reported escapes', () => {
  it('plain tool input: customFields.status closes no lead with update-only grants', async () => {
    const world = nutshellWorld()
    const records = await attempt(world, { leads: ['read', 'update'] }, (agent) =>
      callTool(agent, 'leads_update', { id: LEAD, changes: { customFields: { status: 'won' } } }),
    )
    expect(records.at(-1)).toMatchObject({
      outcome: 'denied',
      missing: [{ resource: 'leads', class: 'close' }],
    })
  })

  it('every spelling of a close field in a relative, prefixed or escaped patch path is a close', async () => {
    const world = nutshellWorld()
    const spellings = [
      'status',
      '/status',
      '/leads/0/status',
      'leads/0/status',
      '/leads/0/links/outcome',
      '/leads/0/links~1outcome',
      'links~1outcome',
      'customFields/status',
      '/leads/0/customFields/status',
      '/leads/0/Status',
      '/leads/0/links',
      '/leads/0',
    ]
    for (const path of spellings) {
      const records = await attempt(world, { leads: ['read', 'update'] }, (agent) =>
        agent.leads.update(LEAD, [{ op: 'replace', path, value: 'won' }]),
      )
      expect(records.at(-1)?.outcome, path).toBe('denied')
    }
    // A move out of a close field changes it too.
    await attempt(world, { leads: ['read', 'update'] }, (agent) =>
      agent.leads.update(LEAD, [{ op: 'move', from: '/status', path: '/description' }]),
    )
  })

  it('a Nutan sync.push into deals needs close and delete on deals, not only a grant on sync', async () => {
    const world = nutanWorld()
    const policy: Policy = { sync: ['create', 'update', 'delete'], deals: 'read' }
    const won = await attempt(world, policy, (agent) =>
      agent.sync.push({ upserts: { deals: [{ id: 'd-1', status: 'won' }] } }),
    )
    expect(won.at(-1)?.missing).toContainEqual({ resource: 'deals', class: 'close' })
    const writer: Policy = { sync: ['create', 'update', 'delete'], deals: ['read', 'create', 'update'] }
    await attempt(world, writer, (agent) =>
      agent.sync.push({ upserts: { deals: [{ id: 'd-1', status: 'won' }] } }),
    )
    const deleted = await attempt(world, writer, (agent) =>
      agent.sync.push({ upserts: { deals: [{ id: 'd-1', deleted_at: '2026-01-01T00:00:00Z' }] } }),
    )
    expect(deleted.at(-1)?.missing).toContainEqual({ resource: 'deals', class: 'delete' })
    await attempt(world, writer, (agent) => agent.sync.push({ deletes: { deals: ['d-1'] } }))
  })

  it('a Proxy whose keys change between reads sends only what was checked', async () => {
    const world = nutanWorld()
    const changes = shiftingProxy({ name: 'renamed' }, { status: 'won' })
    await attempt(
      world,
      { deals: ['read', 'update'] },
      (agent) => agent.deals.update('d-1', changes as { name: string }),
      (sent) => sent.body.includes('won'),
    )
  })

  it('a getter read twice (deals.update status, sync.push deletes) sends its first answer', async () => {
    const world = nutanWorld()
    await attempt(
      world,
      { deals: ['read', 'update'] },
      (agent) => agent.deals.update('d-1', flippingGetters({ status: 'open' }, { status: 'won' }) as object),
      (sent) => sent.body.includes('won'),
    )
    const push = flippingGetters(
      { upserts: { contacts: [{ id: 'c-1' }] } },
      { deletes: { contacts: ['c-1'] } },
    )
    await attempt(
      world,
      { sync: ['create', 'update'], contacts: ['create', 'update'] },
      (agent) => agent.sync.push(push as object),
      (sent) => /"deletes":\{"contacts"/.test(sent.body),
    )
  })

  it("a toJSON on rpc.call('editLead')'s lead is refused, not serialised", async () => {
    const world = nutshellWorld()
    const lead = { description: 'x', toJSON: () => ({ status: 'won' }) }
    const records = await attempt(world, { leads: ['read', 'update'] }, (agent) =>
      agent.rpc.call('editLead', { leadId: 1001, rev: '1', lead }),
    )
    expect(records.at(-1)).toMatchObject({ outcome: 'error', errorName: 'InputValidationError' })
    // The same on the params object itself, and on the typed helper's changes.
    const params = { leadId: 1001, rev: '1', lead: { description: 'x' } }
    const evilParams = { ...params, toJSON: () => ({ ...params, lead: { status: 'won' } }) }
    await attempt(world, { leads: ['read', 'update'] }, (agent) => agent.rpc.call('editLead', evilParams))
    await attempt(world, { leads: ['read', 'update'] }, (agent) =>
      agent.rpc.editLead(1001, '1', lead as never),
    )
  })

  it('a list’s `.inner` and a page’s fetcher are out of reach; every page fetch is audited', async () => {
    const world = nutshellWorld()
    await attempt(
      world,
      { leads: 'read' },
      async (agent) => {
        const list = agent.leads.list({ limit: 1 })
        expect((list as unknown as { inner?: unknown }).inner).toBeUndefined()
        const page = await list
        expect((page as unknown as { fetcher?: unknown }).fetcher).toBeUndefined()
        expect(Object.keys(page)).not.toContain('fetcher')
      },
      () => false,
    )
  })

  it('util.inspect of the agent, its objects and pages shows no hidden client or credential', async () => {
    const world = nutshellWorld()
    const agent = scoped(world.client, { leads: 'read' })
    const page = await agent.leads.list({ limit: 1 })
    for (const shown of [
      inspect(agent, { depth: 5 }),
      inspect(agent.leads, { depth: 5 }),
      inspect(page, { depth: 5 }),
    ]) {
      for (const secret of world.secrets) expect(shown).not.toContain(secret)
      expect(shown).not.toMatch(/transport|fetcher/i)
    }
  })

  it('an id `..` is refused before any request and audited as an error naming no record', async () => {
    const world = nutshellWorld()
    for (const id of ['..', '.', '../accounts', 'a/b']) {
      const records = await attempt(world, { leads: 'read' }, (agent) => agent.leads.get(id))
      expect(records.at(-1)).toMatchObject({ outcome: 'error', errorName: 'InputValidationError', ids: [] })
    }
  })

  it('functions, symbols and cycles in input are refused before the policy and the client', async () => {
    const world = nutanWorld()
    const cycle: Record<string, unknown> = { name: 'x' }
    cycle.self = cycle
    for (const input of [{ name: () => 'x' }, { name: Symbol('x') }, cycle, { name: 10n }]) {
      const records = await attempt(world, { deals: 'write' }, (agent) =>
        agent.deals.update('d-1', input as object),
      )
      expect(records.at(-1)).toMatchObject({ outcome: 'error', errorName: 'InputValidationError' })
    }
  })
})

// ---------------------------------------------------------------------------------------------------
// Generated variants: every write operation of every table, every effect field, every spelling, every wrap.

/** Every operation of a set of tables that changes something, as [resource, method, op]. */
function writes(tables: Readonly<Record<string, Readonly<Record<string, AnyOperation>>>>) {
  return Object.entries(tables).flatMap(([resource, table]) =>
    Object.entries(table)
      .filter(([, op]) => op.effect !== 'read')
      .map(([method, op]) => [resource, method, op] as const),
  )
}

/** Every class but `without`, on `resource`: the widest grant that still lacks it. */
const allBut = (resource: string, ...without: MethodClass[]): Policy => ({
  [resource]: METHOD_CLASSES.filter((c) => !without.includes(c)),
})

/** A call of `op` with generated input (behind a wrap), ids for its path parameters. */
function callOf(resource: string, method: string, op: AnyOperation, input: unknown) {
  const ids = pathParamNames(op.path).map(() => '1001')
  return (agent: object) => {
    const target = (agent as Record<string, Record<string, (...a: unknown[]) => unknown>>)[resource]!
    return target[method]!(...ids, ...(op.input ? [input] : []))
  }
}

const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })

describe('escape corpus: generated variants', () => {
  it('no write of either client goes out without its own effect granted, whatever the input', async () => {
    const nutshell = nutshellWorld()
    const nutan = nutanWorld()
    const cases = [
      ...writes(OPERATION_TABLES).map((w) => ({ world: nutshell, w })),
      ...writes(NUTAN_OPERATION_TABLES).map((w) => ({ world: nutan, w })),
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...cases),
        jsonObject,
        jsonObject,
        wrapArb,
        async ({ world, w: [resource, method, op] }, benign, evil, wrap) => {
          await attempt(
            world as { client: object; sent: Sent[] },
            allBut(resource, op.effect as MethodClass),
            callOf(resource, method, op, WRAPS[wrap](benign, evil)),
          )
        },
      ),
      { numRuns: 300 },
    )
    // And each operation at least once, whatever the seed.
    for (const { world, w } of cases) {
      const [resource, method, op] = w
      await attempt(
        world as { client: object; sent: Sent[] },
        allBut(resource, op.effect as MethodClass),
        callOf(resource, method, op, {}),
      )
    }
  })

  it('no Nutshell update sets a close field in any spelling, plain or behind a wrap', async () => {
    const world = nutshellWorld()
    const closing = writes(OPERATION_TABLES).filter(([, , op]) => Array.isArray(op.effectFields?.close))
    expect(closing.length).toBeGreaterThan(0)
    const variants = closing.flatMap(([resource, method, op]) =>
      (op.effectFields!.close as readonly string[]).flatMap((field) => [
        ...pathSpellings(resource, field).map((path) => ({
          resource,
          method,
          op,
          field,
          input: [{ op: 'replace', path, value: 'won' }],
        })),
        ...changeSpellings(field, 'won').map((input) => ({ resource, method, op, field, input })),
      ]),
    )
    // Every variant once, plain; then generated wraps of them.
    for (const v of variants) {
      await attempt(world, { [v.resource]: ['read', 'update'] }, callOf(v.resource, v.method, v.op, v.input))
    }
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...variants), wrapArb, async (v, wrap) => {
        // A patch array stays an array (its operations are wrapped); a change object is wrapped itself.
        const input = Array.isArray(v.input)
          ? v.input.map((o) => WRAPS[wrap]({ op: 'replace', path: '/description', value: 'benign' }, o))
          : WRAPS[wrap]({ description: 'benign' }, v.input)
        await attempt(
          world,
          { [v.resource]: ['read', 'update'] },
          callOf(v.resource, v.method, v.op, input),
          // The benign first read may go out; the close field never may.
          (sent) => sent.method !== 'GET' && /won/.test(sent.body),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('no Nutan deal write or sync push closes or deletes a deal past the grant, behind any wrap', async () => {
    const world = nutanWorld()
    const settling = [{ status: 'won' }, { status: 'lost' }, { stage: 'closed' }, { Status: 'won' }]
    const writer: Policy = { sync: ['create', 'update', 'delete'], deals: ['read', 'create', 'update'] }
    const calls: {
      name: string
      policy: Policy
      run: (evil: Record<string, unknown>) => (a: NutanClient) => unknown
    }[] = [
      {
        name: 'deals.update',
        policy: { deals: ['read', 'update'] },
        run: (evil) => (a) => a.deals.update('d-1', evil),
      },
      {
        name: 'deals.create',
        policy: { deals: ['read', 'create'] },
        run: (evil) => (a) => a.deals.create(evil as { name: string }),
      },
      {
        name: 'sync.push upsert',
        policy: writer,
        run: (evil) => (a) => a.sync.push({ upserts: { deals: [{ id: 'd-1', ...evil }] } }),
      },
      {
        name: 'sync.push deleted_at',
        policy: writer,
        run: () => (a) =>
          a.sync.push({ upserts: { deals: [{ id: 'd-1', deleted_at: '2026-01-01T00:00:00Z' }] } }),
      },
      {
        name: 'sync.push deletes',
        policy: writer,
        run: () => (a) => a.sync.push({ deletes: { deals: ['d-1'] } }),
      },
    ]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...calls),
        fc.constantFrom(...settling),
        wrapArb,
        async (call, evil, wrap) => {
          const wrapped = WRAPS[wrap]({ name: 'benign' }, evil) as Record<string, unknown>
          await attempt(world, call.policy, call.run(wrapped), (sent) =>
            /won|lost|closed|deleted_at|"deletes":\{"deals":\["d-1"\]\}/.test(sent.body),
          )
        },
      ),
      { numRuns: 200 },
    )
    // A wrapped sync change set itself (its `upserts` and `deletes` behind getters and proxies).
    await fc.assert(
      fc.asyncProperty(wrapArb, async (wrap) => {
        const push = WRAPS[wrap](
          { upserts: { contacts: [{ id: 'c-1' }] } },
          { upserts: { deals: [{ id: 'd-1', status: 'won' }] }, deletes: { deals: ['d-1'] } },
        )
        await attempt(
          world,
          { sync: ['create', 'update', 'delete'], contacts: ['create', 'update'], deals: 'read' },
          (a) => a.sync.push(push as object),
          (sent) => /deals/.test(sent.body),
        )
      }),
      { numRuns: 50 },
    )
  })

  it('no JSON-RPC write goes out without its grant, by call() or its helper; no edit closes past it', async () => {
    const world = nutshellWorld()
    const methods = Object.entries(RPC_METHODS as Readonly<Record<string, RpcMethod>>).filter(
      ([, m]) => m.effect !== 'read',
    )
    const denyEffect = (m: RpcMethod): Policy =>
      Object.fromEntries(m.resources.map((r) => [r, METHOD_CLASSES.filter((c) => c !== m.effect)]))
    for (const [name, m] of methods) {
      await attempt(world, denyEffect(m), (a) => a.rpc.call(name, { id: 1001 }))
      const helper = (a: NutshellClient) =>
        (a.rpc as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!(1001, '1', { name: 'x' })
      await attempt(world, denyEffect(m), helper)
    }
    const edits = methods.filter(([, m]) => m.kind === 'edit' && m.closeFields?.length)
    expect(edits.length).toBeGreaterThan(0)
    const variants = edits.flatMap(([name, m]) =>
      m.closeFields!.flatMap((field) => changeSpellings(field, 'won').map((evil) => ({ name, m, evil }))),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...variants),
        wrapArb,
        fc.integer({ min: 0, max: 2 }),
        async (v, wrap, via) => {
          if (v.m.kind !== 'edit') return
          const spec = RPC_ENTITIES[v.m.entity]
          const payload = WRAPS[wrap]({ description: 'benign' }, v.evil)
          const grant: Policy = Object.fromEntries(v.m.resources.map((r) => [r, ['read', 'update']]))
          const rpc = (a: NutshellClient) =>
            a.rpc as unknown as Record<string, (...args: unknown[]) => unknown>
          const run = [
            (a: NutshellClient) => a.rpc.call(v.name, { [spec.idKey]: 1001, rev: '1', [spec.key]: payload }),
            (a: NutshellClient) => rpc(a)[v.name]!(1001, '1', payload),
            (a: NutshellClient) =>
              rpc(a).editWithRev!(v.m.kind === 'edit' ? v.m.entity : 'lead', 1001, payload),
          ][via]!
          await attempt(world, grant, run, (sent) => sent.method !== 'GET' && /won/.test(sent.body))
        },
      ),
      { numRuns: 200 },
    )
    // editWithRev's documented callback runs later, inside the client: it needs close up front.
    await attempt(world, { leads: ['read', 'update'] }, (a) =>
      a.rpc.editWithRev('lead', 1001, () => ({ status: 'won' }) as never),
    )
  })
})
