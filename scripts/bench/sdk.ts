// The SDK rows (and two diagnostic rows that split its cost), loaded from the packages' built dist.
import { ACCESS_TOKEN, API_KEY, type Contender, EMAIL, type Ops } from './contenders.ts'
import { LEAD_PATCH } from './fixtures.ts'

type Module = Record<string, unknown>

/**
 * Imports a workspace package's build, or explains why it is not there yet. With `BENCH_SDK_DIR` set,
 * imports `<dir>/<package>.js` instead (e.g. `nutshell.js`): a candidate build, such as one with a
 * core change, measured in place of the workspace's dist by the per-request, paging and rate-limit runs.
 */
export async function loadPackage(name: string): Promise<Module> {
  const candidate = process.env.BENCH_SDK_DIR
  try {
    return (await import(candidate ? `${candidate}/${name.replace('@x/', '')}.js` : name)) as Module
  } catch (error) {
    const message = (error as Error).message
    const reason = /Cannot find module .*\/dist\//.test(message) ? 'not built' : message
    throw new Error(`${name}: ${reason.split('\n')[0]} (run ./scripts/pnpm build)`)
  }
}

function need<T>(mod: Module, name: string, pkg: string): T {
  const value = mod[name]
  if (value === undefined) throw new Error(`${pkg} does not export ${name} yet`)
  return value as T
}

interface Listing {
  items: unknown[]
}
interface NutshellLike {
  leads: {
    list(params?: object): PromiseLike<Listing> & AsyncIterable<unknown>
    update(id: string, changes: unknown): Promise<unknown>
  }
}
interface NutanLike {
  contacts: { list(params?: object): PromiseLike<Listing> & AsyncIterable<unknown> }
}
type Ctor<T> = new (options: Record<string, unknown>) => T

/** A NutshellClient pointed at `url` (the loopback server's origin). */
export async function nutshellClient(
  url: string,
  options: Record<string, unknown> = {},
): Promise<NutshellLike> {
  const NutshellClient = need<Ctor<NutshellLike>>(
    await loadPackage('@x/nutshell'),
    'NutshellClient',
    '@x/nutshell',
  )
  return new NutshellClient({ email: EMAIL, apiKey: API_KEY, baseUrl: `${url}/rest`, ...options })
}

/**
 * A NutanClient pointed at `url`. Its default client-side budget (100 requests a minute, as Nutan
 * publishes) is raised out of the way unless `options` says otherwise: the limiter stays in the path,
 * only the waiting goes.
 */
export async function nutanClient(url: string, options: Record<string, unknown> = {}): Promise<NutanLike> {
  const NutanClient = need<Ctor<NutanLike>>(await loadPackage('@x/nutan'), 'NutanClient', '@x/nutan')
  return new NutanClient({
    accessToken: ACCESS_TOKEN,
    baseUrl: `${url}/v1`,
    limiter: { global: 1_000_000_000 },
    ...options,
  })
}

/** `NutshellClient` for the Nutshell calls, `NutanClient` for the Nutan list: what a user of the SDK runs. */
export const sdkContender: Contender = sdkWith('SDK, default validation', {})

/** The same SDK calls with `validation: 'off'`: JSON parsed, not checked, as the peers do (the budget row). */
export const sdkNoValidationContender: Contender = sdkWith("SDK, validation: 'off'", { validation: 'off' })

function sdkWith(name: string, options: Record<string, unknown>): Contender {
  return {
    name,
    kind: 'sdk',
    setup: (url, fetchImpl) => sdkOps(url, fetchImpl ? { ...options, fetch: fetchImpl } : options),
  }
}

