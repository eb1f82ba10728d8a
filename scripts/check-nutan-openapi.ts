// Compares @x/nutan's schemas (field names inferred from Nutan's overview) with Nutan's live OpenAPI
// document and reports drift: fields the document has and the SDK lacks, fields the SDK has and the
// document lacks, and fields whose types differ. Exits 1 on drift, 2 when the document cannot be read.
//
//   ./scripts/pnpm build
//   .toolchain/node_modules/.bin/node scripts/check-nutan-openapi.ts --url https://api.nutan.ai/openapi.json
//   .toolchain/node_modules/.bin/node scripts/check-nutan-openapi.ts ./openapi.json [--json]
import { readFile } from 'node:fs/promises'
import { pathToFileURL } from 'node:url'
import {
  ActionItemCreateInputSchema,
  ActionItemListParamsSchema,
  ActionItemSchema,
  ActionItemUpdateInputSchema,
  DealCreateInputSchema,
  DealListParamsSchema,
  DealSchema,
  DealUpdateInputSchema,
  EraseResultSchema,
  MeetingCreateInputSchema,
  MeetingListParamsSchema,
  MeetingSchema,
  NutanContactCreateInputSchema,
  NutanContactListParamsSchema,
  NutanContactSchema,
  NutanContactUpdateInputSchema,
  ObjectionSchema,
  ParticipantCreateInputSchema,
  ParticipantSchema,
  SignalSchema,
  SyncBatchResultSchema,
  TokenResponseSchema,
  UsageRecordInputSchema,
  UsageRecordSchema,
} from '@x/nutan'

/** Where in the document a schema lives when no component name matches. */
interface DocLocation {
  method: 'get' | 'post' | 'patch' | 'delete'
  /** The path without the `/v1` prefix, `{}` for a path parameter. */
  path: string
  part: 'list-item' | 'response' | 'request' | 'query'
}

/** One SDK schema and how to find its counterpart in the document. */
export interface Target {
  name: string
  // biome-ignore lint/suspicious/noExplicitAny: walks zod/mini internals of any schema
  schema: any
  /** Component names that would be this schema (compared case- and punctuation-insensitively). */
  names: string[]
  at?: DocLocation
}

const record = (
  name: string,
  schema: unknown,
  path: string,
  part: DocLocation['part'] = 'list-item',
): Target => ({
  name,
  schema,
  names: [
    name,
    `${name}Response`,
    `${name}Out`,
    `${name}Read`,
    `${name}Public`,
    `${name}Schema`,
    `${name}Model`,
  ],
  at: { method: 'get', path, part },
})
const input = (
  name: string,
  noun: string,
  verb: 'Create' | 'Update',
  schema: unknown,
  at: DocLocation,
): Target => ({
  name,
  schema,
  names: [
    `${noun}${verb}`,
    `${verb}${noun}`,
    `${noun}${verb}Request`,
    `${verb}${noun}Request`,
    `${noun}${verb}Body`,
    verb === 'Create' ? `${noun}In` : `${noun}Patch`,
    verb === 'Create' ? `${noun}Input` : `Patch${noun}`,
    verb === 'Create' ? `New${noun}` : `${noun}UpdateInput`,
  ],
  at,
})
const query = (name: string, schema: unknown, path: string): Target => ({
  name,
  schema,
  names: [],
  at: { method: 'get', path, part: 'query' },
})

