// The rule: a scoped client checks every typed JSON-RPC helper (and `rpc.call` of the same method) against
// the effect its entry in nutshell's RPC_METHODS declares, on every resource the entry names. Granted
// everything but that effect, a call is refused before any request; granted exactly it, the policy lets
// it through. An edit that touches the entry's close fields needs `close` as well.
import { PermissionDeniedError } from '@x/core'
import { NutshellClient } from '@x/nutshell'
import { RPC_ENTITIES, RPC_METHODS, type RpcMethod } from '@x/nutshell/rpc'
import { describe, expect, it } from 'vitest'
import { type AuditRecord, METHOD_CLASSES, type MethodClass, type Policy, scoped } from '../src'
import { nutshellSurface } from '../src/surfaces/nutshell'

type Rpc = Record<string, ((...args: unknown[]) => unknown) | undefined>

function recordingAgent(policy: Policy) {
  const sent: string[] = []
  const fetch: typeof globalThis.fetch = async (url, init) => {
    sent.push(`${init?.method} ${url}`)
    const body = JSON.parse(String(init?.body ?? '{}')) as { id?: unknown }
    return Response.json({ jsonrpc: '2.0', id: body.id ?? 1, result: {} })
  }
  const ns = new NutshellClient({
    email: 'rep@example.com',
    apiKey: 'key-123456',
    fetch,
    maxRetries: 0,
    rpc: { endpoint: 'https://rpc.example.test/api/v1/json' },
  })
  const records: AuditRecord[] = []
  const agent = scoped(ns, policy, { agent: 'bot', audit: (r) => void records.push(r) })
  return { rpc: agent.rpc as unknown as Rpc & { call: Rpc[string] }, sent, records }
}

/** Plausible arguments for a typed helper, by its kind (the policy is checked before they are). */
function helperArgs(method: RpcMethod, changes: unknown = {}): unknown[] {
  switch (method.kind) {
    case 'get':
      return [1001]
    case 'new':
      return [{}]
    case 'edit':
      return [1001, '1', changes]
    case 'delete':
      return [1001, '1']
    case 'find':
      return [{}]
    case 'search':
      return ['Pinnacle']
    case 'plain':
      return method.params ? [{}] : []
    case 'custom':
      return Array.from({ length: method.inputs }, () => 'x')
  }
}

/** Named params for `rpc.call` of the same method. */
function callParams(method: RpcMethod, changes: unknown = {}): Record<string, unknown> {
  if (method.kind === 'edit') {
    const spec = RPC_ENTITIES[method.entity]
    return { [spec.idKey]: 1001, rev: '1', [spec.key]: changes }
  }
  if (method.kind === 'get' || method.kind === 'delete')
    return { [RPC_ENTITIES[method.entity].idKey]: 1001, ...(method.kind === 'delete' ? { rev: '1' } : {}) }
  return {}
}

/** A change object that sets `field` (a path such as `links/outcome`). */
function setting(field: string): Record<string, unknown> {
  return field.split('/').reduceRight<unknown>((value, part) => ({ [part]: value }), 10) as Record<
    string,
    unknown
  >
}

const outcomeOf = (call: () => unknown) =>
  Promise.resolve()
    .then(call)
    .then(
      () => 'resolved',
      (error: unknown) => error,
    )

const entries = Object.entries(RPC_METHODS as Record<string, RpcMethod>)
const grantAll = (resources: readonly string[], classes: readonly MethodClass[]): Policy =>
  Object.fromEntries(resources.map((resource) => [resource, [...classes]]))

