import { InputValidationError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
let ids: string[]
beforeEach(() => {
  // This simulator serves a limit above the maximum (200) as 200 rather than answering 400.
  server = nutanServer({ size: { contacts: 450 }, overLimit: 'clamp' })
  ids = [...server.sim.db.contacts.keys()]
})

describe('limit/offset paging', () => {
  test('for await walks every record across pages, in order, once each', async () => {
    expect(ids).toHaveLength(450)
    const seen: string[] = []
    for await (const contact of server.client().contacts.list({ limit: 100 })) seen.push(contact.id)
    expect(seen).toEqual(ids)
    expect(server.to('/contacts').map((s) => s.query.get('offset'))).toEqual([
      null,
      '100',
      '200',
      '300',
      '400',
    ])
  })

  test('the next offset follows the limit the server applied, not the one asked for', async () => {
    // A server that serves at most 150 rows a page, whatever limit was asked for (and says so in `limit`).
    server.use(
      http.get('*/v1/contacts', async ({ request }) => {
        const url = new URL(request.url)
        url.searchParams.set('limit', '150')
        return HttpResponse.json(await (await server.sim.fetch(new Request(url, request))).json())
      }),
    )
    const pages = []
    const seen: string[] = []
    for await (const page of server.client().contacts.list({ limit: 200 }).pages()) {
      pages.push(page.items.length)
      seen.push(...page.items.map((c) => c.id))
    }
    // Asking for 200 and getting 150 must not skip rows 150..199.
    expect(pages).toEqual([150, 150, 150])
    expect(seen).toEqual(ids)
    expect(server.to('/contacts').map((s) => s.query.get('offset'))).toEqual([null, '150', '300'])
  })

  test('a limit above the service maximum (200) is refused before any request, naming `limit`', async () => {
    for (const limit of [201, 1000, 0, -1, 1.5]) {
      const error = await server
        .client()
        .contacts.list({ limit })
        .then(
          () => undefined,
          (e: unknown) => e,
        )
      expect(error, String(limit)).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('limit')
    }
    expect((await server.client().contacts.list({ limit: 200 })).items).toHaveLength(200)
    expect(server.to('/contacts')).toHaveLength(1)
  })

  test('a page knows total, and whether another follows', async () => {
    const first = await server.client().contacts.list({ limit: 200, offset: 400 })
    expect(first.total).toBe(450)
    expect(first.items).toHaveLength(50)
    expect(first.hasNextPage()).toBe(false)
    const middle = await server.client().contacts.list({ limit: 200 })
    expect(middle.hasNextPage()).toBe(true)
    expect((await middle.getNextPage()).params).toMatchObject({ offset: 200, limit: 200 })
  })

  test('toArray stops at max without fetching further pages', async () => {
    const some = await server.client().contacts.list({ limit: 50 }).toArray({ max: 120 })
    expect(some.map((c) => c.id)).toEqual(ids.slice(0, 120))
    expect(server.to('/contacts')).toHaveLength(3)
  })

  test('without a total, paging stops at an empty page', async () => {
    // A server that leaves `total` out of its list envelope: the simulator's pages, minus that field.
    server.use(
      http.get('*/v1/meetings', async ({ request }) => {
        const { total: _total, ...envelope } = await (await server.sim.fetch(request)).json()
        return HttpResponse.json(envelope)
      }),
    )
    const meetings = [...server.sim.db.meetings.keys()]
    expect(meetings.length % 2).toBe(0)
    const seen = (await server.client().meetings.list({ limit: 2 }).toArray()).map((m) => m.id)
    expect(seen).toEqual(meetings)
    // One request per page of 2, and one more that comes back empty.
    expect(server.to('/meetings')).toHaveLength(meetings.length / 2 + 1)
  })
})
