// The rule: a scoped client checks every Nutshell REST method against the effect its operation-table entry
// declares. Granted everything but that effect, a call is refused before any request; granted exactly it
// (and read, which every grant implies for listing), the call is not refused by the policy.
import { PermissionDeniedError, pathParamNames } from '@x/core'
import { NutshellClient, OPERATION_TABLES } from '@x/nutshell'
import { describe, expect, it } from 'vitest'
import { METHOD_CLASSES, scoped } from '../src'

type Table = Record<string, { path: string; effect: string; input?: unknown }>
type Methods = Record<string, Record<string, ((...args: unknown[]) => unknown) | undefined> | undefined>

function recordingClient() {
  const sent: string[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    sent.push(`${init?.method} ${url}`)
    return Response.json({})
  }
  const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
  return { ns, sent }
}

/** Plausible arguments: one id per path parameter, then an empty input. */
const argsFor = (op: Table[string]) => [...pathParamNames(op.path).map(() => '1-leads'), {}]

describe('every table-made Nutshell method under a scoped client', () => {
  const entries = Object.entries(OPERATION_TABLES).flatMap(([resource, table]) =>
    Object.entries(table as Table).map(([method, op]) => ({ resource, method, op })),
  )

  it('is refused before any request without the grant its effect needs', async () => {
    for (const { resource, method, op } of entries) {
      const { ns, sent } = recordingClient()
      const others = METHOD_CLASSES.filter((c) => c !== op.effect)
      const agent = scoped(ns, { [resource]: others }, { agent: 'bot' }) as unknown as Methods
      const outcome = await Promise.resolve()
        .then(() => agent[resource]?.[method]?.(...argsFor(op)))
        .then(
          () => 'resolved',
          (error: unknown) => error,
        )
      expect(outcome, `${resource}.${method} (${op.effect})`).toBeInstanceOf(PermissionDeniedError)
      expect(sent, `${resource}.${method}`).toEqual([])
    }
    expect(entries.length).toBeGreaterThanOrEqual(112)
  })

  it('passes the policy with exactly that grant', async () => {
    for (const { resource, method, op } of entries) {
      const { ns } = recordingClient()
      const agent = scoped(ns, { [resource]: [op.effect as 'read'] }, { agent: 'bot' }) as unknown as Methods
      const outcome = await Promise.resolve()
        .then(() => agent[resource]?.[method]?.(...argsFor(op)))
        .then(
          () => 'resolved',
          (error: unknown) => error,
        )
      expect(outcome, `${resource}.${method} (${op.effect})`).not.toBeInstanceOf(PermissionDeniedError)
    }
  })
})

describe('a lead update that changes its status or outcome needs close as well', () => {
  for (const changes of [
    { status: 'won' },
    { outcome: { id: '2-outcomes' } },
    { links: { outcome: '2-outcomes' } },
    [{ op: 'replace', path: '/leads/0/status', value: 'won' }],
    [{ op: 'replace', path: 'status', value: 'won' }],
    [{ op: 'add', path: '/leads/0/links/outcome', value: '2-outcomes' }],
  ]) {
    it(JSON.stringify(changes), async () => {
      const { ns, sent } = recordingClient()
      const agent = scoped(ns, { leads: ['read', 'update'] }, { agent: 'bot' })
      await expect(agent.leads.update('1-leads', changes as never)).rejects.toBeInstanceOf(
        PermissionDeniedError,
      )
      expect(sent).toEqual([])
    })
  }
})
