import { type InputValidationError, ServerError } from '@x/core'
import { HttpResponse, http } from 'msw'
import { beforeEach, describe, expect, test } from 'vitest'
import { BASE, clientFor, createFakeNutan, type FakeNutan } from './support/fake-nutan'

let fake: FakeNutan
beforeEach(() => {
  fake = createFakeNutan()
})

describe('usage.record', () => {
  test('posts the measurement to /v1/tokens and returns the record', async () => {
    fake.use(
      http.post(`${BASE}/tokens`, async ({ request }) =>
        HttpResponse.json({ id: 'use_1', ...((await request.json()) as object) }, { status: 201 }),
      ),
    )
    const record = await clientFor(fake).usage.record({
      model: 'gpt-4o-mini',
      input_tokens: 1200,
      output_tokens: 300,
      feature: 'summary',
    })
    expect(record).toMatchObject({ id: 'use_1', model: 'gpt-4o-mini', input_tokens: 1200 })
    expect(fake.to('/tokens', 'POST')[0]!.body).toEqual({
      model: 'gpt-4o-mini',
      input_tokens: 1200,
      output_tokens: 300,
      feature: 'summary',
    })
  })

  test('is never sent twice after the server may have recorded it (a 503 is not retried)', async () => {
    fake.use(http.post(`${BASE}/tokens`, () => HttpResponse.json({ error: 'unavailable' }, { status: 503 })))
    const error = await clientFor(fake)
      .usage.record({ model: 'm', input_tokens: 1, output_tokens: 1 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(fake.to('/tokens')).toHaveLength(1)
  })

  test('token counts must be non-negative integers', async () => {
    const error = await clientFor(fake)
      .usage.record({ model: 'm', input_tokens: 1.5, output_tokens: 1 })
      .catch((e: unknown) => e)
    expect((error as InputValidationError).field).toBe('input_tokens')
    expect(fake.sent).toHaveLength(0)
  })
})
