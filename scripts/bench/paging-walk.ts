// One paging walk in a fresh process (run with --expose-gc): the SDK's `for await` (at a concurrency), a
// hand-written loop over bare fetch, or a peer's own auto-pagination, over every record the server holds.
// Prints one JSON line of figures: time, heap (sampled at every page, and retained after a forced GC every
// few pages), the most requests ever in flight at once, 429 answers seen, and the error if the walk failed.
// Usage: node --expose-gc scripts/bench/paging-walk.ts <walker> <url> <limit> [pagesPerGc] [concurrency] [--rate-limited]
//   walkers: nutshell-sdk, nutshell-fetch, nutan-sdk, nutan-fetch (deals), openai, octokit
import { Octokit } from '@octokit/rest'
import OpenAI from 'openai'
import { CursorPage } from 'openai/pagination'
import { ACCESS_TOKEN, API_KEY, EMAIL } from './contenders.ts'
import { loadPackage, nutanClient, nutshellClient } from './sdk.ts'

const args = process.argv.slice(2)
const rateLimited = args.includes('--rate-limited')
const [walker, url, limitArg, gcArg, concurrencyArg] = args.filter((a) => !a.startsWith('--')) as [
  string,
  string,
  string,
  string?,
  string?,
]
const limit = Number(limitArg)
const concurrency = Number(concurrencyArg ?? 1)
const collect = (globalThis as { gc?: () => void }).gc
if (!collect) throw new Error('run with --expose-gc')

interface Sample {
  heapUsed: number
  rss: number
}

let records = 0
let checksum = 0
let gcMs = 0
let peakHeap = 0
let peakRss = 0
let firstPage: Sample | undefined
let maxRetainedHeap = 0
let pages = 0
let inFlight = 0
let maxInFlight = 0
let requests = 0
let rateLimitedAnswers = 0
// Every this many pages, a forced GC measures what the walk really holds (peak heap alone counts garbage).
const retainedEvery = Math.max(1, Math.floor(Number(gcArg ?? 20)))

/** `fetch` that counts requests in flight and 429 answers; every walker sends through it. */
const counting: typeof fetch = async (input, init) => {
  requests++
  maxInFlight = Math.max(maxInFlight, ++inFlight)
  try {
    const res = await fetch(input, init)
    if (res.status === 429) rateLimitedAnswers++
    return res
  } finally {
    inFlight--
  }
}

function retained(): Sample {
  const t0 = performance.now()
  collect!()
  gcMs += performance.now() - t0
  const { heapUsed, rss } = process.memoryUsage()
  return { heapUsed, rss }
}

/** Called once per page while that page is still referenced by the walker. */
function onPage(): void {
  pages++
  const { heapUsed, rss } = process.memoryUsage()
  peakHeap = Math.max(peakHeap, heapUsed)
  peakRss = Math.max(peakRss, rss)
  if (!firstPage) {
    firstPage = retained()
    maxRetainedHeap = firstPage.heapUsed
  } else if (pages % retainedEvery === 0) {
    maxRetainedHeap = Math.max(maxRetainedHeap, retained().heapUsed)
  }
}

function consume(record: { id?: unknown }): void {
  records++
  checksum += String(record.id).length
}

async function forAwait(items: AsyncIterable<unknown>): Promise<void> {
  for await (const item of items) {
    if (records % limit === 0) onPage()
    consume(item as { id?: unknown })
  }
}

interface Lister {
  list(params: object, options?: object): AsyncIterable<unknown>
}

/**
 * The SDK's walk at `concurrency`: `list({ limit }, { concurrency })`. Until the SDK knows the option, a
 * walk at concurrency 1 runs without it (as it did before the option existed).
 */
function sdkWalk(lister: Lister): () => Promise<void> {
  return async () => {
    try {
      await forAwait(lister.list({ limit }, { concurrency }))
    } catch (error) {
      const unknownOption = /concurrency/i.test(String((error as Error)?.message)) && records === 0
      if (!(unknownOption && concurrency === 1)) throw error
      await forAwait(lister.list({ limit }))
    }
  }
}

