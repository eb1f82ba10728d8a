// Lookup collections (industries, account types, markets, competitors, ...), forms and saved filters. Each
// answers in the shape Nutshell's OpenAPI document gives that path, which differs between them: a bare
// array, one bare record, or the usual `{ meta, links, <type>: [...] }` envelope.
import { idType, normaliseId } from '../ids'
import { createRecord } from '../mutations'
import { badRequest, json, notFound } from '../responses'
import { unix } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import { type RestContext, readJson } from './context'
import { recordFor, recordsFor } from './lookup'
import { selectRecords } from './query'
import { listBody, listMeta, plain } from './render'

/**
 * How a lookup answers: `array` a bare array of records, `record` one bare record, `envelope` the records
 * under their type with `meta` and `links`. `GET /markets` and `GET /editions` are documented as one
 * record: the default market and the instance's current edition.
 */
export type LookupShape = 'array' | 'record' | 'envelope'

/** `GET /{lookup}`: every live record (searched with `q`), in the documented shape. */
export const lookupList =
  (type: NutshellType, shape: LookupShape, pick?: (record: NutshellRecord) => boolean) =>
  (ctx: RestContext): Response => {
    const records = selectRecords(ctx.db, type, ctx.url)
    if (shape === 'envelope') return json(listBody(type, records, records.length, ctx))
    if (shape === 'array') return json(records.map((record) => plain(record, ctx)))
    const chosen = records.find((record) => pick?.(record)) ?? records[0] ?? notFound()
    return json(plain(chosen, ctx))
  }

/** `GET /{lookup}/{id}`: one record (a bare one, or enveloped), or the HTML 404 for an unknown id. */
export const lookupGet =
  (type: NutshellType, shape: Exclude<LookupShape, 'array'>) =>
  (ctx: RestContext): Response => {
    if (shape === 'record') return json(plain(recordFor(ctx, type, ctx.params.id!), ctx))
    const records = recordsFor(ctx, type, ctx.params.id!)
    return json(listBody(type, records, records.length, ctx))
  }

/** The `[{ name }, ...]` a create body carries under `key`; a missing or blank name is a 400. */
function namedItems(body: unknown, key: string): string[] {
  const items = (body as Record<string, unknown> | undefined)?.[key]
  if (!Array.isArray(items) || items.length === 0)
    badRequest(key, `${key} is required, e.g. {"${key}":[{"name":"..."}]}`)
  return items.map((item) => {
    const name = (item as { name?: unknown } | null)?.name
    if (typeof name !== 'string' || name.trim() === '') badRequest(key, 'Name is required')
    return name.trim()
  })
}

/** `POST /audiences` `{ emAudiences: [{ name }] }` and `POST /productcategories` `{ productCategories: [...] }`: 201. */
export const createNamed =
  (type: 'emAudiences' | 'productCategories', fields: Record<string, unknown>) =>
  async (ctx: RestContext): Promise<Response> => {
    const names = namedItems(await readJson(ctx, type), type)
    const records = names.map((name) =>
      createRecord(ctx.db, type, { name, ...fields, modifiedTime: unix(ctx.now) }, ctx.user.userId, ctx.now),
    )
    const body =
      type === 'emAudiences'
        ? { emAudiences: records.map((record) => plain(record, ctx)) }
        : listBody(type, records, records.length, ctx)
    return json(body, 201)
  }

/** `GET /outcomes/{id}`: the outcome itself (the document gives a bare `LeadOutcome`). */
export const outcome = lookupGet('outcomes', 'record')

/** `GET /forms`: the forms that are not archived, under `wfForms`. */
export function forms(ctx: RestContext): Response {
  const records = ctx.db.list('wfForms').filter((form) => !form.isArchived)
  return json({
    meta: listMeta(records.length, records.length),
    links: {},
    wfForms: records.map((record) => plain(record, ctx)),
  })
}

/**
 * `GET /forms/{id}` and `GET /forms/{fieldId}` share one URL shape: a `-wfFields` id is a field (answered
 * under `wfFields`), any other id a form (answered under `wfForms`, with its fields under `wfFields`).
 */
export function formOrField(ctx: RestContext): Response {
  const raw = ctx.params.id ?? ctx.params.fieldId!
  if (idType(raw)?.toLowerCase() === 'wffields') {
    return json({ wfFields: [plain(recordFor(ctx, 'wfFields', raw), ctx)] })
  }
  const form = recordFor(ctx, 'wfForms', raw)
  const fields = ((form.links?.fields as string[] | undefined) ?? []).flatMap((id) => {
    const field = ctx.db.live(id)
    return field ? [plain(field, ctx)] : []
  })
  return json({
    meta: listMeta(1, 1),
    links: {},
    wfForms: [plain(form, ctx)],
    wfFields: fields,
  })
}

const FILTER_REPORT_TYPES = ['report_*', 'entity_list_leads', 'entity_list_contacts', 'entity_list_accounts']

/** `GET /filters`: saved filters, by `userId` and `reportType` (`report_*` is every report's). */
export function savedFilters(ctx: RestContext): Response {
  const params = ctx.url.searchParams
  const reportType = params.get('reportType')
  if (reportType !== null && !FILTER_REPORT_TYPES.includes(reportType))
    badRequest('filters', `Invalid reportType: ${reportType}`, 'Invalid filter')
  const rawUser = params.get('userId')
  const userId = rawUser === null ? undefined : normaliseId(rawUser, 'users')
  if (rawUser !== null && !userId) badRequest('filters', `Invalid userId: ${rawUser}`, 'Invalid filter')
  const needle = params.get('filter')?.toLowerCase()
  const records = ctx.db.list('filters').filter((record) => {
    const kind = String(record.reportType)
    if (reportType === 'report_*' && !kind.startsWith('report_')) return false
    if (reportType && reportType !== 'report_*' && kind !== reportType) return false
    if (userId && record.links?.user !== userId) return false
    return !needle || String(record.name).toLowerCase().includes(needle)
  })
  return json(listBody('filters', records, records.length, ctx))
}
