// The rule: an agent reaches only what its rules know. The Nutshell methods made from the operation table
// are not in the agent's rules yet, so a scoped client refuses every one of them, whatever it was granted,
// and nothing is sent.
import { PermissionDeniedError } from '@x/core'
import { NutshellClient } from '@x/nutshell'
import { describe, expect, it } from 'vitest'
import { scoped } from '../src'

describe('table-made Nutshell methods under a scoped client', () => {
  it('are refused before any request, even under a write grant on every resource', async () => {
    const sent: string[] = []
    const fetch: typeof globalThis.fetch = async (url, init) => {
      sent.push(`${init?.method} ${url}`)
      return Response.json({})
    }
    const ns = new NutshellClient({ email: 'rep@example.com', apiKey: 'key-123456', fetch, maxRetries: 0 })
    const agent = scoped(ns, { '*': 'write' }, { agent: 'bot' }) as unknown as Record<
      string,
      Record<string, ((...args: unknown[]) => unknown) | undefined> | undefined
    >
    let tried = 0
    for (const [resource, methods] of Object.entries(ns)) {
      if (typeof methods !== 'object' || methods === null || resource === 'transport' || resource === 'rpc')
        continue
      // Table-made methods are the resource's own function properties (hand-written ones live on prototypes).
      for (const [name, value] of Object.entries(methods)) {
        if (typeof value !== 'function') continue
        tried++
        const outcome = await Promise.resolve()
          .then(() => agent[resource]?.[name]?.('1-leads', {}))
          .then(
            () => 'resolved',
            (error: unknown) => error,
          )
        expect(outcome, `${resource}.${name}`).toBeInstanceOf(PermissionDeniedError)
      }
    }
    expect(tried).toBeGreaterThanOrEqual(58)
    expect(sent).toEqual([])
  })
})
