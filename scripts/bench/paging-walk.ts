// One paging walk in a fresh process (run with --expose-gc): the SDK's `for await`, or a hand-written
// loop over bare fetch, over every record the server holds. Prints one JSON line of figures.
// Usage: node --expose-gc scripts/bench/paging-walk.ts <nutshell-sdk|nutshell-fetch|nutan-sdk|nutan-fetch> <url> <limit> [pagesPerGc]
import { ACCESS_TOKEN, API_KEY, EMAIL } from './contenders.ts'
import { nutanClient, nutshellClient } from './sdk.ts'

const [walker, url, limitArg, gcArg] = process.argv.slice(2) as [string, string, string, string?]
const limit = Number(limitArg)
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
// Every this many pages, a forced GC measures what the walk really holds (peak heap alone counts garbage).
const retainedEvery = Math.max(1, Math.floor(Number(gcArg ?? 20)))

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

async function nutshellFetch(): Promise<void> {
  const headers = { accept: 'application/json', authorization: `Basic ${btoa(`${EMAIL}:${API_KEY}`)}` }
  for (let page = 0; ; page++) {
    const res = await fetch(`${url}/rest/leads?page%5Bpage%5D=${page}&page%5Blimit%5D=${limit}`, { headers })
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
    const res = await fetch(`${url}/v1/contacts?limit=${limit}&offset=${offset}`, { headers })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const body = (await res.json()) as { total: number; data: { id: string }[] }
    if (body.data.length === 0) break
    onPage()
    for (const contact of body.data) consume(contact)
    offset += body.data.length
    if (offset >= body.total) break
  }
}

const walks: Record<string, () => Promise<void>> = {
  'nutshell-sdk': async () => forAwait((await nutshellClient(url)).leads.list({ limit })),
  'nutshell-fetch': nutshellFetch,
  'nutan-sdk': async () => forAwait((await nutanClient(url)).contacts.list({ limit })),
  'nutan-fetch': nutanFetch,
}
const walk = walks[walker]
if (!walk) throw new Error(`unknown walker ${walker}`)

const before = retained()
const began = performance.now()
await walk()
const elapsedMs = performance.now() - began - gcMs
const after = retained()
process.stdout.write(
  `${JSON.stringify({
    walker,
    records,
    pages,
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
  })}\n`,
)
