// `GET /{leads|contacts|accounts}/list` (records as list items) and `GET /leads/report`. Both select
// records the way `GET /{type}` does (`filter[...]`, `q`, `sort`, checked against `/list/fields`).
import type { NutshellDb } from '../db'
import { amountOf } from '../money'
import { badRequest, json } from '../responses'
import { parseTime } from '../time'
import type { NutshellRecord } from '../types'
import type { RestContext } from './context'
import { FIELDS } from './fields'
import { parsePaging, selectRecords } from './query'
import { listMeta, view } from './render'

type Owner = 'leads' | 'contacts' | 'accounts'

/** The request's URL with repeated `sort` values (`sort=name&sort=-owner`) joined as one `sort=name,-owner`. */
function joinedSort(url: URL): URL {
  const sorts = url.searchParams.getAll('sort')
  if (sorts.length < 2) return url
  const next = new URL(url)
  next.searchParams.set('sort', sorts.join(','))
  return next
}

function nameOf(db: NutshellDb, id: unknown): string | null {
  return typeof id === 'string' ? ((db.get(id)?.name as string | undefined) ?? null) : null
}

function firstLink(record: NutshellRecord, key: string): string | undefined {
  return (record.links?.[key] as string[] | undefined)?.[0]
}

/** The related record a list item names beside the record: a lead's or contact's company, an account's first person. */
function relatedOf(record: NutshellRecord, ctx: RestContext): NutshellRecord | undefined {
  const id =
    record.type === 'accounts'
      ? ctx.db.tables.contacts.find(
          (contact) =>
            !ctx.db.isDeleted(contact) &&
            (contact.links?.accounts as string[] | undefined)?.includes(record.id),
        )?.id
      : firstLink(record, 'accounts')
  return ctx.db.live(id)
}

function primaryInfo(record: NutshellRecord): string | null {
  if (record.type === 'leads') return (record.value as { formatted?: string } | null)?.formatted ?? null
  if (record.type === 'contacts') return (record.jobTitle as string | null) ?? null
  const address = (record.addresses as { city?: string; state?: string }[] | undefined)?.[0]
  return address ? [address.city, address.state].filter(Boolean).join(', ') : null
}

/** A record as a list item: display names, its related record, and the list fields' values. */
function listItem(record: NutshellRecord, ctx: RestContext): Record<string, unknown> {
  const full = view(record, ctx)
  const related = relatedOf(record, ctx)
  const relatedView = related ? view(related, ctx) : undefined
  const fields = Object.entries(FIELDS[record.type] ?? {}).map(([key, def]) => ({
    key,
    title: def.title,
    value: def.get(record, ctx.db) ?? null,
  }))
  return {
    id: record.id,
    type: record.type,
    primaryName: (record.name as string | null) ?? null,
    primaryInfo: primaryInfo(record),
    relatedName: related ? (related.name as string) : null,
    relatedInfo: related ? primaryInfo(related) : null,
    relatedType: related?.type ?? null,
    relatedUrl: (relatedView?.htmlUrl as string | undefined) ?? null,
    relatedUrlPath: (relatedView?.htmlUrlPath as string | undefined) ?? null,
    primaryContact: nameOf(ctx.db, firstLink(record, 'contacts')),
    primaryAccount: nameOf(ctx.db, firstLink(record, 'accounts')),
    latlon: null,
    mapUrl: null,
    isDeleted: false,
    fields,
    htmlUrl: full.htmlUrl,
    htmlUrlPath: full.htmlUrlPath,
    avatarUrl: (record.avatarUrl as string | null) ?? null,
    initials: (record.initials as string | null) ?? null,
  }
}

/** `GET /{type}/list`: a page (0-based `page[page]`, `page[limit]`) of the selected records as list items. */
export const listView =
  (owner: Owner) =>
  (ctx: RestContext): Response => {
    const { page, limit } = parsePaging(ctx.url, 'listItems')
    const records = selectRecords(ctx.db, owner, joinedSort(ctx.url))
    const items = records.slice(page * limit, page * limit + limit)
    return json({
      meta: listMeta(items.length, records.length),
      listItems: items.map((record) => listItem(record, ctx)),
    })
  }

const REPORT_TYPES = ['sales', 'losses', 'newleads', 'forecast', 'attribution', 'custom']
const GAPS = ['d', 'w', 'm', 'y', 'q']
const FORMATS = ['json', 'csv', 'pdf', 'png', 'html']
const SEGMENTS: Record<string, (lead: NutshellRecord, db: NutshellDb) => string[]> = {
  outcomes: (lead, db) => [nameOf(db, lead.links?.outcome) ?? 'Open'],
  assignees: (lead, db) => [nameOf(db, lead.links?.owner) ?? 'Unassigned'],
  sources: (lead, db) => ((lead.links?.sources as string[]) ?? []).map((id) => nameOf(db, id) ?? id),
  tags: (lead, db) => ((lead.links?.tags as string[]) ?? []).map((id) => nameOf(db, id) ?? id),
  competitors: (lead, db) =>
    db.tables.competitorMaps.filter((map) => map.links?.lead === lead.id).map((map) => String(map.name)),
  products: (lead, db) =>
    db.tables.productMaps.filter((map) => map.links?.lead === lead.id).map((map) => String(map.name)),
  productCategories: () => [],
  territories: () => [],
  channels: () => [],
}

