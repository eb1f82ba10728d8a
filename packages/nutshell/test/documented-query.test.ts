// Query parameters as Nutshell's OpenAPI document names them (../shared/reference/nutshell-openapi.json,
// facts in openapi-manifest.json): the rules a user relies on when a list call reaches the live service.
import { describe, expect, it } from 'vitest'
import { InputValidationError, NutshellClient } from '../src'

interface Seen {
  url: URL
  /** The raw query pairs, decoded, in order (`filter[assignee]` and `filter[assignee][]` kept apart). */
  pairs: [string, string][]
}

/** A client over a recording fetch; `answer` builds each response body from the request URL. */
function recording(answer: (url: URL, n: number) => unknown) {
  const seen: Seen[] = []
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    seen.push({ url, pairs: [...url.searchParams.entries()] })
    return new Response(JSON.stringify(answer(url, seen.length - 1)), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    })
  }
  const ns = new NutshellClient({ email: 'ada@example.com', apiKey: 'key-123', fetch, maxRetries: 0 })
  return { ns, seen }
}

const activity = (n: number) => ({ id: `${n}-activities`, type: 'activities', name: `Call ${n}` })
const user = (n: number) => ({ id: `${n}-users`, type: 'users', name: `User ${n}` })
const task = (n: number) => ({ id: `${n}-tasks`, type: 'tasks', title: `Task ${n}` })

describe('GET /activities pages with `limit`, the only paging parameter the document declares', () => {
  it('activities.list({ limit }) sends limit=N and no page[page] or page[limit]', async () => {
    const { ns, seen } = recording(() => ({ meta: {}, activities: [activity(1)] }))
    await ns.activities.list({ limit: 5 })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.url.pathname).toBe('/rest/activities')
    expect(seen[0]!.pairs).toEqual([['limit', '5']])
  })

  it('activities.list() sends no paging parameter at all when the caller gives no limit', async () => {
    const { ns, seen } = recording(() => ({ meta: {}, activities: [activity(1)] }))
    await ns.activities.list()
    expect(seen[0]!.pairs).toEqual([])
  })

  it('for await walks the records once: a service that ignores page[...] is not asked again for the same records', async () => {
    // The documented service answers `limit` records and has no page index: every request is the first page.
    const { ns, seen } = recording((url) => {
      const limit = Number(url.searchParams.get('limit') ?? 3)
      return { meta: { total: 9 }, activities: [1, 2, 3, 4, 5, 6, 7, 8, 9].slice(0, limit).map(activity) }
    })
    const ids: string[] = []
    for await (const a of ns.activities.list({ limit: 3 })) ids.push(a.id)
    expect(ids).toEqual(['1-activities', '2-activities', '3-activities'])
    expect(seen).toHaveLength(1)
  })

  it('refuses a page index for activities (the document has none) before any request', async () => {
    const { ns, seen } = recording(() => ({ activities: [] }))
    await expect(ns.activities.list({ page: 1 } as never)).rejects.toBeInstanceOf(InputValidationError)
    expect(seen).toHaveLength(0)
  })
})

