// The ways of making the same three calls that the overhead benchmark compares, each as a user would write it.
import { Octokit } from '@octokit/core'
import axios from 'axios'
import ky from 'ky'
import OpenAI from 'openai'
import { LEAD_PATCH } from './fixtures.ts'

/** The calls measured; each resolves to the number of records it parsed (0 for the update). */
export interface Ops {
  /** GET a page of 50 Nutshell leads, parsed (and validated, where the contender validates). */
  leads(): Promise<number>
  /** PATCH one lead with a JSON Patch (Nutshell answers 204). */
  patch(): Promise<number>
  /** GET a page of 50 Nutan contacts. */
  nutanList(): Promise<number>
}

/** One way of making the calls. */
export interface Contender {
  name: string
  /** Shown in the tables: the SDK rows, a baseline, or an alternative. */
  kind: 'baseline' | 'sdk' | 'alternative' | 'diagnostic'
  /**
   * Ready to call the server at `url`; with `fetch` given, every request goes through it instead of the
   * global one (the in-memory measurement), by whatever option the contender offers for it.
   */
  setup(url: string, fetch?: typeof globalThis.fetch): Promise<Ops> | Ops
}

export const EMAIL = 'bench@example.com'
export const API_KEY = 'bench-api-key'
export const ACCESS_TOKEN = 'bench-access-token'
const BASIC = `Basic ${btoa(`${EMAIL}:${API_KEY}`)}`
const BEARER = `Bearer ${ACCESS_TOKEN}`
const LEADS_QUERY = 'page%5Bpage%5D=0&page%5Blimit%5D=50'
const LEAD_ID = '1001-leads'
const JSON_PATCH = 'application/json-patch+json'

interface LeadsBody {
  leads: unknown[]
}
interface NutanBody {
  data: unknown[]
}

/** Sends one request and reads its JSON body when asked; throws on an HTTP error. */
type Send = (url: string, init: RequestInit, readJson: boolean) => Promise<unknown>

/** The three calls written by hand over `send`, as a user of bare `fetch` would write them. */
function handWritten(url: string, send: Send): Ops {
  const nutshellHeaders = { accept: 'application/json', authorization: BASIC }
  const nutanHeaders = { accept: 'application/json', authorization: BEARER }
  return {
    leads: async () =>
      ((await send(`${url}/rest/leads?${LEADS_QUERY}`, { headers: nutshellHeaders }, true)) as LeadsBody)
        .leads.length,
    async patch() {
      const init = {
        method: 'PATCH',
        headers: { ...nutshellHeaders, 'content-type': JSON_PATCH },
        body: JSON.stringify(LEAD_PATCH),
      }
      await send(`${url}/rest/leads/${LEAD_ID}`, init, false)
      return 0
    },
    nutanList: async () =>
      ((await send(`${url}/v1/contacts?limit=50&offset=0`, { headers: nutanHeaders }, true)) as NutanBody)
        .data.length,
  }
}

/** Sends through `fetchImpl` (the global `fetch` unless the in-memory one is given). */
const plainSend =
  (fetchImpl: typeof fetch = fetch): Send =>
  async (url, init, readJson) => {
    const res = await fetchImpl(url, init)
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    return readJson ? res.json() : undefined
  }

/** `fetch` with the timeout every SDK call carries: an AbortController and a timer per request. */
const sendWithTimeout = (fetchImpl?: typeof fetch): Send => {
  const send = plainSend(fetchImpl)
  return async (url, init, readJson) => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 30_000)
    try {
      return await send(url, { ...init, signal: controller.signal }, readJson)
    } finally {
      clearTimeout(timer)
    }
  }
}

/** Hand-written `fetch` calls: the baseline every ratio divides by. */
export const bareFetch: Contender = {
  name: 'bare fetch',
  kind: 'baseline',
  setup: (url, fetchImpl) => handWritten(url, plainSend(fetchImpl)),
}

/** The same calls as the baseline, run as a separate contender: its ratio shows the run's noise floor. */
export const controlContender: Contender = {
  name: 'control: bare fetch again (noise floor)',
  kind: 'diagnostic',
  setup: (url, fetchImpl) => handWritten(url, plainSend(fetchImpl)),
}

/**
 * Bare fetch plus a per-request timeout: the floor for any client that bounds its calls in time, as the
 * SDK does by default. Node's fetch does more work for a request that carries a signal.
 */