/** Every schema the SDK exports for a record, an input or a list's query. */
export const TARGETS: Target[] = [
  record('Contact', NutanContactSchema, '/contacts'),
  record('Deal', DealSchema, '/deals'),
  record('Meeting', MeetingSchema, '/meetings'),
  {
    ...record('Participant', ParticipantSchema, '/meetings/{}/participants'),
    names: ['Participant', 'MeetingParticipant', 'ParticipantResponse', 'ParticipantOut'],
  },
  {
    ...record('ActionItem', ActionItemSchema, '/action-items'),
    names: ['ActionItem', 'ActionItemResponse', 'ActionItemOut', 'ActionItemRead', 'Task'],
  },
  record('Signal', SignalSchema, '/deals/{}/signals'),
  record('Objection', ObjectionSchema, '/deals/{}/objections'),
  {
    ...record('UsageRecord', UsageRecordSchema, '/tokens', 'response'),
    names: ['UsageRecord', 'TokenUsage', 'Usage', 'UsageResponse', 'TokenUsageResponse'],
    at: { method: 'post', path: '/tokens', part: 'response' },
  },
  input('ContactCreate', 'Contact', 'Create', NutanContactCreateInputSchema, {
    method: 'post',
    path: '/contacts',
    part: 'request',
  }),
  input('ContactUpdate', 'Contact', 'Update', NutanContactUpdateInputSchema, {
    method: 'patch',
    path: '/contacts/{}',
    part: 'request',
  }),
  input('DealCreate', 'Deal', 'Create', DealCreateInputSchema, {
    method: 'post',
    path: '/deals',
    part: 'request',
  }),
  input('DealUpdate', 'Deal', 'Update', DealUpdateInputSchema, {
    method: 'patch',
    path: '/deals/{}',
    part: 'request',
  }),
  input('MeetingCreate', 'Meeting', 'Create', MeetingCreateInputSchema, {
    method: 'post',
    path: '/meetings',
    part: 'request',
  }),
  input('ParticipantCreate', 'Participant', 'Create', ParticipantCreateInputSchema, {
    method: 'post',
    path: '/meetings/{}/participants',
    part: 'request',
  }),
  input('ActionItemCreate', 'ActionItem', 'Create', ActionItemCreateInputSchema, {
    method: 'post',
    path: '/action-items',
    part: 'request',
  }),
  input('ActionItemUpdate', 'ActionItem', 'Update', ActionItemUpdateInputSchema, {
    method: 'patch',
    path: '/action-items/{}',
    part: 'request',
  }),
  {
    name: 'UsageRecordInput',
    schema: UsageRecordInputSchema,
    names: [
      'UsageRecordCreate',
      'TokenUsageCreate',
      'UsageCreate',
      'TokenUsageRequest',
      'UsageRecordRequest',
    ],
    at: { method: 'post', path: '/tokens', part: 'request' },
  },
  {
    name: 'SyncBatchResult',
    schema: SyncBatchResultSchema,
    names: ['SyncResponse', 'SyncResult', 'SyncBatchResult'],
    at: { method: 'post', path: '/sync', part: 'response' },
  },
  {
    name: 'EraseResult',
    schema: EraseResultSchema,
    names: ['EraseResponse', 'EraseResult', 'SyncEraseResponse'],
    at: { method: 'delete', path: '/sync', part: 'response' },
  },
  {
    name: 'TokenResponse',
    schema: TokenResponseSchema,
    names: ['TokenResponse', 'AuthTokenResponse', 'TokenPair', 'Tokens'],
    at: { method: 'post', path: '/auth/token', part: 'response' },
  },
  query('NutanContactListParams', NutanContactListParamsSchema, '/contacts'),
  query('DealListParams', DealListParamsSchema, '/deals'),
  query('MeetingListParams', MeetingListParamsSchema, '/meetings'),
  query('ActionItemListParams', ActionItemListParamsSchema, '/action-items'),
]

/** A field's type as a set of JSON types (`integer` counts as a `number`), plus whether null is allowed. */
interface FieldType {
  types: Set<string>
  nullable: boolean
}

/** Fields of one side, by name. */
type Fields = Map<string, FieldType>

const ANY = 'any'

// biome-ignore lint/suspicious/noExplicitAny: zod/mini internals
function zodType(schema: any, out: FieldType = { types: new Set(), nullable: false }): FieldType {
  const def = schema?._zod?.def
  switch (def?.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return zodType(def.innerType, out)
    case 'nullable':
      out.nullable = true
      return zodType(def.innerType, out)
    case 'null':
      out.nullable = true
      return out
    case 'union':
      for (const option of def.options) zodType(option, out)
      return out
    case 'literal':
      for (const value of def.values) {
        if (value === null) out.nullable = true
        else out.types.add(typeof value)
      }
      return out
    case 'number':
      out.types.add(def.format === 'safeint' || def.format === 'int32' ? 'integer' : 'number')
      return out
    case 'int':
    case 'bigint':
      out.types.add('integer')
      return out
    case 'string':
    case 'enum':
    case 'date':
    case 'template_literal':
      out.types.add('string')
      return out
    case 'boolean':
      out.types.add('boolean')
      return out
    case 'array':
    case 'tuple':
      out.types.add('array')
      return out
    case 'object':
    case 'record':
    case 'map':
      out.types.add('object')
      return out
    default:
      out.types.add(ANY)
      return out
  }
}

/** The fields of a zod/mini object schema. */
// biome-ignore lint/suspicious/noExplicitAny: zod/mini internals
export function sdkFields(schema: any): Fields {
  const shape = schema?._zod?.def?.shape ?? {}
  return new Map(Object.entries(shape).map(([name, field]) => [name, zodType(field)]))
}

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked loosely
type Json = any

