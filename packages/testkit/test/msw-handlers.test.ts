import { setupServer } from 'msw/node'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { basicAuth } from './helpers'

const sim = createNutshellSimulator()
const server = setupServer(...sim.handlers)

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }))
beforeEach(() => sim.reset())
afterAll(() => server.close())

describe('msw handlers', () => {
  test('answer the production URLs through the global fetch', async () => {
    const response = await fetch('https://app.nutshell.com/rest/leads?page[limit]=3', {
      headers: { authorization: basicAuth(sim) },
    })
    expect(response.status).toBe(200)
    expect((await response.json()).leads).toHaveLength(3)
    expect(response.headers.get('x-nutshell-request-id')).toBeTruthy()
  })

  test('answer any origin, including JSON-RPC and discovery', async () => {
    const discovery = await fetch('https://api.nutshell.com/v1/json', {
      method: 'POST',
      body: JSON.stringify({ method: 'getApiForUsername', params: { username: 'a@b.c' }, id: '1' }),
    })
    expect((await discovery.json()).result.api).toBe('app.nutshell.com')
    const call = await fetch('https://app01.nutshell.com/api/v1/json', {
      method: 'POST',
      headers: { authorization: basicAuth(sim) },
      body: JSON.stringify({ method: 'findUsers', params: {}, id: '2' }),
    })
    expect((await call.json()).result.length).toBeGreaterThan(0)
  })

  test('apply the same faults: a dropped connection is a network error', async () => {
    sim.faults.next({ drop: true })
    await expect(
      fetch('https://app.nutshell.com/rest/users', { headers: { authorization: basicAuth(sim) } }),
    ).rejects.toThrow(TypeError)
    sim.faults.next({ status: 500, body: 'string' })
    const failed = await fetch('https://app.nutshell.com/rest/users', {
      headers: { authorization: basicAuth(sim) },
    })
    expect(failed.status).toBe(500)
    expect(await failed.json()).toBe('Internal Error')
  })
})