export const timeoutFetchContender: Contender = {
  name: 'diagnostic: bare fetch + 30 s timeout signal',
  kind: 'diagnostic',
  setup: (url, fetchImpl) => handWritten(url, sendWithTimeout(fetchImpl)),
}

export const kyContender: Contender = {
  name: 'ky',
  kind: 'alternative',
  setup(url, fetchImpl) {
    const withFetch = fetchImpl ? { fetch: fetchImpl } : {}
    const nutshell = ky.create({ baseUrl: url, headers: { authorization: BASIC }, ...withFetch })
    const nutan = ky.create({ baseUrl: url, headers: { authorization: BEARER }, ...withFetch })
    return {
      leads: async () => (await nutshell.get(`rest/leads?${LEADS_QUERY}`).json<LeadsBody>()).leads.length,
      async patch() {
        await nutshell.patch(`rest/leads/${LEAD_ID}`, {
          body: JSON.stringify(LEAD_PATCH),
          headers: { 'content-type': JSON_PATCH },
        })
        return 0
      },
      nutanList: async () =>
        (await nutan.get('v1/contacts', { searchParams: { limit: 50, offset: 0 } }).json<NutanBody>()).data
          .length,
    }
  },
}

export const axiosContender: Contender = {
  name: 'axios',
  kind: 'alternative',
  setup(url, fetchImpl) {
    // Over loopback axios uses its default (Node http) adapter; given a fetch, its fetch adapter over it.
    const withFetch = fetchImpl ? { adapter: 'fetch' as const, env: { fetch: fetchImpl } } : {}
    const nutshell = axios.create({ baseURL: url, headers: { authorization: BASIC }, ...withFetch })
    const nutan = axios.create({ baseURL: url, headers: { authorization: BEARER }, ...withFetch })
    return {
      leads: async () => (await nutshell.get<LeadsBody>(`/rest/leads?${LEADS_QUERY}`)).data.leads.length,
      async patch() {
        await nutshell.patch(`/rest/leads/${LEAD_ID}`, LEAD_PATCH, {
          headers: { 'content-type': JSON_PATCH },
        })
        return 0
      },
      nutanList: async () =>
        (await nutan.get<NutanBody>('/v1/contacts', { params: { limit: 50, offset: 0 } })).data.data.length,
    }
  },
}

export const octokitContender: Contender = {
  name: '@octokit/core',
  kind: 'alternative',
  setup(url, fetchImpl) {
    const octokit = new Octokit({ baseUrl: url, ...(fetchImpl ? { request: { fetch: fetchImpl } } : {}) })
    return {
      async leads() {
        const res = await octokit.request('GET /rest/leads', {
          'page[page]': 0,
          'page[limit]': 50,
          headers: { authorization: BASIC },
        })
        return (res.data as LeadsBody).leads.length
      },
      async patch() {
        await octokit.request('PATCH /rest/leads/{id}', {
          id: LEAD_ID,
          data: JSON.stringify(LEAD_PATCH),
          headers: { authorization: BASIC, 'content-type': JSON_PATCH },
        })
        return 0
      },
      async nutanList() {
        const res = await octokit.request('GET /v1/contacts', {
          limit: 50,
          offset: 0,
          headers: { authorization: BEARER },
        })
        return (res.data as NutanBody).data.length
      },
    }
  },
}

export const openaiContender: Contender = {
  name: 'openai (generic client)',
  kind: 'alternative',
  setup(url, fetchImpl) {
    const withFetch = fetchImpl ? { fetch: fetchImpl } : {}
    const nutshell = new OpenAI({
      apiKey: 'x',
      baseURL: url,
      defaultHeaders: { authorization: BASIC },
      ...withFetch,
    })
    const nutan = new OpenAI({ apiKey: ACCESS_TOKEN, baseURL: url, ...withFetch })
    return {
      leads: async () =>
        (await nutshell.get<LeadsBody>('/rest/leads', { query: { 'page[page]': 0, 'page[limit]': 50 } }))
          .leads.length,
      async patch() {
        await nutshell.patch(`/rest/leads/${LEAD_ID}`, {
          body: LEAD_PATCH,
          headers: { 'content-type': JSON_PATCH },
        })
        return 0
      },
      nutanList: async () =>
        (await nutan.get<NutanBody>('/v1/contacts', { query: { limit: 50, offset: 0 } })).data.length,
    }
  },
}

/** The alternatives the SDK is compared with, in table order. */
export const ALTERNATIVES: Contender[] = [kyContender, axiosContender, openaiContender, octokitContender]
