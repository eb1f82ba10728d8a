// A small stateful stand-in for the Nutshell REST API, answering with the live service's shapes:
// wrapped arrays, side-loaded related records, 204 PATCH, HTML 401/404, JSON-string and `errors[]` 400s.
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import {
  API_KEY,
  account,
  BASE,
  contact,
  EMAIL,
  HTML_401,
  HTML_404,
  lead,
  OUTCOMES,
  productMap,
  user,
} from './fixtures'

type Rec = Record<string, unknown> & { id: string }

export interface SeenRequest {
  method: string
  url: URL
  headers: Headers
  body: unknown
  rawBody: string
}

const REQUEST_ID = 'req-7f3a'

function json(body: unknown, status = 200): Response {
  return HttpResponse.json(body as never, { status, headers: { 'x-nutshell-request-id': REQUEST_ID } })
}

function html(body: string, status: number): Response {
  return HttpResponse.html(body, { status, headers: { 'x-nutshell-request-id': REQUEST_ID } })
}

function badFilter(detail: string, key: string): Response {
  return json(
    {
      meta: { instanceId: '12345' },
      links: {},
      [key]: [],
      errors: [
        {
          id: null,
          type: 'errors',
          code: null,
          detail,
          href: null,
          status: '400',
          title: 'Invalid filter',
          field: null,
        },
      ],
    },
    400,
  )
}

/** Applies JSON Patch operations the way the service documents them (field replace, link add `/-`, remove `/<id>`). */
function applyPatch(
  type: string,
  record: Rec,
  ops: { op: string; path: string; value?: unknown }[],
): string | undefined {
  for (const op of ops) {
    const parts = op.path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    if (parts[0] !== type || parts[1] !== '0') return `Invalid path ${op.path}`
    const rest = parts.slice(2)
    if (rest[0] === 'links') {
      record.links ??= {}
      const links = record.links as Record<string, unknown>
      const name = rest[1]!
      if (op.op === 'replace') links[name] = op.value
      else if (op.op === 'add' && rest[2] === '-')
        links[name] = [...((links[name] as unknown[]) ?? []), op.value]
      else if (op.op === 'remove' && rest[2])
        links[name] = ((links[name] as unknown[]) ?? []).filter((id) => id !== rest[2])
      else return `Unsupported link operation ${op.op} ${op.path}`
    } else if (op.op === 'replace' || op.op === 'add') {
      record[rest.join('/')] = op.value
    } else return `Unsupported operation ${op.op}`
  }
  return undefined
}

export interface FakeOptions {
  leads?: number
}

