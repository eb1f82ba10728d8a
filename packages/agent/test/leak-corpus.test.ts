import { NutanClient } from '@x/nutan'
import { NutshellClient } from '@x/nutshell'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  answer,
  assertNoLeak,
  type Credential,
  echoForms,
  echoHeaders,
  emailArb,
  exposedParts,
  failureArb,
  headersArb,
  recordingHooks,
  rejectionOf,
  secretArb,
} from '../../core/test/leak-corpus.support'
import { type AuditRecord, scoped } from '../src'

const REST = 'https://app.nutshell.com/rest'
const NUTAN = 'https://api.nutan.ai/v1'

const loginArb = fc.record({ email: emailArb(), apiKey: secretArb() })
const tokensArb = fc.record({ access: secretArb(), refresh: secretArb() })

function nutshellAgent(login: { email: string; apiKey: string }, fetch: typeof globalThis.fetch) {
  const { events, hooks } = recordingHooks()
  const ns = new NutshellClient({ ...login, fetch, baseUrl: REST, maxRetries: 0, maxRetryAfter: 1, hooks })
  const records: AuditRecord[] = []
  const agent = scoped(ns, { leads: 'read' }, { agent: 'bot', audit: (r) => void records.push(r) })
  return { agent, records, events }
}

function nutanAgent(tokens: { access: string; refresh: string }, fetch: typeof globalThis.fetch) {
  const { events, hooks } = recordingHooks()
  const nutan = new NutanClient({
    accessToken: tokens.access,
    refreshToken: tokens.refresh,
    fetch,
    hooks,
    baseUrl: NUTAN,
    maxRetries: 0,
    maxRetryAfter: 1,
    limiter: { global: 1e9, strict: 1e9 },
  })
  const records: AuditRecord[] = []
  const agent = scoped(nutan, { deals: 'read' }, { agent: 'bot', audit: (r) => void records.push(r) })
  return { agent, records, events }
}

describe('leak corpus: @x/agent audit records', () => {
  test("a scoped Nutshell agent's failed call exposes the API key in no audit record, error or hook event", async () => {
    await fc.assert(
      fc.asyncProperty(loginArb, failureArb(), fc.boolean(), async (login, failure, list) => {
        const credentials: Credential[] = [{ name: 'key', secret: login.apiKey, user: login.email }]
        const ctx = { forms: echoForms(credentials), url: `${REST}/leads/1-leads`, credentials }
        const { agent, records, events } = nutshellAgent(login, async () => answer(failure, ctx))
        const error = await rejectionOf(() => (list ? agent.leads.list() : agent.leads.get('1-leads')))
        expect(records.map((r) => r.outcome)).toEqual(['error'])
        assertNoLeak(exposedParts(error, events, { records }), credentials)
      }),
      { numRuns: 120 },
    )
  })

  test("a scoped agent's successful call records no credential a hostile server put in its request id", async () => {
    await fc.assert(
      fc.asyncProperty(loginArb, headersArb, async (login, echoed) => {
        const credentials: Credential[] = [{ name: 'key', secret: login.apiKey, user: login.email }]
        const ctx = { forms: echoForms(credentials), url: `${REST}/leads/1-leads`, credentials }
        const headers = [...echoed, { name: 'x-nutshell-request-id', pick: echoed.length }]
        const { agent, records, events } = nutshellAgent(
          login,
          async () =>
            new Response(JSON.stringify({ leads: [{ id: '1-leads', name: 'Car Wash' }] }), {
              status: 200,
              headers: echoHeaders(headers, ctx, new Headers({ 'content-type': 'application/json' })),
            }),
        )
        await agent.leads.get('1-leads')
        expect(records.map((r) => r.outcome)).toEqual(['ok'])
        assertNoLeak(exposedParts(undefined, events, { records }), credentials)
      }),
      { numRuns: 60 },
    )
  })

  test("a scoped Nutan agent's failed call (a failed token refresh included) exposes no token in its audit record", async () => {
    await fc.assert(
      fc.asyncProperty(tokensArb, failureArb(), async (tokens, failure) => {
        const credentials: Credential[] = [
          { name: 'access', secret: tokens.access },
          { name: 'refresh', secret: tokens.refresh },
        ]
        const ctx = { forms: echoForms(credentials), url: `${NUTAN}/deals`, credentials }
        const { agent, records, events } = nutanAgent(tokens, async () => answer(failure, ctx))
        const error = await rejectionOf(() => agent.deals.list())
        expect(records.map((r) => r.outcome)).toEqual(['error'])
        assertNoLeak(exposedParts(error, events, { records }), credentials)
      }),
      { numRuns: 100 },
    )
  })
})