describe('every typed JSON-RPC method under a scoped client', () => {
  it('names only resources a policy may use', () => {
    for (const [name, method] of entries)
      for (const resource of method.resources)
        expect(nutshellSurface.resources, `${name}: ${resource}`).toContain(resource)
    expect(nutshellSurface.resources).toEqual(
      expect.arrayContaining(['teams', 'settings', 'processes', 'backups', 'reports', 'emails']),
    )
    expect(entries.length).toBeGreaterThanOrEqual(70)
  })

  it('is refused before any request without the grant its effect needs', async () => {
    for (const [name, method] of entries) {
      const others = METHOD_CLASSES.filter((c) => c !== method.effect)
      const { rpc, sent, records } = recordingAgent(grantAll(method.resources, others))
      const helper = await outcomeOf(() => rpc[name]?.(...helperArgs(method)))
      expect(helper, `rpc.${name} (${method.effect})`).toBeInstanceOf(PermissionDeniedError)
      const call = await outcomeOf(() => rpc.call?.(name, callParams(method)))
      expect(call, `rpc.call('${name}') (${method.effect})`).toBeInstanceOf(PermissionDeniedError)
      expect(sent, `rpc.${name}`).toEqual([])
      expect(records.map((r) => `${r.method}:${r.outcome}`)).toEqual([
        `rpc.${name}:denied`,
        `rpc.${name}:denied`,
      ])
    }
  })

  it('is refused when one of its resources lacks the grant', async () => {
    for (const [name, method] of entries.filter(([, m]) => m.resources.length > 1)) {
      for (const missing of method.resources) {
        const others = method.resources.filter((r) => r !== missing)
        const { rpc, sent } = recordingAgent(grantAll(others, [method.effect as MethodClass]))
        const outcome = await outcomeOf(() => rpc[name]?.(...helperArgs(method)))
        expect(outcome, `rpc.${name} without ${missing}`).toBeInstanceOf(PermissionDeniedError)
        expect(sent).toEqual([])
      }
    }
  })

  it('passes the policy with exactly that grant', async () => {
    for (const [name, method] of entries) {
      const { rpc, records } = recordingAgent(grantAll(method.resources, [method.effect as MethodClass]))
      const helper = await outcomeOf(() => rpc[name]?.(...helperArgs(method)))
      expect(helper, `rpc.${name} (${method.effect})`).not.toBeInstanceOf(PermissionDeniedError)
      const call = await outcomeOf(() => rpc.call?.(name, callParams(method)))
      expect(call, `rpc.call('${name}') (${method.effect})`).not.toBeInstanceOf(PermissionDeniedError)
      expect(
        records.filter((r) => r.outcome === 'denied'),
        `rpc.${name}`,
      ).toEqual([])
    }
  })
})

describe('an edit that touches its entry’s close fields needs close as well', () => {
  const closing = entries.flatMap(([name, method]) =>
    (method.closeFields ?? []).map((field) => ({ name, method, field })),
  )

  it('covers the lead’s status and outcome', () => {
    expect(closing.map(({ name, field }) => `${name}:${field}`)).toEqual(
      expect.arrayContaining(['editLead:status', 'editLead:outcome', 'editLead:links/outcome']),
    )
  })

  it('is refused with only update, through the helper, call() and editWithRev', async () => {
    for (const { name, method, field } of closing) {
      if (method.kind !== 'edit') continue
      const changes = setting(field)
      const { rpc, sent } = recordingAgent(grantAll(method.resources, ['read', 'update']))
      const label = `${name} setting ${field}`
      expect(await outcomeOf(() => rpc[name]?.(...helperArgs(method, changes))), label).toBeInstanceOf(
        PermissionDeniedError,
      )
      expect(await outcomeOf(() => rpc.call?.(name, callParams(method, changes))), label).toBeInstanceOf(
        PermissionDeniedError,
      )
      expect(await outcomeOf(() => rpc.editWithRev?.(method.entity, 1001, changes)), label).toBeInstanceOf(
        PermissionDeniedError,
      )
      expect(sent, label).toEqual([])
    }
  })

  it('passes the policy with close granted too', async () => {
    for (const { name, method, field } of closing) {
      if (method.kind !== 'edit') continue
      const changes = setting(field)
      const { rpc, records } = recordingAgent(grantAll(method.resources, ['read', 'update', 'close']))
      await outcomeOf(() => rpc[name]?.(...helperArgs(method, changes)))
      await outcomeOf(() => rpc.call?.(name, callParams(method, changes)))
      expect(records.map((r) => `${r.method}:${r.outcome}`).filter((r) => r.endsWith(':denied'))).toEqual([])
    }
  })
})
