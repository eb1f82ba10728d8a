// `pnpm coverage`: every operation of Nutshell's REST document (packages/nutshell/openapi-manifest.json)
// beside the SDK method that calls it, or `—`. A pairing is proven, not declared: each entry of PAIRINGS
// is called through a client whose fetch records the request and answers with a plausible body, and
// counts only when the request it sends is its operation (method, and path with `{param}` = one segment).
//
//   node scripts/coverage.ts            the listing: `nutshell REST: N/112 operations`, then the typed
//                                       JSON-RPC methods and `nutshell JSON-RPC: N typed methods`
//   node scripts/coverage.ts --json     the same, machine-readable
//   node scripts/coverage.ts --min N    also exit 1 when fewer than N operations are covered
// Exit 1 when an entry sends another request, fails, repeats an operation, or names one the manifest
// does not have. Runs the built packages (./scripts/pnpm build first).
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { NutshellClient } from '@x/nutshell'
import { RPC_METHODS } from '@x/nutshell/rpc'
import { PAIRINGS as TABLE_CONTACTS_ACCOUNTS } from './coverage-pairings/contacts-accounts.ts'
import { PAIRINGS as TABLE_LEADS } from './coverage-pairings/leads.ts'
import { PAIRINGS as TABLE_LOOKUPS } from './coverage-pairings/lookups.ts'
import { PAIRINGS as TABLE_PRODUCTS } from './coverage-pairings/products.ts'
import { PAIRINGS as TABLE_QUOTES_INVOICES } from './coverage-pairings/quotes-invoices.ts'
import { type ManifestOperation, readManifest } from './nutshell-manifest.ts'

/** One covered operation: `METHOD path` as the document writes it, the SDK method, and a call that sends it. */
export interface Pairing {
  operation: string
  label: string
  call: (ns: NutshellClient) => PromiseLike<unknown>
}