async function sdkOps(url: string, options: Record<string, unknown>): Promise<Ops> {
  const ns = await nutshellClient(url, options)
  const nutan = await nutanClient(url, options).catch(() => undefined)
  return {
    leads: async () => (await ns.leads.list({ limit: 50 })).items.length,
    async patch() {
      await ns.leads.update('1001-leads', LEAD_PATCH)
      return 0
    },
    async nutanList() {
      if (!nutan) throw new Error('@x/nutan has no NutanClient yet')
      return (await nutan.contacts.list({ limit: 50 })).items.length
    },
  } satisfies Ops
}

interface TransportLike {
  request(spec: Record<string, unknown>): PromiseLike<unknown>
}

/** The core transport on its own (no resource layer, no schema): how much of the SDK's cost is the pipeline. */
export const transportContender: Contender = {
  name: 'diagnostic: @x/core Transport, no schema',
  kind: 'diagnostic',
  async setup(url, fetchImpl) {
    const Transport = need<Ctor<TransportLike>>(await loadPackage('@x/core'), 'Transport', '@x/core')
    const basic = { authorization: `Basic ${btoa(`${EMAIL}:${API_KEY}`)}` }
    const bearer = { authorization: `Bearer ${ACCESS_TOKEN}` }
    const withFetch = fetchImpl ? { fetch: fetchImpl } : {}
    const nutshell = new Transport({ baseUrl: `${url}/rest`, auth: () => basic, ...withFetch })
    const nutan = new Transport({ baseUrl: `${url}/v1`, auth: () => bearer, ...withFetch })
    return {
      leads: async () =>
        (
          (await nutshell.request({
            method: 'GET',
            path: '/leads',
            query: { page: { page: 0, limit: 50 } },
          })) as {
            leads: unknown[]
          }
        ).leads.length,
      async patch() {
        await nutshell.request({
          method: 'PATCH',
          path: '/leads/1001-leads',
          body: LEAD_PATCH,
          contentType: 'application/json-patch+json',
        })
        return 0
      },
      nutanList: async () =>
        (
          (await nutan.request({ method: 'GET', path: '/contacts', query: { limit: 50, offset: 0 } })) as {
            data: unknown[]
          }
        ).data.length,
    }
  },
}

interface SchemaLike {
  safeParse(value: unknown): { success: boolean }
}

/** Bare fetch plus the SDK's own response schemas: how much of the SDK's cost is validation. */
export const validatedFetchContender: Contender = {
  name: 'diagnostic: bare fetch + SDK schema',
  kind: 'diagnostic',
  async setup(url, fetchImpl = fetch) {
    const leadsSchema = need<SchemaLike>(
      await loadPackage('@x/nutshell'),
      'LeadsResponseSchema',
      '@x/nutshell',
    )
    const nutanMod = await loadPackage('@x/nutan').catch(() => ({}) as Module)
    const contactsSchema = nutanMod.NutanContactSchema as SchemaLike | undefined
    const headers = { accept: 'application/json', authorization: `Basic ${btoa(`${EMAIL}:${API_KEY}`)}` }
    return {
      async leads() {
        const res = await fetchImpl(`${url}/rest/leads?page%5Bpage%5D=0&page%5Blimit%5D=50`, { headers })
        const body = (await res.json()) as { leads: unknown[] }
        if (!leadsSchema.safeParse(body).success) throw new Error('the leads page does not fit the schema')
        return body.leads.length
      },
      async patch() {
        const res = await fetchImpl(`${url}/rest/leads/1001-leads`, {
          method: 'PATCH',
          headers: { ...headers, 'content-type': 'application/json-patch+json' },
          body: JSON.stringify(LEAD_PATCH),
        })
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
        return 0
      },
      async nutanList() {
        if (!contactsSchema) throw new Error('@x/nutan exports no NutanContactSchema yet')
        const res = await fetchImpl(`${url}/v1/contacts?limit=50&offset=0`, {
          headers: { accept: 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` },
        })
        const body = (await res.json()) as { data: unknown[] }
        for (const row of body.data)
          if (!contactsSchema.safeParse(row).success) throw new Error('bad contact')
        return body.data.length
      },
    }
  },
}