function resolve(doc: Json, node: Json, seen = new Set<string>()): Json {
  let current = node
  while (current && typeof current.$ref === 'string' && !seen.has(current.$ref)) {
    seen.add(current.$ref)
    const parts = current.$ref.replace(/^#\//, '').split('/')
    current = parts.reduce((at: Json, key: string) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc)
  }
  if (current?.allOf) {
    const merged: Json = { type: 'object', properties: {}, required: [] }
    for (const part of current.allOf) {
      const resolved = resolve(doc, part, seen)
      Object.assign(merged.properties, resolved?.properties)
      merged.required.push(...(resolved?.required ?? []))
    }
    return merged
  }
  return current
}

function docType(doc: Json, node: Json, out: FieldType = { types: new Set(), nullable: false }): FieldType {
  const schema = resolve(doc, node)
  if (!schema || typeof schema !== 'object' || Object.keys(schema).length === 0) {
    out.types.add(ANY)
    return out
  }
  if (schema.nullable === true) out.nullable = true
  for (const variant of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) docType(doc, variant, out)
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  for (const type of types) {
    if (type === 'null') out.nullable = true
    else out.types.add(type)
  }
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) {
      if (value === null) out.nullable = true
      else if (types.length === 0) out.types.add(Number.isInteger(value) ? 'integer' : typeof value)
    }
  }
  if (types.length === 0 && !schema.anyOf && !schema.oneOf && !schema.enum) {
    out.types.add(schema.properties ? 'object' : schema.items ? 'array' : ANY)
  }
  return out
}

function docFields(doc: Json, node: Json): Fields {
  const schema = resolve(doc, node)
  return new Map(Object.entries(schema?.properties ?? {}).map(([name, field]) => [name, docType(doc, field)]))
}

const normalize = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')
const normalizePath = (path: string) =>
  path
    .replace(/^\/(api\/)?v\d+(?=\/)/, '')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/:[^/]+/g, '{}')
    .replace(/\/+$/, '')

function jsonContent(node: Json): Json {
  const content = node?.content ?? {}
  const key = Object.keys(content).find((k) => /json/i.test(k)) ?? Object.keys(content)[0]
  return key ? content[key]?.schema : undefined
}

function successResponse(responses: Json): Json {
  const code = Object.keys(responses ?? {}).find((c) => /^2\d\d$/.test(c) && c !== '204')
  return code ? responses[code] : undefined
}

/** Finds the document's fields for a target: a component by name first, then the path's operation. */
function locate(doc: Json, target: Target): { where: string; fields: Fields } | undefined {
  const components = doc?.components?.schemas ?? doc?.definitions ?? {}
  const wanted = new Set(target.names.map(normalize))
  const byName = Object.keys(components).find((name) => wanted.has(normalize(name)))
  if (byName) return { where: `components.schemas.${byName}`, fields: docFields(doc, components[byName]) }
  const at = target.at
  if (!at) return undefined
  const pathKey = Object.keys(doc?.paths ?? {}).find((p) => normalizePath(p) === at.path)
  const operation = pathKey ? doc.paths[pathKey]?.[at.method] : undefined
  if (!operation) return undefined
  const where = `${at.method.toUpperCase()} ${pathKey}`
  if (at.part === 'query') {
    const params = [...(doc.paths[pathKey!].parameters ?? []), ...(operation.parameters ?? [])]
      .map((p: Json) => resolve(doc, p))
      .filter((p: Json) => p?.in === 'query')
    return {
      where: `${where} query parameters`,
      fields: new Map(params.map((p: Json) => [p.name, docType(doc, p.schema ?? { type: p.type })])),
    }
  }
  if (at.part === 'request') {
    const body = jsonContent(resolve(doc, operation.requestBody))
    return body ? { where: `${where} request body`, fields: docFields(doc, body) } : undefined
  }
  let schema = resolve(doc, jsonContent(resolve(doc, successResponse(operation.responses))))
  if (!schema) return undefined
  if (at.part === 'list-item') {
    const data = resolve(doc, schema.properties?.data ?? schema.properties?.items)
    schema = schema.type === 'array' ? resolve(doc, schema.items) : resolve(doc, data?.items)
    if (!schema) return undefined
  }
  return {
    where: `${where} response${at.part === 'list-item' ? ' (list item)' : ''}`,
    fields: docFields(doc, schema),
  }
}

