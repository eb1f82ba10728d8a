// A lead's installment schedule, its stages with the time spent in each, and watching it.
import { money } from '../money'
import { createRecord, deleteRecord, updateRecord } from '../mutations'
import { badRequest, json } from '../responses'
import type { NutshellRecord } from '../types'
import { type RestContext, readJson } from './context'
import { recordFor } from './lookup'
import { listMeta, plain, view } from './render'

const DAY = 86_400_000

function schedule(ctx: RestContext, lead: NutshellRecord): NutshellRecord[] {
  return ctx.db
    .list('installments')
    .filter((item) => item.links?.lead === lead.id)
    .sort((a, b) => Date.parse(String(a.dueTime)) - Date.parse(String(b.dueTime)))
}

function installmentsBody(ctx: RestContext, lead: NutshellRecord): Record<string, unknown> {
  return { installments: schedule(ctx, lead).map((item) => plain(item, ctx)) }
}

/** `GET /leads/{id}/installments`: `{ installments: [...] }` in due order. */
export function installments(ctx: RestContext): Response {
  return json(installmentsBody(ctx, recordFor(ctx, 'leads', ctx.params.id!)))
}

/** One installment of a `POST` body, checked like the service (`dueTime`, `value` and `isFailed` are required). */
function readInstallment(raw: unknown, index: number, current: NutshellRecord[]) {
  const item = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}
  const at = `installments[${index}]`
  for (const key of ['dueTime', 'value', 'isFailed'])
    if (item[key] === undefined || item[key] === null) badRequest('installments', `${at}.${key} is required`)
  const due = Date.parse(String(item.dueTime))
  if (typeof item.dueTime !== 'string' || Number.isNaN(due))
    badRequest('installments', `${at}.dueTime must be an ISO 8601 time`)
  const amount = Number(item.value)
  if (typeof item.value !== 'string' || item.value.trim() === '' || Number.isNaN(amount) || amount < 0)
    badRequest('installments', `${at}.value must be an amount such as "1000"`)
  if (typeof item.isFailed !== 'boolean') badRequest('installments', `${at}.isFailed must be a boolean`)
  const existing =
    item.id === undefined ? undefined : current.find((installment) => installment.id === String(item.id))
  if (item.id !== undefined && !existing)
    badRequest('installments', `${at}.id is not an installment of this lead: ${String(item.id)}`)
  const description = typeof item.description === 'string' ? item.description : null
  return { existing, due, amount, isFailed: item.isFailed, description }
}

/**
 * `POST /leads/{id}/installments` `[{ dueTime, value, isFailed, description?, id? }]`: the whole new
 * schedule. Installments named by `id` are updated, the others created, and any left out removed.
 */
export async function setInstallments(ctx: RestContext): Promise<Response> {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const body = await readJson(ctx, 'installments')
  if (!Array.isArray(body)) badRequest('installments', 'The body must be an array of installments')
  const current = schedule(ctx, lead)
  const items = body.map((raw, index) => readInstallment(raw, index, current))
  const currency = (lead.value as { currency?: string } | null)?.currency ?? 'USD'
  const kept = new Set<string>()
  for (const { existing, due, amount, isFailed, description } of items) {
    const fields = {
      dueTime: new Date(due).toISOString(),
      description,
      value: money(amount, currency),
      failedTime: isFailed
        ? ((existing?.failedTime as string | null) ?? new Date(ctx.now).toISOString())
        : null,
      isPaid: isFailed ? false : ((existing?.isPaid as boolean | undefined) ?? false),
      links: { lead: lead.id },
    }
    if (existing) {
      kept.add(existing.id)
      updateRecord(ctx.db, existing, { ...existing, ...fields }, ctx.user.userId, ctx.now)
    } else {
      kept.add(createRecord(ctx.db, 'installments', fields, ctx.user.userId, ctx.now).id)
    }
  }
  for (const installment of current)
    if (!kept.has(installment.id)) deleteRecord(ctx.db, installment, ctx.user.userId, ctx.now)
  return json(installmentsBody(ctx, lead))
}

function spent(days: number): Record<string, unknown> {
  const value = Math.max(0, Math.round(days))
  return {
    formatted: `${value} ${value === 1 ? 'day' : 'days'}`,
    prefix: null,
    suffix: null,
    value,
    unit: 'days',
  }
}

/**
 * `GET /leads/{id}/stages`: the stages of the lead's pipeline in order, with the pipeline and the days
 * spent in each under `meta`. The simulator keeps no stage history: the time from the lead's creation to
 * now (or its close) is shared evenly by the stages up to its current one; later stages have 0.
 */
export function leadStages(ctx: RestContext): Response {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const stageset = ctx.db.get(String(lead.links?.stageset))
  const stages = ctx.db
    .list('stages')
    .filter((stage) => stage.links?.stageset === stageset?.id)
    .sort((a, b) => Number(a.position) - Number(b.position))
  const current = stages.findIndex((stage) => stage.id === lead.links?.stage)
  const closed = Date.parse(String(lead.closedTime))
  const end = Number.isNaN(closed) ? ctx.now : closed
  const days = Math.max(0, end - ctx.db.createdMs(lead.id)) / DAY
  const reached = current + 1
  return json({
    meta: {
      ...listMeta(stages.length, stages.length),
      timeSpent: stages.map((_, index) => spent(index < reached ? days / reached : 0)),
      stageset: stageset ? view(stageset, ctx) : null,
    },
    stages: stages.map((stage) => view(stage, ctx)),
  })
}

/** `POST /leads/{id}/watch`: toggles watching the lead for the authenticated user; answers the lead itself. */
export function watch(ctx: RestContext): Response {
  const lead = recordFor(ctx, 'leads', ctx.params.id!)
  const watchers = ctx.db.watchers.get(lead.id) ?? new Set<string>()
  if (watchers.has(ctx.user.userId)) watchers.delete(ctx.user.userId)
  else watchers.add(ctx.user.userId)
  ctx.db.watchers.set(lead.id, watchers)
  ctx.db.touch(lead.id, ctx.now)
  return json(view(lead, ctx))
}
