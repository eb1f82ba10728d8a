// Derives the facts of Nutshell's published OpenAPI document that the project's tests and coverage need
// (every operation: method, path, parameters, body fields and types, response statuses; never its prose)
// into packages/nutshell/openapi-manifest.json, so a fresh clone tests without ../shared beside it.
//
//   node scripts/nutshell-manifest.ts            rewrite the manifest from ../shared/reference/nutshell-openapi.json
//   node scripts/nutshell-manifest.ts --check    exit 1 when the manifest and the document disagree (drift);
//                                                 exit 0, saying so, when the document is not there
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
export const DOCUMENT = join(root, '..', 'shared', 'reference', 'nutshell-openapi.json')
export const MANIFEST = join(root, 'packages', 'nutshell', 'openapi-manifest.json')

/** A field's type as the document gives it: `string`, `integer[]`, `object`, `Lead` (a component), ... */
type FieldType = string

/** One operation of the document, facts only. */
export interface ManifestOperation {
  operationId: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  tag: string | undefined
  pathParams: string[]
  query: { name: string; required: boolean; type: FieldType }[]
  body:
    | {
        contentType: string
        kind: 'object' | 'array' | 'other'
        required: string[]
        fields: Record<string, FieldType>
      }
    | undefined
  responses: string[]
}

export interface Manifest {
  source: string
  operations: ManifestOperation[]
}

type Json = Record<string, unknown>

function typeOf(schema: Json | undefined): FieldType {
  if (!schema) return 'unknown'
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'unknown'
  if (schema.type === 'array') return `${typeOf(schema.items as Json | undefined)}[]`
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const options = (schema.oneOf ?? schema.anyOf) as Json[]
    return options.map(typeOf).join(' | ')
  }
  return typeof schema.type === 'string' ? schema.type : 'object'
}

function bodyOf(operation: Json): ManifestOperation['body'] {
  const content = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined
  if (!content) return undefined
  const [contentType, media] = Object.entries(content)[0] ?? []
  if (!contentType || !media) return undefined
  const schema = (media.schema ?? {}) as Json
  const shape = schema.type === 'array' ? ((schema.items ?? {}) as Json) : schema
  const properties = (shape.properties ?? {}) as Record<string, Json>
  return {
    contentType,
    kind:
      schema.type === 'array' ? 'array' : schema.type === 'object' || shape.properties ? 'object' : 'other',
    required: ((shape.required as string[] | undefined) ?? []).slice().sort(),
    fields: Object.fromEntries(Object.entries(properties).map(([name, field]) => [name, typeOf(field)])),
  }
}

/** The facts of every operation in the document, in the document's order. */
export function deriveManifest(document: Json): Manifest {
  const operations: ManifestOperation[] = []
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const parameters = (operation.parameters ?? []) as Json[]
      operations.push({
        operationId: String(operation.operationId),
        method: method.toUpperCase() as ManifestOperation['method'],
        path,
        tag: (operation.tags as string[] | undefined)?.[0],
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => String(p.name)),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({
            name: String(p.name),
            required: p.required === true,
            type: typeOf(p.schema as Json),
          })),
        body: bodyOf(operation),
        responses: Object.keys((operation.responses ?? {}) as Json),
      })
    }
  }
  return { source: 'Nutshell REST OpenAPI document (shared/reference/nutshell-openapi.json)', operations }
}

/** The manifest committed in the project. */
export function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest
}

function main(): void {
  if (!existsSync(DOCUMENT)) {
    console.log(`nutshell manifest: ${DOCUMENT} is not here; the committed manifest stands unchecked`)
    return
  }
  const derived = `${JSON.stringify(deriveManifest(JSON.parse(readFileSync(DOCUMENT, 'utf8')) as Json), null, 1)}\n`
  if (!process.argv.includes('--check')) {
    writeFileSync(MANIFEST, derived)
    console.log(
      `nutshell manifest: ${JSON.parse(derived).operations.length} operations written to ${MANIFEST}`,
    )
    return
  }
  const committed = existsSync(MANIFEST) ? readFileSync(MANIFEST, 'utf8') : ''
  if (committed === derived) {
    console.log('nutshell manifest: matches the OpenAPI document')
    return
  }
  const key = (o: ManifestOperation) => `${o.method} ${o.path}`
  const was = new Map(
    (committed ? (JSON.parse(committed) as Manifest).operations : []).map((o) => [key(o), o]),
  )
  const now = new Map((JSON.parse(derived) as Manifest).operations.map((o) => [key(o), o]))
  for (const k of now.keys()) if (!was.has(k)) console.log(`drift: the document added ${k}`)
  for (const k of was.keys()) if (!now.has(k)) console.log(`drift: the document dropped ${k}`)
  for (const [k, o] of now) {
    if (was.has(k) && JSON.stringify(was.get(k)) !== JSON.stringify(o)) console.log(`drift: ${k} changed`)
  }
  console.log('nutshell manifest: drift; run `node scripts/nutshell-manifest.ts` and review the change')
  process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
