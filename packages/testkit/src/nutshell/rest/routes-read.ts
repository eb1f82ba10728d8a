import { idNumber } from '../ids'
import { badRequest, json } from '../responses'
import type { NutshellRecord, NutshellType } from '../types'
import type { RestContext } from './context'
import { fieldsBody } from './fields'
import { recordFor, recordsFor } from './lookup'
import { parsePaging, selectRecords } from './query'
import { listBody, view } from './render'

/** `GET /{type}`: a 0-based page of the filtered, searched, sorted records. */
export const list =
  (type: NutshellType) =>
  (ctx: RestContext): Response => {
    const { page, limit } = parsePaging(ctx.url, type)
    const records = selectRecords(ctx.db, type, ctx.url)
    return json(listBody(type, records.slice(page * limit, page * limit + limit), records.length, ctx))
  }

/** `GET /stagesets`, `GET /stages`: every record at once, as the bare array the document declares. */
export const bareList =
  (type: NutshellType) =>
  (ctx: RestContext): Response => {
    const records = selectRecords(ctx.db, type, ctx.url)
    return json(records.map((record) => view(record, ctx)))
  }

/** `GET /{type}/{id}`: one or several (comma-joined) records, always as an array. */
export const getMany =
  (type: NutshellType) =>
  (ctx: RestContext): Response => {
    const records = recordsFor(ctx, type, ctx.params.id!)
    return json(listBody(type, records, records.length, ctx))
  }

/** `GET /leads/{id}/products`: the lead's product maps with their products. */
export function leadProducts(ctx: RestContext): Response {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const maps = ctx.db.list('productMaps').filter((map) => map.links?.lead === lead.id)
  const products = [...new Set(maps.map((map) => map.links?.product as string))].flatMap((id) => {
    const product = ctx.db.get(id)
    return product ? [view(product, ctx)] : []
  })
  const body = listBody('productMaps', maps, maps.length, ctx)
  return json({ ...body, products })
}

/** `GET /{leads|contacts|accounts}/list/fields`: the keys valid in `filter[...]` and `sort`. */
export const listFields = (type: NutshellType) => (): Response => json(fieldsBody(type))

function eventsUrl(ctx: RestContext, param: string, value: number, limit: number): string {
  const next = new URL(ctx.url)
  next.searchParams.delete('since_id')
  next.searchParams.delete('max_id')
  next.searchParams.set(param, String(value))
  next.searchParams.set('limit', String(limit))
  return `${ctx.base}/events${next.search}`
}

/** `GET /events`: the change feed, newest first, with `since_id`, `max_id`, `since_time`, `max_time`, `limit`. */
export function events(ctx: RestContext): Response {
  const params = ctx.url.searchParams
  const limit = Math.max(1, Math.min(500, Number(params.get('limit') ?? 20) || 20))
  const sinceId = params.get('since_id') ? idNumber(params.get('since_id')!) : undefined
  const maxId = params.get('max_id') ? idNumber(params.get('max_id')!) : undefined
  const sinceTime = params.get('since_time') ? Number(params.get('since_time')) : undefined
  const maxTime = params.get('max_time') ? Number(params.get('max_time')) : undefined
  const payloadTypes = params.getAll('filters[payload][]')
  const entity = params.get('entity_id')
  const matching = ctx.db.tables.events.filter((event) => {
    const n = idNumber(event.id)
    const time = event.createdTime as number
    if (sinceId !== undefined && n <= sinceId) return false
    if (maxId !== undefined && n > maxId) return false
    if (sinceTime !== undefined && time <= sinceTime) return false
    if (maxTime !== undefined && time >= maxTime) return false
    if (payloadTypes.length > 0 && !payloadTypes.includes(event.payloadType as string)) return false
    if (entity && !((event.links?.payloads as string[] | undefined) ?? []).includes(entity)) return false
    return true
  })
  const page = matching.slice(-limit).reverse()
  const ids = (records: NutshellRecord[], key: 'actor' | 'payloads') =>
    [...new Set(records.flatMap((event) => [event.links?.[key] ?? []].flat() as string[]))].flatMap((id) => {
      const record = ctx.db.get(id)
      return record ? [view(record, ctx)] : []
    })
  const body = listBody('events', page, matching.length, ctx)
  const meta = body.meta as Record<string, unknown>
  if (page.length > 0) {
    meta.previous = eventsUrl(ctx, 'since_id', idNumber(page[0]!.id), limit)
    if (matching.length > page.length)
      meta.next = eventsUrl(ctx, 'max_id', idNumber(page.at(-1)!.id) - 1, limit)
  }
  return json({ ...body, actors: ids(page, 'actor'), payloads: ids(page, 'payloads') })
}

/** Kinds of record `GET /events/deleted` narrows to with `filter[types]` (the document's list). */
const DELETED_TYPES = [
  'accounts',
  'activities',
  'assignments',
  'chats',
  'companyEnrichment',
  'constantContact',
  'contacts',
  'emails',
  'emailInteraction',
  'formSubmissions',
  'inbox_threads',
  'leadUpdates',
  'leads',
  'marketingEmails',
  'mcfxSessions',
  'notes',
  'queued',
  'ticketMessages',
  'undelivered',
  'unshared',
]

/** `GET /events/deleted`: the delete events, oldest first (`sort=-change_time` for newest first). */
export function deletedEvents(ctx: RestContext): Response {
  const types = ctx.url.searchParams.getAll('filter[types]').flatMap((value) => value.split(','))
  const unknown = types.find((type) => !DELETED_TYPES.includes(type))
  if (unknown !== undefined)
    badRequest('events', `Invalid value for filter types: ${unknown}`, 'Invalid filter')
  const sort = ctx.url.searchParams.get('sort')
  if (sort !== null && sort !== '-change_time')
    badRequest('events', `Invalid sort field: ${sort}`, 'Invalid sort')
  const matching = ctx.db.tables.events.filter(
    (event) => event.action === 'delete' && (types.length === 0 || types.includes(String(event.payloadType))),
  )
  const page = sort ? [...matching].reverse() : matching
  const payloads = [...new Set(page.flatMap((event) => event.links?.payloads as string[]))].flatMap((id) => {
    const record = ctx.db.get(id)
    return record ? [view(record, ctx)] : []
  })
  return json({ ...listBody('events', page, page.length, ctx), payloads })
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** `GET /stagesets/{id}/export`: a CSV of the pipeline's leads and the stage each is in. */
export function exportStageset(ctx: RestContext): Response {
  const stageset = recordFor(ctx, 'stagesets', ctx.params.id!)
  const rows = ctx.db
    .list('leads')
    .filter((lead) => lead.links?.stageset === stageset.id)
    .map((lead) => {
      const stage = ctx.db.get(String(lead.links?.stage))
      return [lead.id, lead.number, lead.name, stageset.name, stage?.name, stage?.position, lead.status]
    })
  const lines = [['Lead ID', 'Lead number', 'Lead', 'Pipeline', 'Stage', 'Stage position', 'Status'], ...rows]
  return new Response(`${lines.map((line) => line.map(csvCell).join(',')).join('\n')}\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="pipeline-${stageset.id}.csv"`,
    },
  })
}
