// The JSON-RPC methods about the account rather than one record type: the timeline, processes, custom
// fields, backups, analytics, update times, instance data, and the find-or-create `newSource`/`newEmail`.
import { createRecord } from '../mutations'
import { buildSource } from '../records'
import { unix } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import type { RpcContext, RpcMethod } from './context'
import { ENTITY_TYPES, entity, stub } from './entities'
import { invalidParams } from './errors'
import { refId } from './inputs'
import { pagedFinder } from './methods-find'

const DAY = 86_400_000
const TIMELINE_TYPES: NutshellType[] = ['activities', 'notes', 'emails']

/** The REST id of a required `query` naming one entity (`{ entityType, id }`). */
function entityQuery(params: Record<string, unknown>): string {
  const query = params.query
  if (
    !query ||
    typeof query !== 'object' ||
    Array.isArray(query) ||
    (query as { id?: unknown }).id === undefined
  )
    throw invalidParams('query must name an entity: { entityType, id }')
  return refId(query, 'leads')
}

function linksTo(record: NutshellRecord, id: string): boolean {
  return Object.values(record.links ?? {}).some((value) =>
    Array.isArray(value) ? value.includes(id) : value === id,
  )
}

/** `findTimeline {query: {entityType, id}, ...paging}`: the activities, notes and emails about a record. */
const findTimeline = pagedFinder({
  orderBy: 'time',
  stubs: true,
  records: (params, ctx) => {
    const id = entityQuery(params)
    return TIMELINE_TYPES.flatMap((type) => ctx.db.list(type).filter((record) => linksTo(record, id)))
  },
})

/** `findProcesses {query: {entityType, id}}`: the sales processes of a record, with their steps. */
function findProcesses(params: Record<string, unknown>, ctx: RpcContext): unknown {
  const id = entityQuery(params)
  return ctx.db
    .list('processes')
    .filter((process) => process.links?.entity === id)
    .map((process) => entity(ctx.db, process))
}

/** `findCustomFields`: the custom fields of each record type, `{ Leads: [...], Contacts: [...], Accounts: [...] }`. */
function findCustomFields(_params: Record<string, unknown>, ctx: RpcContext): unknown {
  const byType: Record<string, unknown[]> = { Leads: [], Contacts: [], Accounts: [] }
  for (const field of ctx.db.list('customFields')) {
    const key = ENTITY_TYPES[field.entityType as NutshellType] ?? String(field.entityType)
    byType[key] = [
      ...(byType[key] ?? []),
      {
        id: Number.parseInt(field.id, 10),
        entityType: 'CustomFields',
        rev: ctx.db.rev(field.id),
        name: field.name,
        type: field.fieldType,
        isMultiple: field.isMultiple,
        choices: field.choices,
      },
    ]
  }
  return byType
}

/** `newBackup`: starts a backup (reported as running; it has no download yet). */
function newBackup(_params: Record<string, unknown>, ctx: RpcContext): unknown {
  const number = ctx.db.peekNumber('backups')
  const record = createRecord(
    ctx.db,
    'backups',
    { name: `Backup ${number}`, status: 'running', url: null, createdTime: unix(ctx.now) },
    ctx.user.userId,
    ctx.now,
  )
  return entity(ctx.db, record)
}

/** `newSource {name}`: the live source with that name, or a new one. */
function newSource(params: Record<string, unknown>, ctx: RpcContext): unknown {
  if (typeof params.name !== 'string' || params.name.trim() === '') throw invalidParams('name is required')
  const name = params.name.trim()
  const found = ctx.db
    .list('sources')
    .find((source) => String(source.name).toLowerCase() === name.toLowerCase())
  const record =
    found ??
    createRecord(
      ctx.db,
      'sources',
      buildSource(ctx.db, { name }, ctx.user.userId, ctx.now),
      ctx.user.userId,
      ctx.now,
    )
  return entity(ctx.db, record)
}

/** The value of one RFC 822 header (unfolded), or null. */
function header(head: string, name: string): string | null {
  const match = new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head)
  return match ? match[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : null
}

function addresses(value: string | null): string[] {
  return value ? [...value.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g)].map((match) => match[0].toLowerCase()) : []
}

/** `newEmail {emailString}`: logs an RFC 822 email, linked to the contacts whose addresses it names. */
function newEmail(params: Record<string, unknown>, ctx: RpcContext): unknown {
  if (typeof params.emailString !== 'string' || params.emailString.trim() === '')
    throw invalidParams('emailString is required')
  const text = params.emailString
  const split = /\r?\n\r?\n/.exec(text)
  const head = split ? text.slice(0, split.index) : text
  const from = addresses(header(head, 'From'))[0] ?? null
  const to = addresses(header(head, 'To'))
  const sent = Date.parse(header(head, 'Date') ?? '')
  const everyone = new Set([from, ...to])
  const contacts = ctx.db
    .list('contacts')
    .filter((contact) =>
      (contact.emails as { value: string }[]).some((email) => everyone.has(email.value.toLowerCase())),
    )
    .map((contact) => contact.id)
  const record = createRecord(
    ctx.db,
    'emails',
    {
      subject: header(head, 'Subject') ?? '',
      body: split ? text.slice(split.index + split[0].length) : '',
      direction: ctx.db.list('users').some((user) => (user.emails as string[]).includes(from ?? ''))
        ? 'outbound'
        : 'inbound',
      fromAddress: from,
      toAddresses: to,
      sentTime: unix(Number.isNaN(sent) ? ctx.now : sent),
      createdTime: unix(ctx.now),
      deletedTime: null,
      links: { contacts, leads: [], creator: ctx.user.userId },
    },
    ctx.user.userId,
    ctx.now,
  )
  return entity(ctx.db, record)
}