describe('filters the document names without [] go without []', () => {
  it('activities: filter[dateMin], filter[dateMax], filter[flagged], filter[isImportant], filter[activityType] without []; filter[status][] and filter[participant][] with []', async () => {
    const { ns, seen } = recording(() => ({ activities: [] }))
    await ns.activities.list({
      filter: {
        dateMin: '2024-01-01',
        dateMax: new Date('2024-02-01T00:00:00.000Z'),
        flagged: true,
        isImportant: false,
        activityType: [1, 2],
        status: ['logged'],
        participant: '3-contacts',
        leadPriority: 'hot',
      },
    })
    expect(seen[0]!.pairs).toEqual([
      ['filter[dateMin]', '2024-01-01'],
      ['filter[dateMax]', '2024-02-01T00:00:00.000Z'],
      ['filter[flagged]', 'true'],
      ['filter[isImportant]', 'false'],
      ['filter[activityType]', '1'],
      ['filter[activityType]', '2'],
      ['filter[status][]', 'logged'],
      ['filter[participant][]', '3-contacts'],
      ['filter[leadPriority][]', 'hot'],
    ])
  })

  it('tasks: every documented filter (assignee, relatedEntity, dateMin, dateMax) goes without []', async () => {
    const { ns, seen } = recording(() => ({ tasks: [task(1)] }))
    await ns.tasks.list({
      filter: {
        assignee: ['1-users', '2-users'],
        relatedEntity: '1001-leads',
        dateMin: '2024-01-01',
        dateMax: '2024-12-31',
      },
    })
    const filters = seen[0]!.pairs.filter(([k]) => k.startsWith('filter'))
    expect(filters).toEqual([
      ['filter[assignee]', '1-users'],
      ['filter[assignee]', '2-users'],
      ['filter[relatedEntity]', '1001-leads'],
      ['filter[dateMin]', '2024-01-01'],
      ['filter[dateMax]', '2024-12-31'],
    ])
  })

  it('tasks: a single assignee goes as filter[assignee]=<id>', async () => {
    const { ns, seen } = recording(() => ({ tasks: [] }))
    await ns.tasks.list({ filter: { assignee: '1-users' } })
    expect(seen[0]!.pairs.filter(([k]) => k.startsWith('filter'))).toEqual([['filter[assignee]', '1-users']])
  })
})

describe('GET /events sends `events` as the document declares it', () => {
  it('events.list({ events }) sends one events=<kind> per kind (named `events`, form style, exploded), never events[]', async () => {
    const { ns, seen } = recording(() => ({ meta: {}, events: [] }))
    await ns.events.list({
      events: ['comments', 'assignments'],
      payloadTypes: ['leads'],
      creators: ['1-users'],
    })
    expect(seen[0]!.pairs).toEqual([
      ['events', 'comments'],
      ['events', 'assignments'],
      ['filters[payload][]', 'leads'],
      ['filters[creator][]', '1-users'],
    ])
  })
})

describe('GET /users pages by the meta.next link the document gives it (it declares no query parameters)', () => {
  const twoPages = (url: URL) =>
    url.searchParams.get('page') === '2'
      ? { meta: { total: 3 }, users: [user(3)] }
      : { meta: { total: 3, next: 'https://app.nutshell.com/rest/users?page=2' }, users: [user(1), user(2)] }

  it('users.list() sends no query parameters on the first page', async () => {
    const { ns, seen } = recording(twoPages)
    const page = await ns.users.list()
    expect(seen[0]!.url.pathname).toBe('/rest/users')
    expect(seen[0]!.pairs).toEqual([])
    expect(page.hasNextPage()).toBe(true)
  })

  it('for await over users.list() walks every page, following meta.next (its query, on the /users path)', async () => {
    const { ns, seen } = recording(twoPages)
    const ids: string[] = []
    for await (const u of ns.users.list()) ids.push(u.id)
    expect(ids).toEqual(['1-users', '2-users', '3-users'])
    expect(seen.map((s) => `${s.url.pathname}${s.url.search}`)).toEqual(['/rest/users', '/rest/users?page=2'])
  })

  it('stops when a page has no meta.next, and never follows a next link that asks for the same page again', async () => {
    const { ns, seen } = recording(() => ({
      meta: { next: 'https://app.nutshell.com/rest/users' },
      users: [user(1)],
    }))
    const all = await ns.users.list().toArray({ max: 10 })
    expect(all.map((u) => u.id)).toEqual(['1-users'])
    expect(seen).toHaveLength(1)
  })

  it('keeps the request on the configured host and the /users path whatever host or path meta.next names', async () => {
    const { ns, seen } = recording((url) =>
      url.searchParams.get('page') === '2'
        ? { users: [user(2)] }
        : { meta: { next: 'https://evil.example/steal?page=2' }, users: [user(1)] },
    )
    const all = await ns.users.list().toArray()
    expect(all.map((u) => u.id)).toEqual(['1-users', '2-users'])
    expect(seen.map((s) => s.url.href)).toEqual([
      'https://app.nutshell.com/rest/users',
      'https://app.nutshell.com/rest/users?page=2',
    ])
  })
})
