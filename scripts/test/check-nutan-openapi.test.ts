import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkDrift, hasDrift, main, sdkFields, TARGETS } from '../check-nutan-openapi.ts'

const nullableString = { type: 'string', nullable: true }

/** A small OpenAPI 3.0 document: Contact drifted, Deal matches under another name, Meeting only via its path. */
const fixture = {
  openapi: '3.0.3',
  info: { title: 'Nutan', version: '1' },
  paths: {
    '/v1/meetings': {
      get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
          { name: 'offset', in: 'query', schema: { type: 'integer' } },
          { name: 'deal_id', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string' },
                          title: nullableString,
                          started_at: { type: 'string', format: 'date-time', nullable: true },
                          ended_at: nullableString,
                          duration_seconds: { type: 'integer', nullable: true },
                          summary: nullableString,
                          deal_id: nullableString,
                          created_at: nullableString,
                        },
                      },
                    },
                    total: { type: 'integer' },
                    limit: { type: 'integer' },
                    offset: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Contact: {
        type: 'object',
        required: ['id'],
        properties: {
          id: { type: 'string' },
          name: nullableString,
          email: nullableString,
          phone: { type: 'integer', nullable: true },
          company: nullableString,
          title: nullableString,
          linkedin_url: { type: ['string', 'null'] },
          created_at: nullableString,
          updated_at: nullableString,
          deleted_at: nullableString,
        },
      },
      DealOut: {
        allOf: [
          { $ref: '#/components/schemas/DealBase' },
          {
            type: 'object',
            properties: {
              id: { type: 'string' },
              created_at: nullableString,
              updated_at: nullableString,
              deleted_at: nullableString,
            },
          },
        ],
      },
      DealBase: {
        type: 'object',
        properties: {
          name: nullableString,
          stage: {
            type: 'string',
            enum: ['discovery', 'qualification', 'proposal', 'negotiation', 'closed'],
            nullable: true,
          },
          status: { anyOf: [{ type: 'string', enum: ['open', 'won', 'lost'] }, { type: 'null' }] },
          value: { type: 'number', nullable: true },
          currency: nullableString,
          contact_id: nullableString,
          company: nullableString,
          close_date: nullableString,
          probability: { type: 'integer', nullable: true },
        },
      },
    },
  },
}

const byName = (name: string) => checkDrift(fixture).find((r) => r.name === name)!

describe('check-nutan-openapi', () => {
  test('reports missing, extra and type-mismatched fields of a drifted record', () => {
    const contact = byName('Contact')
    expect(contact.where).toBe('components.schemas.Contact')
    expect(contact.missing).toEqual([{ field: 'linkedin_url', type: 'string | null' }])
    expect(contact.extra).toEqual(['notes'])
    expect(contact.mismatched).toEqual([{ field: 'phone', sdk: 'string | null', document: 'integer | null' }])
  })

  test('matches a component by name heuristics (DealOut), through $ref and allOf, enums and anyOf null', () => {
    const deal = byName('Deal')
    expect(deal.where).toBe('components.schemas.DealOut')
    expect(hasDrift(deal)).toBe(false)
  })

  test('falls back to the list response of the path when no component matches', () => {
    const meeting = byName('Meeting')
    expect(meeting.where).toBe('GET /v1/meetings response (list item)')
    expect(hasDrift(meeting)).toBe(false)
    const query = byName('MeetingListParams')
    expect(query.where).toBe('GET /v1/meetings query parameters')
    expect(hasDrift(query)).toBe(false)
  })

  test('a schema with no counterpart in the document is drift', () => {
    expect(byName('Signal').where).toBeUndefined()
    expect(hasDrift(byName('Signal'))).toBe(true)
  })

  test('given a file, prints the report per record and exits 1 on drift', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nutan-openapi-'))
    const file = join(dir, 'openapi.json')
    await writeFile(file, JSON.stringify(fixture))
    const out: string[] = []
    const code = await main([file], { log: (t) => out.push(t), error: (t) => out.push(t) })
    expect(code).toBe(1)
    const text = out.join('\n')
    expect(text).toContain('✗ Contact differs from components.schemas.Contact')
    expect(text).toContain('missing in SDK:  linkedin_url (string | null)')
    expect(text).toContain('not in document: notes')
    expect(text).toContain('type differs:    phone: SDK string | null, document integer | null')
    expect(text).toContain('✓ Deal matches components.schemas.DealOut')
    expect(text).toMatch(/Drift in \d+ of \d+ schemas\./)
  })

  test('given --url, fetches the document; a document matching every schema exits 0', async () => {
    const doc = documentFromSdk()
    const fetchDoc = (async () => Response.json(doc)) as unknown as typeof fetch
    const out: string[] = []
    const code = await main(['--url', 'https://api.nutan.ai/openapi.json'], {
      log: (t) => out.push(t),
      error: (t) => out.push(t),
      fetch: fetchDoc,
    })
    expect(out.join('\n')).toContain(`No drift in ${TARGETS.length} schemas.`)
    expect(code).toBe(0)
  })

  test('exits 2 without a source, or when the source is not an OpenAPI document', async () => {
    const quiet = { log: () => {}, error: () => {} }
    expect(await main([], quiet)).toBe(2)
    expect(
      await main(['--url', 'https://x.test/doc'], {
        ...quiet,
        fetch: (async () => Response.json({ hello: 1 })) as never,
      }),
    ).toBe(2)
    expect(await main(['/nonexistent/openapi.json'], quiet)).toBe(2)
  })
})

/** An OpenAPI document built from the SDK's own schemas: the check must find no drift in it. */
function documentFromSdk() {
  const schemas: Record<string, unknown> = {}
  const paths: Record<string, Record<string, unknown>> = {}
  const toJsonSchema = (target: (typeof TARGETS)[number]) => ({
    type: 'object',
    properties: Object.fromEntries(
      [...sdkFields(target.schema)].map(([name, t]) => {
        const type = [...t.types][0] === 'any' ? undefined : [...t.types][0]
        return [name, type ? { type, nullable: t.nullable } : {}]
      }),
    ),
  })
  for (const target of TARGETS) {
    if (target.names[0]) schemas[target.names[0]] = toJsonSchema(target)
    else if (target.at?.part === 'query') {
      const properties = toJsonSchema(target).properties as Record<string, unknown>
      paths[`/v1${target.at.path}`] = {
        get: {
          parameters: Object.entries(properties).map(([name, schema]) => ({ name, in: 'query', schema })),
          responses: {},
        },
      }
    }
  }
  return { openapi: '3.1.0', info: { title: 'Nutan', version: '1' }, paths, components: { schemas } }
}