/** Which leads a report counts and the time it files each under. */
const REPORTS: Record<string, { name: string; keep: (lead: NutshellRecord) => boolean; field: string }> = {
  sales: { name: 'Sales', keep: (lead) => lead.status === 'won', field: 'closedTime' },
  losses: { name: 'Losses', keep: (lead) => lead.status === 'lost', field: 'closedTime' },
  newleads: { name: 'New leads', keep: () => true, field: 'createdTime' },
  forecast: { name: 'Forecast', keep: (lead) => lead.status === 'open', field: 'dueTime' },
  attribution: { name: 'Attribution', keep: () => true, field: 'createdTime' },
  custom: { name: 'Custom', keep: () => true, field: 'createdTime' },
}

/** The first day of the bucket a time falls in (UTC), as `YYYY-MM-DD`. */
function bucketOf(ms: number, gap: string): string {
  const date = new Date(ms)
  const year = date.getUTCFullYear()
  const month = date.getUTCMonth()
  const start =
    gap === 'd'
      ? Date.UTC(year, month, date.getUTCDate())
      : gap === 'w'
        ? Date.UTC(year, month, date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
        : gap === 'm'
          ? Date.UTC(year, month, 1)
          : gap === 'q'
            ? Date.UTC(year, month - (month % 3), 1)
            : Date.UTC(year, 0, 1)
  return new Date(start).toISOString().slice(0, 10)
}

function choice(ctx: RestContext, key: string, allowed: string[], fallback: string): string {
  const value = ctx.url.searchParams.get(key) ?? fallback
  if (!allowed.includes(value)) badRequest('reports', `Invalid ${key}: ${value}`, 'Invalid filter')
  return value
}

/**
 * `GET /leads/report`: the selected leads a report counts (won for `sales`, lost for `losses`, open for
 * `forecast`, ...), bucketed by `gap` over `groupByField` and split by `segmentByField`. JSON by default;
 * `format=csv` or `html` answers the table as text. `pdf` and `png` answer a placeholder file.
 */
export function leadReport(ctx: RestContext): Response {
  const reportType = choice(ctx, 'reportType', REPORT_TYPES, 'sales')
  const gap = choice(ctx, 'gap', GAPS, 'm')
  const format = choice(ctx, 'format', FORMATS, 'json')
  const segmentBy = ctx.url.searchParams.get('segmentByField')
  if (segmentBy !== null && !SEGMENTS[segmentBy])
    badRequest('reports', `Invalid segmentByField: ${segmentBy}`, 'Invalid filter')
  const spec = REPORTS[reportType]!
  const groupBy = ctx.url.searchParams.get('groupByField') ?? spec.field
  if (!FIELDS.leads![groupBy] || FIELDS.leads![groupBy]!.kind !== 'time')
    badRequest('reports', `Invalid groupByField: ${groupBy}`, 'Invalid filter')
  const useConfidence = ctx.url.searchParams.get('useConfidence') === 'true'
  const leads = selectRecords(ctx.db, 'leads', ctx.url).filter(spec.keep)
  const worth = (lead: NutshellRecord) =>
    (amountOf(lead.value) ?? 0) * (useConfidence ? Number(lead.confidence ?? 0) / 100 : 1)
  const buckets = new Map<string, NutshellRecord[]>()
  for (const lead of leads) {
    const ms = FIELDS.leads![groupBy]!.get(lead, ctx.db) as number | null
    const time = typeof ms === 'number' ? ms : parseTime(lead[groupBy])
    if (time === undefined || time === null) continue
    const key = bucketOf(time, gap)
    buckets.set(key, [...(buckets.get(key) ?? []), lead])
  }
  const bucket = (name: string, members: NutshellRecord[], bucketType: string) => ({
    bucket: name,
    count: members.length,
    total: Math.round(members.reduce((sum, lead) => sum + worth(lead), 0) * 100) / 100,
    bucketType,
    bucketSubtype: gap,
    filters: members.map((lead) => lead.id),
    segments: segmentBy
      ? [...new Set(members.flatMap((lead) => SEGMENTS[segmentBy]!(lead, ctx.db)))].sort()
      : [],
  })
  const data = [...buckets.keys()].sort().map((key) => ({ bucket: bucket(key, buckets.get(key)!, 'time') }))
  if (format === 'csv' || format === 'html') {
    const rows = data.map(({ bucket: b }) => [b.bucket, String(b.count), String(b.total)])
    const text =
      format === 'csv'
        ? ['Bucket,Count,Total', ...rows.map((row) => row.join(','))].join('\n')
        : `<table><tr><th>Bucket</th><th>Count</th><th>Total</th></tr>${rows
            .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
            .join('')}</table>`
    return new Response(text, { headers: { 'content-type': `text/${format}; charset=utf-8` } })
  }
  if (format === 'pdf' || format === 'png') {
    return new Response(`${spec.name} report (${format} rendering is not simulated)`, {
      headers: { 'content-type': format === 'pdf' ? 'application/pdf' : 'image/png' },
    })
  }
  return json({
    reports: [
      {
        report: {
          id: `1-reports`,
          type: 'reports',
          key: reportType,
          name: spec.name,
          prefix: '$',
          data,
          summary: bucket('Total', leads, 'summary'),
        },
      },
    ],
  })
}