/** The series `getAnalyticsReport` counts per report type. */
const REPORT_SERIES: Record<string, [string, NutshellType][]> = {
  Pipeline: [
    ['leads', 'leads'],
    ['won', 'leads'],
  ],
  Effort: [
    ['activities', 'activities'],
    ['emails', 'emails'],
  ],
}

function summary(counts: number[], previous: number[]): Record<string, unknown> {
  const stats = (values: number[]) => {
    const sum = values.reduce((a, b) => a + b, 0)
    return {
      sum,
      avg: values.length ? sum / values.length : 0,
      min: Math.min(...values),
      max: Math.max(...values),
    }
  }
  const now = stats(counts)
  const before = stats(previous)
  return {
    sum: now.sum,
    avg: now.avg,
    min: String(now.min),
    max: String(now.max),
    sum_delta: now.sum - before.sum,
    avg_delta: now.avg - before.avg,
    min_delta: now.min - before.min,
    max_delta: now.max - before.max,
  }
}

/**
 * `getAnalyticsReport {reportType: "Pipeline"|"Effort", period, filter?, options?}`: weekly counts over the
 * 12 weeks up to the newest record, `[msTimestamp, "count"]` points per series, and a summary against the
 * 12 weeks before.
 */
function getAnalyticsReport(params: Record<string, unknown>, ctx: RpcContext): unknown {
  const series = REPORT_SERIES[String(params.reportType)]
  if (!series) throw invalidParams('reportType must be "Pipeline" or "Effort"')
  if (typeof params.period !== 'string' || params.period === '') throw invalidParams('period is required')
  const created = (type: NutshellType) => ctx.db.list(type).map((record) => ctx.db.createdMs(record.id))
  const end = Math.max(...created('leads'), ...created('activities')) + 1
  const week = 7 * DAY
  const seriesData: Record<string, [number, string][]> = {}
  const summaryData: Record<string, unknown> = {}
  for (const [name, type] of series) {
    const times = ctx.db
      .list(type)
      .filter((record) => name !== 'won' || record.status === 'won')
      .map((record) => ctx.db.createdMs(record.id))
    const bucket = (start: number) => times.filter((ms) => ms >= start && ms < start + week).length
    const starts = Array.from({ length: 12 }, (_, i) => end - (12 - i) * week)
    const counts = starts.map(bucket)
    seriesData[name] = starts.map((start, i) => [start, String(counts[i])])
    summaryData[name] = summary(
      counts,
      starts.map((start) => bucket(start - 12 * week)),
    )
  }
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return {
    seriesData,
    summaryData,
    periodDescription: `${day(end - 12 * week)} to ${day(end)}`,
    deltaPeriodDescription: `${day(end - 24 * week)} to ${day(end - 12 * week)}`,
  }
}

/** The provisioning bins `getUpdateTimes` reports, by JSON-RPC entity type. */
const BINS: NutshellType[] = [
  'users',
  'teams',
  'activityTypes',
  'stages',
  'stagesets',
  'sources',
  'products',
  'outcomes',
  'industries',
  'accountTypes',
  'markets',
  'territories',
  'competitors',
  'origins',
  'tags',
]

/** `getUpdateTimes`: when each provisioning bin last changed (ISO time, null when empty). */
function getUpdateTimes(_params: Record<string, unknown>, ctx: RpcContext): unknown {
  return Object.fromEntries(
    BINS.map((type) => {
      const latest = Math.max(0, ...ctx.db.tables[type].map((record) => ctx.db.modifiedMs(record.id)))
      return [ENTITY_TYPES[type] ?? type, latest ? new Date(latest).toISOString() : null]
    }),
  )
}

/** `instanceData`: the authenticated instance. */
function instanceData(_params: Record<string, unknown>, ctx: RpcContext): unknown {
  const edition = ctx.db.list('editions').find((record) => record.isCurrent)
  const market = ctx.db.list('markets').find((record) => record.isDefault)
  return {
    id: 1,
    entityType: 'Instances',
    name: 'Nutshell Simulator',
    edition: edition?.name ?? null,
    currency: market?.currency ?? 'USD',
    timezone: ctx.db.list('settings').find((record) => record.name === 'timezone')?.value ?? 'UTC',
    userCount: ctx.db.list('users').length,
    user: stub(ctx.db, ctx.db.get(ctx.user.userId)!),
  }
}

/** Account-level methods. */
export const accountMethods: Record<string, RpcMethod> = {
  findTimeline,
  findProcesses,
  findCustomFields,
  findBackups: (_params, ctx) => ctx.db.list('backups').map((record) => entity(ctx.db, record)),
  newBackup,
  newSource,
  newEmail,
  getAnalyticsReport,
  getUpdateTimes,
  instanceData,
}
