import { InputValidationError, NotFoundError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan, listOf, nutanError } from './support/fake-nutan'

const ada = {
  id: 'con_1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  company: 'Analytical',
  title: 'CTO',
  notes: null,
  created_at: '2025-06-01T10:00:00Z',
  updated_at: '2025-06-01T10:00:00Z',
  deleted_at: null,
}

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
})

describe('contacts', () => {
  test('list sends limit, offset and filters, and reads total/limit/offset from the response', async () => {
    fake.use(http.get(`${BASE}/contacts`, ({ request }) => listOf([ada], new URL(request.url))))
    const page = await clientFor(fake).contacts.list({
      company: 'Analytical',
      q: 'ada',
      limit: 10,
      offset: 0,
    })
    expect(page.items).toEqual([ada])
    expect(page.total).toBe(1)
    expect(page.raw).toMatchObject({ total: 1, limit: 10, offset: 0 })
    const [sent] = fake.to('/contacts', 'GET')
    expect(Object.fromEntries(sent!.query)).toEqual({
      company: 'Analytical',
      q: 'ada',
      limit: '10',
      offset: '0',
    })
    expect(sent!.headers.get('authorization')).toMatch(/^Bearer /)
  })

  test('create posts the fields and returns the created contact, unknown fields included', async () => {
    fake.use(
      http.post(`${BASE}/contacts`, async ({ request }) =>
        HttpResponse.json(
          { ...ada, ...((await request.json()) as object), linkedin: 'ada' },
          { status: 201 },
        ),
      ),
    )
    const { data: contact, response } = await clientFor(fake)
      .contacts.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
      .withResponse()
    expect(response.status).toBe(201)
    expect(fake.to('/contacts', 'POST')[0]!.body).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com' })
    expect(contact).toMatchObject({ id: 'con_1', name: 'Ada Lovelace', linkedin: 'ada' })
  })

  test('update patches only the given fields of the escaped id', async () => {
    fake.use(
      http.patch(`${BASE}/contacts/:id`, async ({ request, params }) =>
        HttpResponse.json({ ...ada, id: params.id, ...((await request.json()) as object) }),
      ),
    )
    const contact = await clientFor(fake).contacts.update('con 1&é', { title: 'CEO' })
    const [sent] = fake.to('/contacts/con%201%26%C3%A9', 'PATCH')
    expect(sent!.body).toEqual({ title: 'CEO' })
    expect(contact.title).toBe('CEO')
  })

  test('delete is a soft delete answered 204, resolving to undefined', async () => {
    fake.use(http.delete(`${BASE}/contacts/:id`, () => new HttpResponse(null, { status: 204 })))
    await expect(clientFor(fake).contacts.delete('con_1')).resolves.toBeUndefined()
    expect(fake.to('/contacts/con_1', 'DELETE')).toHaveLength(1)
  })

  test('a 404 becomes NotFoundError with the status, path and request id', async () => {
    fake.use(
      http.delete(`${BASE}/contacts/:id`, () =>
        nutanError(404, 'not_found', 'Contact not found', { headers: { 'x-request-id': 'req_9' } }),
      ),
    )
    const error = await clientFor(fake)
      .contacts.delete('con_404')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({
      status: 404,
      path: '/v1/contacts/con_404',
      requestId: 'req_9',
      code: 'not_found',
    })
  })

  test('a bad input rejects naming the field, before any request', async () => {
    const client = clientFor(fake)
    const created = await client.contacts.create({ name: '' }).catch((e: unknown) => e)
    expect(created).toBeInstanceOf(InputValidationError)
    expect((created as InputValidationError).field).toBe('name')
    const listed = await client.contacts.list({ limit: 0 }).catch((e: unknown) => e)
    expect((listed as InputValidationError).field).toBe('limit')
    const updated = await client.contacts.update('', { name: 'x' }).catch((e: unknown) => e)
    expect((updated as InputValidationError).field).toBe('id')
    expect(fake.sent).toHaveLength(0)
  })
})