// One entry per covered operation, in the manifest's order. Where a call sends several requests, the
// last one is the operation's (the label says what comes before it).
const FIRST_RELEASE: Pairing[] = [
  {
    operation: 'GET /accounts/{id}',
    label: 'ns.accounts.get(id | ids)',
    call: (ns) => ns.accounts.get('1-accounts'),
  },
  {
    operation: 'DELETE /accounts/{id}',
    label: 'ns.accounts.delete(id)',
    call: (ns) => ns.accounts.delete('1-accounts'),
  },
  {
    operation: 'PATCH /accounts/{id}',
    label: 'ns.accounts.update(id, changes)',
    call: (ns) => ns.accounts.update('1-accounts', { name: 'Acme Inc.' }),
  },
  {
    operation: 'GET /accounts',
    label: 'ns.accounts.list({ filter, sort, q, email })',
    call: (ns) => ns.accounts.list(),
  },
  {
    operation: 'POST /accounts',
    label: 'ns.accounts.create(input)',
    call: (ns) => ns.accounts.create({ name: 'Acme' }),
  },
  {
    operation: 'POST /accounts/{id}/undelete',
    label: 'ns.accounts.undelete(id)',
    call: (ns) => ns.accounts.undelete('1-accounts'),
  },
  {
    operation: 'GET /activities',
    label: 'ns.activities.list({ filter, q })',
    call: (ns) => ns.activities.list(),
  },
  {
    operation: 'POST /activities',
    label: 'ns.activities.create(input)',
    call: (ns) => ns.activities.create({ name: 'Call' }),
  },
  {
    operation: 'GET /activities/{id}',
    label: 'ns.activities.get(id | ids)',
    call: (ns) => ns.activities.get('1-activities'),
  },
  {
    operation: 'PUT /activities/{id}',
    label: 'ns.activities.update(id, changes)',
    call: (ns) => ns.activities.update('1-activities', { name: 'Call back' }),
  },
  {
    operation: 'GET /contacts/{id}',
    label: 'ns.contacts.get(id | ids)',
    call: (ns) => ns.contacts.get('1-contacts'),
  },
  {
    operation: 'DELETE /contacts/{id}',
    label: 'ns.contacts.delete(id)',
    call: (ns) => ns.contacts.delete('1-contacts'),
  },
  {
    operation: 'PATCH /contacts/{id}',
    label: 'ns.contacts.update(id, changes)',
    call: (ns) => ns.contacts.update('1-contacts', { name: 'Ada Lovelace' }),
  },
  {
    operation: 'GET /contacts',
    label: 'ns.contacts.list({ filter, sort, q, email })',
    call: (ns) => ns.contacts.list(),
  },
  {
    operation: 'POST /contacts',
    label: 'ns.contacts.create(input)',
    call: (ns) => ns.contacts.create({ name: 'Ada' }),
  },
  {
    operation: 'POST /contacts/{id}/undelete',
    label: 'ns.contacts.undelete(id)',
    call: (ns) => ns.contacts.undelete('1-contacts'),
  },
  { operation: 'GET /events', label: 'ns.events.list(params)', call: (ns) => ns.events.list() },
  {
    operation: 'GET /leads/{id}',
    label: 'ns.leads.get(id | ids) (also the first request of leads.products)',
    call: (ns) => ns.leads.get('1-leads'),
  },
  { operation: 'DELETE /leads/{id}', label: 'ns.leads.delete(id)', call: (ns) => ns.leads.delete('1-leads') },
  {
    operation: 'PATCH /leads/{id}',
    label: 'ns.leads.update(id, changes)',
    call: (ns) => ns.leads.update('1-leads', { description: 'Bigger deal' }),
  },
  { operation: 'GET /leads', label: 'ns.leads.list({ filter, sort, q })', call: (ns) => ns.leads.list() },
  {
    operation: 'POST /leads',
    label: 'ns.leads.create(input)',
    call: (ns) => ns.leads.create({ description: 'Deal' }),
  },
  {
    operation: 'POST /leads/{id}/reopen',
    label: 'ns.leads.reopen(id)',
    call: (ns) => ns.leads.reopen('1-leads'),
  },
  {
    operation: 'POST /leads/{id}/status',
    label: "ns.leads.close(id, { outcomeId } | 'won' | 'lost' | 'canceled': a name GETs /outcomes first)",
    call: (ns) => ns.leads.close('1-leads', { outcomeId: '1-outcomes' }),
  },
  {
    operation: 'POST /leads/{id}/stageset',
    label: 'ns.leads.setPipeline(id, stagesetId)',
    call: (ns) => ns.leads.setPipeline('1-leads', '1-stagesets'),
  },
  {
    operation: 'POST /leads/{id}/undelete',
    label: 'ns.leads.undelete(id)',
    call: (ns) => ns.leads.undelete('1-leads'),
  },
  { operation: 'GET /notes/{id}', label: 'ns.notes.get(id | ids)', call: (ns) => ns.notes.get('1-notes') },
  { operation: 'DELETE /notes/{id}', label: 'ns.notes.delete(id)', call: (ns) => ns.notes.delete('1-notes') },
  {
    operation: 'POST /notes/{id}/undelete',
    label: 'ns.notes.undelete(id)',
    call: (ns) => ns.notes.undelete('1-notes'),
  },
  { operation: 'GET /notes', label: 'ns.notes.list({ filter })', call: (ns) => ns.notes.list() },
  {
    operation: 'POST /notes',
    label: 'ns.notes.create({ body, links: { parent } })',
    call: (ns) => ns.notes.create({ body: 'Called back', links: { parent: '1-leads' } }),
  },
  {
    operation: 'GET /outcomes',
    label: "ns.outcomes.list() (also leads.close(id, 'won'), to find the outcome id)",
    call: (ns) => ns.outcomes.list(),
  },
  {
    operation: 'GET /products/{id}',
    label: 'ns.products.get(id | ids)',
    call: (ns) => ns.products.get('1-products'),
  },
  {
    operation: 'DELETE /products/{id}',
    label: 'ns.products.delete(id)',
    call: (ns) => ns.products.delete('1-products'),
  },
  {
    operation: 'POST /products/{id}/undelete',
    label: 'ns.products.undelete(id)',
    call: (ns) => ns.products.undelete('1-products'),
  },
  { operation: 'GET /products', label: 'ns.products.list({ q, sort })', call: (ns) => ns.products.list() },
  {
    operation: 'GET /productmaps/{id}',
    label: "ns.leads.products(id) (after GET /leads/{id}, when the lead's answer lacks its maps)",
    call: (ns) => ns.leads.products('1-leads'),
  },
  {
    operation: 'DELETE /sources/{id}',
    label: 'ns.sources.delete(id)',
    call: (ns) => ns.sources.delete('1-sources'),
  },
  {
    operation: 'POST /sources/{id}/undelete',
    label: 'ns.sources.undelete(id)',
    call: (ns) => ns.sources.undelete('1-sources'),
  },
  { operation: 'GET /sources', label: 'ns.sources.list({ q })', call: (ns) => ns.sources.list() },
  {
    operation: 'POST /sources',
    label: 'ns.sources.create(input)',
    call: (ns) => ns.sources.create({ name: 'Web' }),
  },
  { operation: 'GET /stages', label: 'ns.stages.list()', call: (ns) => ns.stages.list() },
  { operation: 'GET /stagesets', label: 'ns.pipelines.list()', call: (ns) => ns.pipelines.list() },
  { operation: 'DELETE /tags/{id}', label: 'ns.tags.delete(id)', call: (ns) => ns.tags.delete('1-tags') },
  { operation: 'GET /tags', label: 'ns.tags.list({ q, filter })', call: (ns) => ns.tags.list() },
  {
    operation: 'POST /tags',
    label: 'ns.tags.create(input)',
    call: (ns) => ns.tags.create({ name: 'vip', tagType: 'leads' }),
  },
  {
    operation: 'POST /tags/{id}/undelete',
    label: 'ns.tags.undelete(id)',
    call: (ns) => ns.tags.undelete('1-tags'),
  },
  { operation: 'GET /tasks/{id}', label: 'ns.tasks.get(id | ids)', call: (ns) => ns.tasks.get('1-tasks') },
  { operation: 'DELETE /tasks/{id}', label: 'ns.tasks.delete(id)', call: (ns) => ns.tasks.delete('1-tasks') },
  {
    operation: 'PATCH /tasks/{id}',
    label: 'ns.tasks.update(id, changes)',
    call: (ns) => ns.tasks.update('1-tasks', { title: 'Call again' }),
  },
  { operation: 'GET /tasks', label: 'ns.tasks.list({ filter, q })', call: (ns) => ns.tasks.list() },
  {
    operation: 'POST /tasks',
    label: 'ns.tasks.create(input)',
    call: (ns) => ns.tasks.create({ title: 'Call' }),
  },
  { operation: 'GET /users', label: 'ns.users.list()', call: (ns) => ns.users.list() },
  { operation: 'GET /users/{id}', label: 'ns.users.get(id | ids)', call: (ns) => ns.users.get('1-users') },
]