async function nutshellFetch(): Promise<void> {
  const headers = { accept: 'application/json', authorization: `Basic ${btoa(`${EMAIL}:${API_KEY}`)}` }
  for (let page = 0; ; page++) {
    const res = await counting(`${url}/rest/leads?page%5Bpage%5D=${page}&page%5Blimit%5D=${limit}`, {
      headers,
    })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const body = (await res.json()) as { meta: { total: number }; leads: { id: string }[] }
    if (body.leads.length === 0) break
    onPage()
    for (const lead of body.leads) consume(lead)
    if (records >= body.meta.total) break
  }
}

async function nutanFetch(): Promise<void> {
  const headers = { accept: 'application/json', authorization: `Bearer ${ACCESS_TOKEN}` }
  for (let offset = 0; ; ) {
    const res = await counting(`${url}/v1/deals?limit=${limit}&offset=${offset}`, { headers })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const body = (await res.json()) as { total: number; data: { id: string }[] }
    if (body.data.length === 0) break
    onPage()
    for (const deal of body.data) consume(deal)
    offset += body.data.length
    if (offset >= body.total) break
  }
}

/** openai-node's own auto-pagination (`for await` over a CursorPage list) against /peer/cursor. */
function openaiWalk(): () => Promise<void> {
  const client = new OpenAI({ apiKey: ACCESS_TOKEN, baseURL: url, fetch: counting })
  return () => forAwait(client.getAPIList('/peer/cursor', CursorPage<{ id: string }>, { query: { limit } }))
}

/** Octokit's paginate (its memory-bounded `iterator`, page by page) against /peer/link. */
function octokitWalk(): () => Promise<void> {
  const octokit = new Octokit({ baseUrl: url, request: { fetch: counting } })
  return async () => {
    for await (const response of octokit.paginate.iterator('GET /peer/link', { per_page: limit })) {
      onPage()
      for (const deal of response.data as { id: string }[]) consume(deal)
    }
  }
}

async function nutanSdk(): Promise<() => Promise<void>> {
  // Under a server limit the client budget gives way to the adaptive limiter (NutshellClient's default).
  const options: Record<string, unknown> = { fetch: counting }
  if (rateLimited) {
    const core = (await loadPackage('@x/core')) as { createAdaptiveLimiter(): unknown }
    options.limiter = { global: core.createAdaptiveLimiter() }
  }
  const nutan = (await nutanClient(url, options)) as unknown as { deals: Lister }
  return sdkWalk(nutan.deals)
}

// Each walker is set up (client built, its package loaded) before the clock starts, then walks.
const walks: Record<string, () => Promise<() => Promise<void>> | (() => Promise<void>)> = {
  'nutshell-sdk': async () =>
    sdkWalk((await nutshellClient(url, { fetch: counting })).leads as unknown as Lister),
  'nutshell-fetch': () => nutshellFetch,
  'nutan-sdk': nutanSdk,
  'nutan-fetch': () => nutanFetch,
  openai: openaiWalk,
  octokit: octokitWalk,
}
const setup = walks[walker]
if (!setup) throw new Error(`unknown walker ${walker}`)
const walk = await setup()

const before = retained()
const began = performance.now()
let error: string | undefined
try {
  await walk()
} catch (caught) {
  error = `${(caught as Error).name}: ${(caught as Error).message}`.split('\n')[0]!.slice(0, 160)
}
const elapsedMs = performance.now() - began - gcMs
const after = retained()
process.stdout.write(
  `${JSON.stringify({
    walker,
    concurrency,
    records,
    pages,
    requests,
    maxInFlight,
    rateLimited: rateLimitedAnswers,
    checksum,
    elapsedMs,
    recordsPerSecond: (records / elapsedMs) * 1000,
    heapBefore: before.heapUsed,
    heapFirstPage: firstPage?.heapUsed,
    heapMaxRetained: maxRetainedHeap,
    heapPeak: peakHeap,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    rssFirstPage: firstPage?.rss,
    rssPeak: peakRss,
    ...(error ? { error } : {}),
  })}\n`,
)
