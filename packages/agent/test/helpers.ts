import { NutanClient } from '@x/nutan'
import { NutshellClient } from '@x/nutshell'
import { createNutanSimulator, createNutshellSimulator } from '@x/testkit'
import { type AuditRecord, type Policy, type ScopeOptions, scoped } from '../src'

/** A Nutshell simulator, a client on it, and an agent scoped by `policy` whose records land in `records`. */
export function nutshellAgent(policy: Policy, options: ScopeOptions = {}) {
  const sim = createNutshellSimulator()
  const ns = new NutshellClient({ ...sim.credentials, fetch: sim.fetch, maxRetries: 0 })
  const records: AuditRecord[] = []
  const agent = scoped(ns, policy, { agent: 'bot', audit: (r) => void records.push(r), ...options })
  const secrets = [sim.credentials.apiKey, btoa(`${sim.credentials.email}:${sim.credentials.apiKey}`)]
  return { sim, ns, agent, records, secrets }
}

/** The same for Nutan, with a real token pair from the simulator. */
export function nutanAgent(policy: Policy, options: ScopeOptions = {}) {
  const sim = createNutanSimulator()
  const tokens = sim.issueTokens()
  const nutan = new NutanClient({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    fetch: sim.fetch,
    maxRetries: 0,
  })
  const records: AuditRecord[] = []
  const agent = scoped(nutan, policy, { agent: 'bot', audit: (r) => void records.push(r), ...options })
  return { sim, nutan, agent, records, secrets: [tokens.access_token, tokens.refresh_token] }
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  return Promise.resolve(promise).then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: Error) => error,
  )
}

/** A lead id that exists in the seed data. */
export const LEAD = '1001-leads'
