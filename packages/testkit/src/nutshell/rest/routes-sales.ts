// Quotes and invoices: lists by lead and creation date, status changes, and invoices made from quotes.
import { normaliseId } from '../ids'
import { createRecord, updateRecord } from '../mutations'
import { badRequest, json } from '../responses'
import type { NutshellRecord } from '../types'
import { type RestContext, readJson } from './context'
import { recordFor } from './lookup'
import { parsePaging } from './query'
import { listBody } from './render'

type Document = 'quotes' | 'invoices'

/** The statuses a caller may set (`DRAFT` and `EXPIRED` are the service's own). */
const STATUSES = ['READY', 'SENT', 'REVOKED', 'ACCEPTED', 'ARCHIVED']

function day(ctx: RestContext, type: Document, key: string): number | undefined {
  const raw = ctx.url.searchParams.get(`filter[${key}]`)
  if (raw === null) return undefined
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms)) badRequest(type, `Invalid value for filter ${key}: ${raw}`, 'Invalid filter')
  return ms
}

/** `GET /quotes`, `GET /invoices`: by `filter[lead]` and creation day (`filter[dateMin]`, `filter[dateMax]`), paged. */
export const salesList =
  (type: Document) =>
  (ctx: RestContext): Response => {
    const { page, limit } = parsePaging(ctx.url, type)
    const rawLead = ctx.url.searchParams.get('filter[lead]')
    const lead = rawLead === null ? undefined : normaliseId(rawLead, 'leads')
    if (rawLead !== null && !lead)
      badRequest(type, `Invalid value for filter lead: ${rawLead}`, 'Invalid filter')
    const min = day(ctx, type, 'dateMin')
    const max = day(ctx, type, 'dateMax')
    const records = ctx.db.list(type).filter((record) => {
      const created = Date.parse(String(record.createdTime))
      if (lead && record.links?.lead !== lead) return false
      if (min !== undefined && created < min) return false
      return max === undefined || created < max + 86_400_000
    })
    return json(listBody(type, records.slice(page * limit, page * limit + limit), records.length, ctx))
  }

/** `POST /{quotes|invoices}/{id}/status` `{ status, ... }`: moves the document and stamps the status's time. */
export const setSalesStatus =
  (type: Document) =>
  async (ctx: RestContext): Promise<Response> => {
    const record = recordFor(ctx, type, ctx.params.id!)
    const body = (await readJson(ctx, type)) as Record<string, unknown> | undefined
    const status = body?.status
    if (status === undefined || status === null) badRequest(type, 'status is required')
    if (typeof status !== 'string' || !STATUSES.includes(status))
      badRequest(type, `Invalid status: ${String(status)}; expected one of ${STATUSES.join(', ')}`)
    const stamp = new Date(ctx.now).toISOString()
    const next: NutshellRecord = { ...record, displayStatus: status }
    if (status === 'READY' && !record.publishedTime) next.publishedTime = stamp
    if (status === 'SENT') next.sentTime = stamp
    if (status === 'ACCEPTED') {
      next[type === 'quotes' ? 'acceptedTime' : 'paidTime'] = stamp
      for (const key of ['acceptedName', 'acceptedEmail'])
        if (typeof body?.[key] === 'string') next[key] = body[key]
    }
    if (type === 'invoices' && typeof body?.comment === 'string') next.completionComment = body.comment
    updateRecord(ctx.db, record, next, ctx.user.userId, ctx.now)
    return json(listBody(type, [record], 1, ctx))
  }

/** `POST /quotes/{id}/invoice`: a new draft invoice copied from the quote; 201 with `{ invoices: [...] }`. */
export function invoiceFromQuote(ctx: RestContext): Response {
  const quote = recordFor(ctx, 'quotes', ctx.params.id!)
  if (quote.displayStatus === 'REVOKED' || quote.displayStatus === 'ARCHIVED')
    badRequest('invoices', `A ${String(quote.displayStatus).toLowerCase()} quote cannot be invoiced`)
  const { id: _id, type: _type, acceptedTime: _accepted, ...copied } = quote
  const stamp = new Date(ctx.now).toISOString()
  const invoice = createRecord(
    ctx.db,
    'invoices',
    {
      ...structuredClone(copied),
      displayStatus: 'DRAFT',
      createdTime: stamp,
      publishedTime: null,
      sentTime: null,
      paidTime: null,
      completionComment: null,
      acceptedName: null,
      acceptedEmail: null,
      links: { ...quote.links, quote: quote.id },
    },
    ctx.user.userId,
    ctx.now,
  )
  return json(listBody('invoices', [invoice], 1, ctx), 201)
}
