import { InputValidationError, NotFoundError } from '@x/core'
import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

const ada = {
  id: 'con_ada',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  company: 'Analytical',
  title: 'CTO',
  notes: null,
  created_at: '2025-06-01T10:00:00.000Z',
  updated_at: '2025-06-01T10:00:00.000Z',
  deleted_at: null,
}

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
  server.sim.db.contacts.set(ada.id, ada)
  // Same company, but the q filter must leave it out.
  server.sim.db.contacts.set('con_charles', {
    ...ada,
    id: 'con_charles',
    name: 'Charles Babbage',
    email: null,
  })
})

describe('contacts', () => {
  test('list sends limit, offset and filters, and reads total/limit/offset from the response', async () => {
    const page = await server.client().contacts.list({
      company: 'Analytical',
      q: 'ada',
      limit: 10,
      offset: 0,
    })
    expect(page.items).toEqual([ada])
    expect(page.total).toBe(1)
    expect(page.raw).toMatchObject({ total: 1, limit: 10, offset: 0 })
    const [sent] = server.to('/contacts', 'GET')
    expect(Object.fromEntries(sent!.query)).toEqual({
      company: 'Analytical',
      q: 'ada',
      limit: '10',
      offset: '0',
    })
    expect(sent!.headers.get('authorization')).toMatch(/^Bearer /)
  })

  test('create posts the fields and returns the created contact, unknown fields included', async () => {
    // A newer API version adds a field the SDK does not know.
    server = nutanServer({ extraFields: { contacts: { linkedin: 'ada' } } })
    const { data: contact, response } = await server
      .client()
      .contacts.create({ name: 'Ada Lovelace', email: 'ada@example.com' })
      .withResponse()
    expect(response.status).toBe(201)
    expect(server.to('/contacts', 'POST')[0]!.body).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    })
    expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', linkedin: 'ada' })
    expect(server.sim.db.contacts.get(contact.id)).toMatchObject({ name: 'Ada Lovelace' })
  })

  test('update patches only the given fields of the escaped id', async () => {
    server.sim.db.contacts.set('con 1&é', { ...ada, id: 'con 1&é' })
    const contact = await server.client().contacts.update('con 1&é', { title: 'CEO' })
    const [sent] = server.to('/contacts/con%201%26%C3%A9', 'PATCH')
    expect(sent!.body).toEqual({ title: 'CEO' })
    expect(contact).toMatchObject({ id: 'con 1&é', title: 'CEO', name: 'Ada Lovelace' })
    expect(server.sim.db.contacts.get('con 1&é')).toMatchObject({ title: 'CEO', email: 'ada@example.com' })
  })

  test('delete is a soft delete answered 204, resolving to undefined', async () => {
    await expect(server.client().contacts.delete(ada.id)).resolves.toBeUndefined()
    const [sent] = server.to(`/contacts/${ada.id}`, 'DELETE')
    expect(sent!.status).toBe(204)
    expect(server.sim.db.contacts.get(ada.id)!.deleted_at).toEqual(expect.any(String))
  })

  test('a 404 becomes NotFoundError with the status, path and request id', async () => {
    const error = await server
      .client()
      .contacts.delete('con_404')
      .catch((e: unknown) => e)
    const requestId = server.to('/contacts/con_404', 'DELETE')[0]!.responseHeaders!.get('x-request-id')
    expect(requestId).toMatch(/^req_/)
    expect(error).toBeInstanceOf(NotFoundError)
    expect(error).toMatchObject({
      status: 404,
      path: '/v1/contacts/con_404',
      requestId,
      code: 'not_found',
    })
  })

  test('a bad input rejects naming the field, before any request', async () => {
    const client = server.client()
    const created = await client.contacts.create({ name: '' }).catch((e: unknown) => e)
    expect(created).toBeInstanceOf(InputValidationError)
    expect((created as InputValidationError).field).toBe('name')
    const listed = await client.contacts.list({ limit: 0 }).catch((e: unknown) => e)
    expect((listed as InputValidationError).field).toBe('limit')
    const updated = await client.contacts.update('', { name: 'x' }).catch((e: unknown) => e)
    expect((updated as InputValidationError).field).toBe('id')
    expect(server.sent).toHaveLength(0)
    expect(server.sim.requests).toHaveLength(0)
  })
})