/** Every pairing: the operations the first release covered, then the groups added for full coverage. */
export const PAIRINGS: Pairing[] = [
  ...FIRST_RELEASE,
  ...TABLE_LOOKUPS,
  ...TABLE_LEADS,
  ...TABLE_CONTACTS_ACCOUNTS,
  ...TABLE_PRODUCTS,
  ...TABLE_QUOTES_INVOICES,
]

/** The answer's records, by collection (the path's first segment); other collections get `{ id, name }`. */
const RECORDS: Record<string, Record<string, unknown>> = {
  leads: { id: '1-leads', description: 'Deal', links: { productMaps: ['1-productmaps'] } },
  events: { id: '1-events', action: 'create', payloadType: 'leads', links: { payloads: ['1-leads'] } },
}
/** Where each collection's records sit in its answers, where that is not the path's first segment. */
const KEYS: Record<string, string> = {
  productmaps: 'productMaps',
  productcategories: 'productCategories',
  competitormaps: 'competitorMaps',
  audiences: 'emAudiences',
  forms: 'wfFields',
}

/** A plausible answer to a request: the operation's documented success status, its records under their key. */
function answer(path: string, operation: ManifestOperation | undefined): Response {
  const status = Number(operation?.responses.find((s) => s.startsWith('2')) ?? 200)
  if (status === 204) return new Response(null, { status })
  const collection = path.split('/')[1] ?? ''
  const record = RECORDS[collection] ?? { id: `1-${collection}`, name: 'Example' }
  const body = { [KEYS[collection] ?? collection]: [record], meta: { total: 1 } }
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

const key = (o: ManifestOperation) => `${o.method} ${o.path}`

/** Whether a request (`GET /leads/1-leads`, base path stripped) is this operation: each `{param}` one segment. */
function hits(o: ManifestOperation, method: string, path: string): boolean {
  const want = o.path.split('/')
  const got = path.split('/')
  return (
    o.method === method &&
    want.length === got.length &&
    want.every((s, i) => (s.startsWith('{') ? got[i] !== '' : s === got[i]))
  )
}

/** The operations a request is: the matching ones with the most literal segments (`/leads/list` over `/leads/{id}`). */
function operationsOf(operations: ManifestOperation[], method: string, path: string): ManifestOperation[] {
  const literals = (o: ManifestOperation) => o.path.split('/').filter((s) => !s.startsWith('{')).length
  const matching = operations.filter((o) => hits(o, method, path))
  const most = Math.max(...matching.map(literals))
  return matching.filter((o) => literals(o) === most)
}

export interface PairingResult {
  operation: string
  label: string
  /** The requests the call sent, `METHOD /path` with the base path stripped. */
  sent: string[]
  proven: boolean
  error?: string
}

export interface CoverageReport {
  total: number
  covered: number
  operations: { operation: string; tag: string | undefined; sdk: string | null }[]
  pairings: PairingResult[]
  /** Why the run fails: mismatches, failed calls, repeated or unknown operations. */
  problems: string[]
}

/** Runs every pairing against a recording fetch and pairs the manifest's operations with the proven ones. */
export async function coverage(
  makeClient: (fetch: typeof globalThis.fetch) => NutshellClient,
  pairingsToRun: readonly Pairing[] = PAIRINGS,
  operations: ManifestOperation[] = readManifest().operations,
): Promise<CoverageReport> {
  const byKey = new Map(operations.map((o) => [key(o), o]))
  const pairings: PairingResult[] = []
  const problems: string[] = []
  for (const pairing of pairingsToRun) {
    const operation = byKey.get(pairing.operation)
    const sent: string[] = []
    const recordingFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init)
      const path = new URL(request.url).pathname.replace(/^\/rest(?=\/)/, '')
      sent.push(`${request.method} ${path}`)
      return answer(path, operation)
    }
    const result: PairingResult = { operation: pairing.operation, label: pairing.label, sent, proven: false }
    try {
      await pairing.call(makeClient(recordingFetch))
    } catch (error) {
      result.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    }
    const last = sent.at(-1)?.split(' ') ?? []
    const hit = last.length === 2 ? operationsOf(operations, last[0] ?? '', last[1] ?? '') : []
    result.proven = operation !== undefined && result.error === undefined && hit.includes(operation)
    if (!operation) problems.push(`not in the manifest: ${pairing.operation} (${pairing.label})`)
    else if (result.error) problems.push(`failed: ${pairing.operation} ${pairing.label}: ${result.error}`)
    else if (!result.proven) {
      problems.push(`mismatch: ${pairing.operation} ${pairing.label} sent ${sent.join(', ') || 'nothing'}`)
    }
    if (pairings.some((p) => p.operation === pairing.operation)) {
      problems.push(`repeated: ${pairing.operation} has more than one entry`)
    }
    pairings.push(result)
  }
  const proven = new Map(pairings.filter((p) => p.proven).map((p) => [p.operation, p.label]))
  return {
    total: operations.length,
    covered: proven.size,
    operations: operations.map((o) => ({ operation: key(o), tag: o.tag, sdk: proven.get(key(o)) ?? null })),
    pairings,
    problems,
  }
}