function typeName(type: FieldType): string {
  return [...type.types].sort().join(' | ') + (type.nullable ? ' | null' : '')
}

function compatible(sdk: FieldType, doc: FieldType): boolean {
  if (sdk.types.has(ANY) || doc.types.has(ANY) || doc.types.size === 0) return true
  for (const type of doc.types) {
    if (sdk.types.has(type)) return true
    if (type === 'integer' && sdk.types.has('number')) return true
  }
  return false
}

/** How one SDK schema compares with the document. */
export interface TargetReport {
  name: string
  /** Where the counterpart was found, or undefined when it was not. */
  where: string | undefined
  /** In the document, not in the SDK. */
  missing: { field: string; type: string }[]
  /** In the SDK, not in the document. */
  extra: string[]
  mismatched: { field: string; sdk: string; document: string }[]
}

/** Whether a report shows any drift. */
export function hasDrift(report: TargetReport): boolean {
  return !report.where || report.missing.length + report.extra.length + report.mismatched.length > 0
}

/** Compares every target with the document. */
export function checkDrift(doc: Json, targets: Target[] = TARGETS): TargetReport[] {
  return targets.map((target) => {
    const found = locate(doc, target)
    const report: TargetReport = {
      name: target.name,
      where: found?.where,
      missing: [],
      extra: [],
      mismatched: [],
    }
    if (!found) return report
    const sdk = sdkFields(target.schema)
    for (const [field, type] of found.fields) {
      const mine = sdk.get(field)
      if (!mine) report.missing.push({ field, type: typeName(type) })
      else if (!compatible(mine, type) || (type.nullable && !mine.nullable && target.at?.part !== 'request'))
        report.mismatched.push({ field, sdk: typeName(mine), document: typeName(type) })
    }
    for (const field of sdk.keys()) if (!found.fields.has(field)) report.extra.push(field)
    return report
  })
}

/** A readable report, one block per schema. */
export function formatReport(reports: TargetReport[]): string {
  const lines: string[] = []
  for (const r of reports) {
    if (!r.where) {
      lines.push(`✗ ${r.name}: not found in the document (no matching component or operation)`)
      continue
    }
    if (!hasDrift(r)) {
      lines.push(`✓ ${r.name} matches ${r.where}`)
      continue
    }
    lines.push(`✗ ${r.name} differs from ${r.where}`)
    for (const m of r.missing) lines.push(`    missing in SDK:  ${m.field} (${m.type})`)
    for (const e of r.extra) lines.push(`    not in document: ${e}`)
    for (const t of r.mismatched)
      lines.push(`    type differs:    ${t.field}: SDK ${t.sdk}, document ${t.document}`)
  }
  const drifted = reports.filter(hasDrift).length
  lines.push(
    '',
    drifted ? `Drift in ${drifted} of ${reports.length} schemas.` : `No drift in ${reports.length} schemas.`,
  )
  return lines.join('\n')
}

/** Reads an OpenAPI JSON document from a URL or a file. */
export async function loadDocument(source: string, fetchImpl: typeof fetch = fetch): Promise<Json> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetchImpl(source, { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`GET ${source} answered ${response.status}`)
    return response.json()
  }
  return JSON.parse(await readFile(source, 'utf8'))
}

const USAGE = 'usage: check-nutan-openapi (--url <openapi.json URL> | <openapi.json file>) [--json]'

/** Runs the check; resolves to the exit code (0 no drift, 1 drift, 2 usage or load error). */
export async function main(
  argv: string[],
  io: { log: (text: string) => void; error: (text: string) => void; fetch?: typeof fetch } = console,
): Promise<number> {
  const json = argv.includes('--json')
  const args = argv.filter((a) => a !== '--json')
  const urlAt = args.indexOf('--url')
  const source = urlAt >= 0 ? args[urlAt + 1] : args.find((a) => !a.startsWith('--'))
  if (!source) {
    io.error(USAGE)
    return 2
  }
  let doc: Json
  try {
    doc = await loadDocument(source, io.fetch)
  } catch (error) {
    io.error(`Cannot read the OpenAPI document at ${source}: ${(error as Error).message}`)
    return 2
  }
  if (!doc || typeof doc !== 'object' || !(doc.openapi || doc.swagger)) {
    io.error(`${source} is not an OpenAPI document (no "openapi" field)`)
    return 2
  }
  const reports = checkDrift(doc)
  io.log(json ? JSON.stringify(reports, null, 2) : formatReport(reports))
  return reports.some(hasDrift) ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
