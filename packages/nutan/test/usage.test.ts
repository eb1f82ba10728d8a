import { type InputValidationError, ServerError } from '@x/core'
import { beforeEach, describe, expect, test } from 'vitest'
import { type NutanTestServer, nutanServer } from './support/simulator'

let server: NutanTestServer
beforeEach(() => {
  server = nutanServer()
})

describe('usage.record', () => {
  test('posts the measurement to /v1/tokens and returns the record', async () => {
    const record = await server.client().usage.record({
      model: 'gpt-4o-mini',
      input_tokens: 1200,
      output_tokens: 300,
      feature: 'summary',
    })
    expect(record).toMatchObject({ model: 'gpt-4o-mini', input_tokens: 1200, output_tokens: 300 })
    expect(record.id).toEqual(expect.any(String))
    expect(server.to('/tokens', 'POST')[0]!.body).toEqual({
      model: 'gpt-4o-mini',
      input_tokens: 1200,
      output_tokens: 300,
      feature: 'summary',
    })
    expect(server.sim.db.usage).toEqual([record])
  })

  test('is never sent twice after the server may have recorded it (a 503 is not retried)', async () => {
    server.sim.faults.next({ status: 503, match: { method: 'POST', path: '/v1/tokens' } })
    const error = await server
      .client()
      .usage.record({ model: 'm', input_tokens: 1, output_tokens: 1 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServerError)
    expect(server.to('/tokens')).toHaveLength(1)
  })

  test('token counts must be non-negative integers', async () => {
    const error = await server
      .client()
      .usage.record({ model: 'm', input_tokens: 1.5, output_tokens: 1 })
      .catch((e: unknown) => e)
    expect((error as InputValidationError).field).toBe('input_tokens')
    expect(server.sent).toHaveLength(0)
  })
})
