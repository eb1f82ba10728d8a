// The rule: the Nutan simulator serves every request a NutanClient method sends (the client and the
// simulator read one table), so a test against the testkit exercises every operation.
import { pathParamNames } from '@x/core'
import { NUTAN_OPERATION_TABLES } from '@x/nutan'
import { describe, expect, test } from 'vitest'
import { nutanHarness } from './nutan-harness'

const ops = Object.entries(NUTAN_OPERATION_TABLES).flatMap(([resource, table]) =>
  Object.entries(table as Record<string, { method: string; path: string }>).map(
    ([name, op]) => [`${resource}.${name}`, op] as const,
  ),
)

describe('the Nutan simulator', () => {
  test.each(ops)('routes %s', async (_label, op) => {
    const h = nutanHarness()
    const path = pathParamNames(op.path).reduce((p, name) => p.replace(`{${name}}`, 'x-1'), op.path)
    const reply = await h.call(
      op.method,
      path,
      op.method === 'GET' || op.method === 'DELETE' ? {} : { body: {} },
    )
    // An unknown id or a refused body is the operation's own answer; only a missing route says so.
    expect(reply.body?.message, `${op.method} ${path}`).not.toBe('Route not found')
    expect(reply.status).not.toBe(405)
  })

  test('covers every table entry', () => {
    expect(ops.length).toBeGreaterThanOrEqual(22)
  })
})
