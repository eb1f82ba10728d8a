// The simulator's REST table against Nutshell's OpenAPI manifest: every documented operation has a
// handler, no handler serves an undocumented one (beside the listed extras), and the router sends a
// request for each operation to that operation's handler.
import { readFileSync } from 'node:fs'
import { OPERATION_TABLES } from '@x/nutshell'
import { describe, expect, test } from 'vitest'
import { EXTRA_ROUTES, REST_OPERATIONS } from '../src/nutshell/rest/operations'
import { RestRouter } from '../src/nutshell/rest/router'

interface ManifestOperation {
  method: string
  path: string
}

const manifest = JSON.parse(
  readFileSync(new URL('../../nutshell/openapi-manifest.json', import.meta.url), 'utf8'),
) as { operations: ManifestOperation[] }
const documented = manifest.operations.map((op) => `${op.method} ${op.path}`)

/** Routes the simulator served before the table, kept though the document does not list them. */
const EXTRAS = [
  'GET /activitytypes/{id}',
  'GET /leads/{id}/products',
  'GET /pipelines',
  'GET /pipelines/{id}',
  'GET /sources/{id}',
  'GET /stages/{id}',
  'GET /stagesets/{id}',
  'GET /tags/{id}',
  'POST /leads/{id}/pipeline',
]

/** A concrete path for a template: each `{param}` filled with an id of the collection before it. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'fieldId' ? '1-wfFields' : '1'))
}

describe('the Nutshell REST operation table', () => {
  test('the manifest lists 112 distinct operations', () => {
    expect(documented).toHaveLength(112)
    expect(new Set(documented).size).toBe(112)
  })

  test('every request a client method sends has a handler (the client and the simulator read one table)', () => {
    const sent = Object.entries(OPERATION_TABLES).flatMap(([resource, table]) =>
      Object.entries(table as Record<string, { method: string; path: string }>).map(
        ([name, op]) => [`${resource}.${name}`, `${op.method} ${op.path}`] as const,
      ),
    )
    const unserved = sent.filter(([, key]) => typeof REST_OPERATIONS[key] !== 'function')
    expect(unserved).toEqual([])
    expect(new Set(sent.map(([, key]) => key)).size).toBe(112)
  })

  test('every documented operation has a handler, keyed as the manifest spells it', () => {
    const missing = documented.filter((key) => typeof REST_OPERATIONS[key] !== 'function')
    expect(missing).toEqual([])
  })

  test('no handler serves an operation the manifest does not list', () => {
    const undocumented = Object.keys(REST_OPERATIONS).filter((key) => !documented.includes(key))
    expect(undocumented).toEqual([])
    expect(Object.keys(REST_OPERATIONS)).toHaveLength(112)
  })

  test('the only extra routes are the documented ones the simulator already served', () => {
    expect(Object.keys(EXTRA_ROUTES).sort()).toEqual([...EXTRAS].sort())
    for (const key of EXTRAS) expect(documented).not.toContain(key)
  })

  test('the router sends a request for each operation to that operation’s handler', () => {
    const router = new RestRouter(REST_OPERATIONS, EXTRA_ROUTES)
    for (const { method, path } of manifest.operations) {
      const match = router.match(method, concrete(path))
      expect(match, `${method} ${path}`).toBeDefined()
      // `/forms/{id}` and `/forms/{fieldId}` are one URL shape; both keys hold the same handler.
      expect(match!.handler, `${method} ${path}`).toBe(REST_OPERATIONS[`${method} ${path}`])
    }
  })

  test('a literal segment wins over a parameter, and paths match case-insensitively', () => {
    const router = new RestRouter(REST_OPERATIONS, EXTRA_ROUTES)
    expect(router.match('GET', '/leads/list')?.key).toBe('GET /leads/list')
    expect(router.match('GET', '/leads/1001-leads')?.key).toBe('GET /leads/{id}')
    expect(router.match('GET', '/leads/customfields/attributes')?.key).toBe(
      'GET /leads/customfields/attributes',
    )
    expect(router.match('DELETE', '/productmaps/2-productMaps')?.key).toBe('DELETE /productMaps/{id}')
    expect(router.match('GET', '/leads/1001-leads/nothing')).toBeUndefined()
    expect(router.match('PUT', '/leads/1001-leads')).toBeUndefined()
  })
})