/** Builds the fake's state, its msw handlers and a request log. */
export function createFakeNutshell(options: FakeOptions = {}) {
  const seen: SeenRequest[] = []
  const db: Record<string, Rec[]> = {
    users: [user(1, 'Ada Owner'), user(2, 'Bo Seller')],
    contacts: [contact(3, 'Gus Grill', ['5-accounts']), contact(4, 'Hana Ito')],
    accounts: [account(5, 'Acme Corp', ['3-contacts']), account(6, 'Globex')],
    leads: Array.from({ length: options.leads ?? 7 }, (_, i) => lead(1001 + i, i % 3 === 2 ? 'won' : 'open')),
    productMaps: [productMap(11, '21-products', 2), productMap(12, '22-products', 1)],
    products: [
      {
        id: '21-products',
        type: 'products',
        name: 'Widget',
        sku: 'W-1',
        price: { amount: 250, currency: 'USD', formatted: '$250.00' },
      },
      {
        id: '22-products',
        type: 'products',
        name: 'Gadget',
        sku: 'G-1',
        price: { amount: 99, currency: 'USD', formatted: '$99.00' },
      },
    ],
    activities: [
      {
        id: '31-activities',
        type: 'activities',
        name: 'Intro call',
        startTime: 1716890000,
        endTime: 1716893600,
        isLogged: true,
        links: { participants: ['3-contacts'], leads: ['1001-leads'] },
      },
    ],
    tasks: [
      {
        id: '41-tasks',
        type: 'tasks',
        title: 'Send quote',
        dueTime: null,
        recurrenceRule: null,
        links: { assignee: '1-users', relatedEntity: '1001-leads' },
      },
    ],
    notes: [
      {
        id: '51-notes',
        type: 'notes',
        body: 'Called, left a message',
        parentType: 'contacts',
        links: { parent: '3-contacts' },
      },
    ],
    tags: [{ id: '61-tags', type: 'tags', name: 'VIP', tagType: 'leads', colorType: '3', count: 2 }],
    sources: [
      { id: '71-sources', type: 'sources', name: 'Trade show', channel: { value: 2, display: 'Events' } },
    ],
  }
  const deleted: Record<string, Rec[]> = {}
  let nextId = 2000

  const find = (type: string, id: string) => db[type]?.find((r) => r.id === id || r.id.split('-')[0] === id)

  /** Related records the service side-loads beside leads. */
  const sideloads = (type: string, records: Rec[]) => {
    if (type !== 'leads') return {}
    const ids = (name: string) =>
      new Set(
        records.flatMap(
          (r) =>
            [(r.links as Record<string, unknown> | undefined)?.[name]].flat().filter(Boolean) as string[],
        ),
      )
    const owners = ids('owner')
    const contacts = ids('contacts')
    const accounts = ids('accounts')
    return {
      users: db.users!.filter((u) => owners.has(u.id)),
      contacts: db.contacts!.filter((c) => contacts.has(c.id)),
      accounts: db.accounts!.filter((a) => accounts.has(a.id)),
    }
  }

  const record = async (request: Request) => {
    const rawBody = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text()
    let body: unknown = rawBody
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined
    } catch {}
    seen.push({ method: request.method, url: new URL(request.url), headers: request.headers, body, rawBody })
  }

  const authorized = (request: Request) =>
    request.headers.get('authorization') === `Basic ${Buffer.from(`${EMAIL}:${API_KEY}`).toString('base64')}`

  const guard =
    (
      fn: (info: {
        request: Request
        params: Record<string, string | readonly string[] | undefined>
      }) => Response | Promise<Response>,
    ) =>
    async (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      await record(info.request)
      if (!authorized(info.request)) return html(HTML_401, 401)
      return fn(info)
    }

  const list = (type: string, opts: { paged?: boolean; bare?: boolean } = {}) =>
    http.get(
      `${BASE}/${type}`,
      guard(({ request }) => {
        const url = new URL(request.url)
        const page = Number(url.searchParams.get('page[page]') ?? 0)
        const limit = Number(url.searchParams.get('page[limit]') ?? 20)
        if (page < 0) return badFilter(`Invalid page number: ${page}`, type)
        let rows = [...(db[type] ?? [])]
        const statuses = url.searchParams.getAll('filter[status][]')
        if (statuses.length) rows = rows.filter((r) => statuses.includes(String(r.status)))
        const q = url.searchParams.get('q')
        if (q)
          rows = rows.filter((r) =>
            String(r.name ?? '')
              .toLowerCase()
              .includes(q.toLowerCase()),
          )
        const sort = url.searchParams.get('sort')
        if (sort === '-name') rows.reverse()
        const total = rows.length
        if (opts.paged !== false) rows = rows.slice(page * limit, page * limit + limit)
        if (opts.bare) return json(rows)
        return json({
          meta: {
            count: rows.length,
            countFormatted: String(rows.length),
            total,
            totalFormatted: String(total),
            instanceId: '12345',
          },
          links: {},
          [type]: rows,
          ...sideloads(type, rows),
        })
      }),
    )

  const get = (type: string) =>
    http.get(
      `${BASE}/${type}/:ids`,
      guard(({ params }) => {
        const ids = String(params.ids).split(',')
        const rows = ids.map((id) => find(type, id))
        if (rows.some((r) => !r)) return html(HTML_404, 404)
        return json({
          meta: { instanceId: '12345' },
          links: {},
          [type]: rows,
          ...sideloads(type, rows as Rec[]),
        })
      }),
    )

  const create = (
    type: string,
    answer: 'wrapped' | 'bare',
    unwrap: (body: Record<string, unknown>) => unknown,
  ) =>
    http.post(
      `${BASE}/${type}`,
      guard(async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>
        const input = unwrap(body)
        if (Array.isArray(input) && input.length > 1)
          return json(`You may only create one ${type} resource per request.`, 400)
        const fields = (Array.isArray(input) ? input[0] : input) as Record<string, unknown> | undefined
        if (!fields) return badFilter('Missing record', type)
        const created: Rec = { ...fields, id: `${nextId++}-${type}`, type, links: fields.links ?? {} }
        if (type === 'leads') created.status = 'open'
        db[type]!.push(created)
        return json(answer === 'bare' ? created : { meta: {}, links: {}, [type]: [created] }, 201)
      }),
    )

  const patch = (type: string, contentType = 'application/json-patch+json') =>
    http.patch(
      `${BASE}/${type}/:id`,
      guard(async ({ request, params }) => {
        if (!(request.headers.get('content-type') ?? '').startsWith(contentType)) {
          return json('application/json-patch+json is required, see http://jsonapi.org', 400)
        }
        const target = find(type, String(params.id))
        if (!target) return html(HTML_404, 404)
        const ops = (await request.json()) as { op: string; path: string; value?: unknown }[]
        if (!Array.isArray(ops) || ops.length === 0) return json('No patches sent', 400)
        const problem = applyPatch(type, target, ops)
        if (problem) return badFilter(problem, type)
        return new HttpResponse(null, { status: 204, headers: { 'x-nutshell-request-id': REQUEST_ID } })
      }),
    )

  const remove = (type: string, status: 200 | 204) =>
    http.delete(
      `${BASE}/${type}/:id`,
      guard(({ params }) => {
        const target = find(type, String(params.id))
        if (!target) return html(HTML_404, 404)
        db[type] = db[type]!.filter((r) => r !== target)
        deleted[type] = [...(deleted[type] ?? []), target]
        if (status === 204) return new HttpResponse(null, { status: 204 })
        return json({ meta: {}, links: {}, [type]: [{ ...target, deletedTime: 1716899999 }] })
      }),
    )

  const undelete = (type: string, answer: 'wrapped' | 'bare') =>
    http.post(
      `${BASE}/${type}/:id/undelete`,
      guard(({ params }) => {
        const target = deleted[type]?.find((r) => r.id === params.id)
        if (!target) return html(HTML_404, 404)
        deleted[type] = deleted[type]!.filter((r) => r !== target)
        db[type]!.push(target)
        return json(answer === 'bare' ? target : { meta: {}, links: {}, [type]: [target] })
      }),
    )

  const leadAction = (
    action: string,
    apply: (lead: Rec, body: Record<string, unknown>) => Response | undefined,
  ) =>
    http.post(
      `${BASE}/leads/:id/${action}`,
      guard(async ({ request, params }) => {
        const target = find('leads', String(params.id))
        if (!target) return html(HTML_404, 404)
        const text = await request.text()
        const problem = apply(target, text ? (JSON.parse(text) as Record<string, unknown>) : {})
        return problem ?? json(target)
      }),
    )

  const handlers = [
    list('leads'),
    http.get(
      `${BASE}/outcomes`,
      guard(() => json({ meta: {}, links: {}, outcomes: OUTCOMES })),
    ),
    get('leads'),
    create('leads', 'wrapped', (b) => b.leads),
    patch('leads'),
    remove('leads', 200),
    undelete('leads', 'bare'),
    leadAction('status', (target, body) => {
      const outcome = OUTCOMES.find((o) => o.id === body.outcomeId)
      if (!outcome) return badFilter(`Invalid outcome ${String(body.outcomeId)}`, 'leads')
      target.status = outcome.status
      ;(target.links as Record<string, unknown>).outcome = outcome.id
      return undefined
    }),
    leadAction('reopen', (target) => {
      target.status = 'open'
      ;(target.links as Record<string, unknown>).outcome = null
      return undefined
    }),
    leadAction('stageset', (target, body) => {
      ;(target.links as Record<string, unknown>).stageset = body.stageset
      return undefined
    }),
    list('contacts'),
    get('contacts'),
    create('contacts', 'wrapped', (b) => b.contacts),
    patch('contacts'),
    remove('contacts', 204),
    undelete('contacts', 'wrapped'),
    list('accounts'),
    get('accounts'),
    create('accounts', 'bare', (b) => b.accounts),
    patch('accounts'),
    remove('accounts', 200),
    undelete('accounts', 'bare'),
    list('activities'),
    get('activities'),
    create('activities', 'wrapped', (b) => b.activities),
    http.put(
      `${BASE}/activities/:id`,
      guard(async ({ request, params }) => {
        const target = find('activities', String(params.id))
        if (!target) return html(HTML_404, 404)
        const body = (await request.json()) as { activities: Record<string, unknown>[] }
        Object.assign(target, body.activities[0])
        return json({ meta: {}, links: {}, activities: [target] })
      }),
    ),
    list('tasks'),
    get('tasks'),
    create('tasks', 'wrapped', (b) => b),
    patch('tasks', 'application/json'),
    list('notes'),
    get('notes'),
    create('notes', 'bare', (b) => b.data),
    list('products', { paged: false }),
    get('products'),
    http.get(
      `${BASE}/stagesets`,
      guard(() => json([{ id: '1-stagesets', name: 'Sales', default: true, canAccess: true, status: 1 }])),
    ),
    http.get(
      `${BASE}/stages`,
      guard(() =>
        json([
          { id: '101-stages', name: 'Qualify', position: 1, links: [{ stageset: '1-stagesets' }] },
          { id: '102-stages', name: 'Propose', position: 2, links: [{ stageset: '1-stagesets' }] },
        ]),
      ),
    ),
    list('users', { paged: false }),
    get('users'),
    list('tags', { paged: false }),
    create('tags', 'wrapped', (b) => b.tags),
    list('sources', { paged: false }),
    create('sources', 'wrapped', (b) => b.sources),
  ]

  // msw matches `/productmaps` case-sensitively; the REST path is lower-case.
  handlers.push(
    http.get(
      `${BASE}/productmaps/:ids`,
      guard(({ params }) => {
        const rows = String(params.ids)
          .split(',')
          .map((id) => find('productMaps', id))
        if (rows.some((r) => !r)) return html(HTML_404, 404)
        return json({ meta: {}, productMaps: rows })
      }),
    ),
  )

  return { db, seen, handlers, requestId: REQUEST_ID, server: setupServer(...handlers) }
}

export type FakeNutshell = ReturnType<typeof createFakeNutshell>
