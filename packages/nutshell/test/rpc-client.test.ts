// ns.rpc and `fallback: 'rpc'` through NutshellClient on the simulator: reads fall back, writes never do.
import { createNutshellSimulator } from '@x/testkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type NoticeEvent, NutshellClient, type RetryEvent, ServerError } from '../src'

function setup() {
  const sim = createNutshellSimulator({ seed: 11 })
  const rpcMethods: string[] = []
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    if (/\/v1\/json$/.test(new URL(request.url).pathname))
      rpcMethods.push((await request.clone().json()).method)
    return sim.fetch(request)
  }
  const notices: NoticeEvent[] = []
  const retries: RetryEvent[] = []
  const ns = new NutshellClient({
    ...sim.credentials,
    fetch: fetchImpl as typeof fetch,
    fallback: 'rpc',
    hooks: { onNotice: (e) => notices.push(e), onRetry: (e) => retries.push(e) },
  })
  const restDown = () => sim.faults.set({ error: { rate: 1, status: 503, match: { path: '/rest/' } } })
  return { sim, ns, rpcMethods, notices, retries, restDown }
}

/** Runs a call while fake timers fast-forward the transport's backoff waits. */
async function settle<T>(promise: PromiseLike<T>): Promise<T> {
  const guarded = Promise.resolve(promise).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )
  await vi.runAllTimersAsync()
  const outcome = await guarded
  if ('error' in outcome) throw outcome.error
  return outcome.value
}

// ns.rpc loads its implementation on first use; load it up front so fake timers only drive backoff.
await import('../src/rpc/client')
await import('../src/rpc/fallback')

afterEach(() => {
  vi.useRealTimers()
})

describe('NutshellClient.rpc', () => {
  it('shares the client credentials, discovery included, and its retry hooks', async () => {
    const { sim, ns, rpcMethods, retries } = setup()
    sim.faults.next({ status: 503, match: { path: '/api/v1/json' } })
    vi.useFakeTimers()
    const page = await settle(ns.rpc.findAccounts({ limit: 3 }))
    expect(page.items).toHaveLength(3)
    expect(rpcMethods).toEqual(['getApiForUsername', 'findAccounts', 'findAccounts'])
    expect(retries).toEqual([expect.objectContaining({ method: 'POST', path: '/api/v1/json', status: 503 })])
  })
})

describe("fallback: 'rpc'", () => {
  it('serves leads.list from findLeads when REST keeps failing, with REST-shaped records', async () => {
    const { ns, rpcMethods, notices, restDown } = setup()
    restDown()
    vi.useFakeTimers()
    const page = await settle(ns.leads.list({ limit: 4, filter: { status: 'open' } }))
    expect(page.items).toHaveLength(4)
    expect(page.items.every((lead) => /^\d+-leads$/.test(lead.id) && lead.status === 'open')).toBe(true)
    expect(rpcMethods).toContain('findLeads')
    expect(notices).toEqual([
      expect.objectContaining({ type: 'fallback', entity: 'leads', op: 'list', from: 'rest', to: 'rpc' }),
    ])
  })

  it('serves contacts.get and accounts.list the same way', async () => {
    const { sim, ns, notices, restDown } = setup()
    restDown()
    const contactId = sim.db.list('contacts')[2]!.id
    vi.useFakeTimers()
    await expect(settle(ns.contacts.get(contactId))).resolves.toMatchObject({
      id: contactId,
      type: 'contacts',
    })
    await expect(settle(ns.accounts.list({ limit: 2 }))).resolves.toMatchObject({
      items: [{ type: 'accounts' }, { type: 'accounts' }],
    })
    expect(notices.map((n) => `${n.entity}.${n.op}`)).toEqual(['contacts.get', 'accounts.list'])
  })

  it('never falls back for a write: creates, updates and deletes throw the REST error', async () => {
    const { sim, ns, rpcMethods, notices, restDown } = setup()
    const lead = sim.db.list('leads')[0]!
    restDown()
    vi.useFakeTimers()
    await expect(settle(ns.leads.create({ description: 'New deal' }))).rejects.toBeInstanceOf(ServerError)
    await expect(settle(ns.contacts.create({ name: 'Ada Lovelace' }))).rejects.toBeInstanceOf(ServerError)
    await expect(settle(ns.leads.update(lead.id, { description: 'Changed' }))).rejects.toBeInstanceOf(
      ServerError,
    )
    await expect(settle(ns.accounts.delete(sim.db.list('accounts')[0]!.id))).rejects.toBeInstanceOf(
      ServerError,
    )
    expect(rpcMethods).toEqual([])
    expect(notices).toEqual([])
  })

  it('is off unless asked for', async () => {
    const { sim, rpcMethods } = setup()
    const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch, maxRetries: 0 })
    sim.faults.set({ error: { rate: 1, status: 503, match: { path: '/rest/' } } })
    await expect(ns.leads.list()).rejects.toBeInstanceOf(ServerError)
    expect(rpcMethods).toEqual([])
  })
})
