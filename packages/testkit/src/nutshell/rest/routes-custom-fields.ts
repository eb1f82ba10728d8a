// Custom fields of leads, contacts and accounts: the fields each kind of record can carry
// (`GET /{type}/customfields/attributes`), one record's values (`GET /{type}/{id}/customfields`) and new
// definitions (`POST /{type}/customfield`). A record keeps its values in `customFields` by field name, the
// way `POST /leads` and JSON Patch set them, so all three views agree.
import { createRecord, updateRecord } from '../mutations'
import { badRequest, empty, json, notFound } from '../responses'
import { unix } from '../time'
import type { NutshellRecord } from '../types'
import { type RestContext, readJson } from './context'
import { recordFor } from './lookup'
import { plain } from './render'

type Owner = 'leads' | 'contacts' | 'accounts'

/** Data types a custom field can have; the document says email, location, phone and URL apply to leads only. */
const FIELD_TYPES = [
  'text',
  'number',
  'currency',
  'date',
  'enum',
  'checkbox',
  'email',
  'location',
  'phone',
  'url',
]
const LEAD_ONLY = new Set(['email', 'location', 'phone', 'url'])

/**
 * Where the document puts each answer: accounts wrap the fields in `{ customFields: [...] }`, leads and
 * contacts answer a bare array.
 */
const WRAPPED: Record<Owner, boolean> = { leads: false, contacts: false, accounts: true }

function definitions(ctx: RestContext, owner: Owner): NutshellRecord[] {
  return ctx.db.list('customFields').filter((field) => field.entityType === owner)
}

function answer(owner: Owner, fields: Record<string, unknown>[]): Response {
  return json(WRAPPED[owner] ? { customFields: fields } : fields)
}

/** `GET /{type}/customfields/attributes`: the custom fields any record of the type can carry. */
export const customFieldAttributes =
  (owner: Owner) =>
  (ctx: RestContext): Response =>
    answer(
      owner,
      definitions(ctx, owner).map((field) => plain(field, ctx)),
    )

/** `GET /{type}/{id}/customfields`: each custom field of the type with the record's value (null when unset). */
export const customFieldValues =
  (owner: Owner) =>
  (ctx: RestContext): Response => {
    const record = recordFor(ctx, owner, ctx.params.id!)
    const values = (record.customFields as Record<string, unknown> | undefined) ?? {}
    return answer(
      owner,
      definitions(ctx, owner).map((field) => ({
        ...plain(field, ctx),
        value: values[String(field.name)] ?? null,
      })),
    )
  }

function text(value: unknown, key: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value.trim() === '') badRequest('customFields', `${key} must be a string`)
  return value.trim()
}

/**
 * `POST /{type}/customfield`: defines a custom field (`name`, `type`, `choices` for an enum), or with an
 * `id` changes one; 200 with no body, as documented.
 */
export const defineCustomField =
  (owner: Owner) =>
  async (ctx: RestContext): Promise<Response> => {
    const body = await readJson(ctx, 'customFields')
    if (!body || typeof body !== 'object' || Array.isArray(body))
      badRequest('customFields', 'A custom field is required, e.g. {"name":"Region","type":"text"}')
    const input = body as Record<string, unknown>
    const existing =
      input.id === undefined
        ? undefined
        : (definitions(ctx, owner).find((field) => field.id === String(input.id)) ?? notFound())
    const name =
      text(input.name, 'name') ?? text(input.title, 'title') ?? (existing?.name as string | undefined)
    if (!name) badRequest('customFields', 'name is required')
    const fieldType = text(input.type, 'type')?.toLowerCase() ?? (existing?.fieldType as string) ?? 'text'
    if (!FIELD_TYPES.includes(fieldType))
      badRequest('customFields', `Invalid custom field type: ${fieldType}`)
    if (owner !== 'leads' && LEAD_ONLY.has(fieldType))
      badRequest('customFields', `Custom fields of type ${fieldType} apply to leads only`)
    const choices = input.choices ?? existing?.choices ?? null
    if (fieldType === 'enum') {
      const valid =
        Array.isArray(choices) && choices.length > 0 && choices.every((choice) => typeof choice === 'string')
      if (!valid) badRequest('customFields', 'choices is required for an enum custom field')
    }
    const clash = definitions(ctx, owner).find(
      (field) => field.id !== existing?.id && String(field.name).toLowerCase() === name.toLowerCase(),
    )
    if (clash) badRequest('customFields', `A custom field named ${name} already exists`)
    const fields = {
      name,
      title: text(input.title, 'title') ?? name,
      fieldType,
      entityType: owner,
      choices: fieldType === 'enum' ? choices : null,
      isMultiple: fieldType === 'enum' && input.isMultiple === true,
      modifiedTime: unix(ctx.now),
    }
    if (existing) updateRecord(ctx.db, existing, { ...existing, ...fields }, ctx.user.userId, ctx.now)
    else createRecord(ctx.db, 'customFields', fields, ctx.user.userId, ctx.now)
    return empty(200)
  }