/** The listing: one line per operation, the problems, then `nutshell REST: N/total operations`. */
export function formatCoverage(report: CoverageReport): string {
  const width = Math.max(...report.operations.map((o) => o.operation.length))
  return [
    ...report.operations.map((o) => `${o.operation.padEnd(width)}  ${o.sdk ?? '—'}`),
    ...report.problems,
    `nutshell REST: ${report.covered}/${report.total} operations`,
    '',
    ...rpcLines(),
  ].join('\n')
}

/**
 * The typed JSON-RPC methods, each beside the public source that confirmed it (the table in
 * packages/nutshell/src/rpc/methods.ts; each sends its own name, proven by rpc-table.test.ts).
 */
export function rpcLines(): string[] {
  const entries = Object.entries(RPC_METHODS)
  const width = Math.max(...entries.map(([name]) => name.length))
  return [
    ...entries.map(([name, m]) => `${name.padEnd(width)}  ${m.source}`),
    `nutshell JSON-RPC: ${entries.length} typed methods`,
  ]
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, min: { type: 'string' } } })
  const min = Number(values.min ?? 0)
  if (!Number.isInteger(min)) {
    console.error(`coverage: --min takes a whole number, got ${values.min}`)
    process.exitCode = 1
    return
  }
  const report = await coverage(
    (fetch) =>
      new NutshellClient({ email: 'coverage@example.com', apiKey: 'coverage-key', fetch, maxRetries: 0 }),
  )
  console.log(values.json ? JSON.stringify(report, null, 2) : formatCoverage(report))
  if (report.covered < min)
    console.error(`coverage: ${report.covered} operations covered, fewer than --min ${min}`)
  if (report.problems.length > 0 || report.covered < min) process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
