// The rule: an update with nothing in it is refused before any request, naming the changes, in every
// write path (REST patch as operations or as a change object, JSON-RPC edit, editWithRev): an empty edit
// would still be sent, and over JSON-RPC bump the record's rev for nothing.
import { InputValidationError } from '@x/core'
import { describe, expect, it } from 'vitest'
import { NutshellClient } from '../src'

function recordingClient() {
  const sent: string[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    sent.push(`${init?.method} ${url} ${init?.body ?? ''}`)
    return Response.json({ result: { id: 1003, entityType: 'Leads', rev: '7' }, id: 1, jsonrpc: '2.0' })
  }
  const ns = new NutshellClient({
    email: 'rep@example.com',
    apiKey: 'key-123456',
    fetch,
    maxRetries: 0,
    rpc: { endpoint: 'https://app.nutshell.test/api/v1/json' },
  })
  return { ns, sent }
}

describe('empty updates', () => {
  for (const [label, changes] of [
    ['an empty change object', {}],
    ['no patch operations', []],
  ] as const) {
    it(`REST update with ${label} is refused, naming changes`, async () => {
      const { ns, sent } = recordingClient()
      const error = await ns.leads.update('1003-leads', changes as never).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('changes')
      expect(sent).toEqual([])
    })
  }

  it('a JSON-RPC edit with no changes is refused before any request', async () => {
    const { ns, sent } = recordingClient()
    await expect(ns.rpc.editLead(1003, '7', {})).rejects.toBeInstanceOf(InputValidationError)
    expect(sent).toEqual([])
  })

  it('editWithRev with no changes sends no edit (the rev is not bumped)', async () => {
    const { ns, sent } = recordingClient()
    await expect(ns.rpc.editWithRev('lead', 1003, {})).rejects.toBeInstanceOf(InputValidationError)
    expect(sent.filter((s) => s.includes('editLead'))).toEqual([])
  })
})
