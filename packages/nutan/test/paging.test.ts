import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf } from './support/fake-nutan'

const contacts = Array.from({ length: 450 }, (_, i) => ({ id: `con_${i}`, name: `Contact ${i}` }))

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
  fake.use(http.get(`${BASE}/contacts`, ({ request }) => listOf(contacts, new URL(request.url))))
})

describe('limit/offset paging', () => {
  test('for await walks every record across pages, in order, once each', async () => {
    const ids: string[] = []
    for await (const contact of clientFor(fake).contacts.list({ limit: 100 })) ids.push(contact.id)
    expect(ids).toEqual(contacts.map((c) => c.id))
    expect(fake.to('/contacts').map((s) => s.query.get('offset'))).toEqual([null, '100', '200', '300', '400'])
  })

  test('the next offset follows the limit the server applied, not the one asked for', async () => {
    const pages = []
    for await (const page of clientFor(fake).contacts.list({ limit: 1000 }).pages())
      pages.push(page.items.length)
    // The fake caps limit at 200: asking for 1000 must not skip rows 200..999.
    expect(pages).toEqual([200, 200, 50])
    expect(fake.to('/contacts').map((s) => s.query.get('offset'))).toEqual([null, '200', '400'])
  })

  test('a page knows total, and whether another follows', async () => {
    const first = await clientFor(fake).contacts.list({ limit: 200, offset: 400 })
    expect(first.total).toBe(450)
    expect(first.items).toHaveLength(50)
    expect(first.hasNextPage()).toBe(false)
    const middle = await clientFor(fake).contacts.list({ limit: 200 })
    expect(middle.hasNextPage()).toBe(true)
    expect((await middle.getNextPage()).params).toMatchObject({ offset: 200, limit: 200 })
  })

  test('toArray stops at max without fetching further pages', async () => {
    const some = await clientFor(fake).contacts.list({ limit: 50 }).toArray({ max: 120 })
    expect(some).toHaveLength(120)
    expect(fake.to('/contacts')).toHaveLength(3)
  })

  test('without a total, paging stops at an empty page', async () => {
    fake.use(
      http.get(`${BASE}/meetings`, ({ request }) => {
        const offset = Number(new URL(request.url).searchParams.get('offset') ?? 0)
        return HttpResponse.json({ data: offset < 4 ? [{ id: `m${offset}` }, { id: `m${offset + 1}` }] : [] })
      }),
    )
    const ids = (await clientFor(fake).meetings.list({ limit: 2 }).toArray()).map((m) => m.id)
    expect(ids).toEqual(['m0', 'm1', 'm2', 'm3'])
  })
})
