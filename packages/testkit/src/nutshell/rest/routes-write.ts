import type { NutshellDb } from '../db'
import { createRecord, deleteRecord, undeleteRecord, updateRecord } from '../mutations'
import {
  buildAccount,
  buildActivity,
  buildContact,
  buildLead,
  buildNote,
  buildSource,
  buildTag,
  buildTask,
} from '../records'
import { badRequest, empty, json, RestFailure } from '../responses'
import { parseTime, unix } from '../time'
import type { NutshellRecord, NutshellType, RecordLinks } from '../types'
import { type RestContext, readJson } from './context'
import { applyNutshellPatch } from './json-patch'
import { recordFor, recordsFor } from './lookup'
import { listBody, view } from './render'
import { refuseMillisecondFields, refuseMillisecondOps } from './unix-times'

type Builder = (
  db: NutshellDb,
  input: Record<string, unknown>,
  actorId: string,
  now: number,
) => Omit<NutshellRecord, 'id' | 'type'>

/** Create endpoints: how each reads its body and the status it answers with (from the OpenAPI document). */
// `answer` is the document's response to each create: the record itself (`FullLead`, `Account`, `Note`)
// or the usual `{ <type>: [record] }` envelope.
const CREATES: {
  type: NutshellType
  build: Builder
  status: number
  body: 'wrapped' | 'flat' | 'data'
  answer: 'record' | 'envelope'
}[] = [
  { type: 'leads', build: buildLead, status: 201, body: 'wrapped', answer: 'record' },
  { type: 'contacts', build: buildContact, status: 200, body: 'wrapped', answer: 'envelope' },
  { type: 'accounts', build: buildAccount, status: 201, body: 'wrapped', answer: 'record' },
  { type: 'activities', build: buildActivity, status: 201, body: 'wrapped', answer: 'envelope' },
  { type: 'tasks', build: buildTask, status: 200, body: 'flat', answer: 'envelope' },
  { type: 'notes', build: buildNote, status: 201, body: 'data', answer: 'record' },
  { type: 'tags', build: buildTag, status: 200, body: 'wrapped', answer: 'envelope' },
  { type: 'sources', build: buildSource, status: 201, body: 'wrapped', answer: 'envelope' },
]

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/** The one record a create body carries: `{ leads: [{...}] }`, a flat task, or a note's `{ data: {...} }`. */
function createInput(
  type: NutshellType,
  shape: 'wrapped' | 'flat' | 'data',
  body: unknown,
): Record<string, unknown> {
  const object = asObject(body) ?? badRequest(type, `A ${type} resource is required.`)
  if (shape === 'data') {
    return (
      asObject(object.data) ??
      asObject((object.notes as unknown[] | undefined)?.[0]) ??
      badRequest(type, 'A note needs data.body and data.links.parent.')
    )
  }
  const wrapped = object[type]
  if (shape === 'flat' && wrapped === undefined) return object
  const items = Array.isArray(wrapped) ? wrapped : wrapped === undefined ? [] : [wrapped]
  if (items.length > 1) badRequest(type, `You may only create one ${type} resource per request.`)
  return asObject(items[0]) ?? badRequest(type, `A ${type} resource is required: send {"${type}":[{...}]}.`)
}

/** `POST /{type}`: creates one record from the type's body shape. */
export const create = (type: NutshellType) => {
  const { build, status, body, answer } = CREATES.find((entry) => entry.type === type)!
  return async (ctx: RestContext): Promise<Response> => {
    const input = createInput(type, body, await readJson(ctx, type))
    refuseMillisecondFields(type, input)
    const record = createRecord(
      ctx.db,
      type,
      build(ctx.db, input, ctx.user.userId, ctx.now),
      ctx.user.userId,
      ctx.now,
    )
    return json(answer === 'record' ? view(record, ctx) : listBody(type, [record], 1, ctx), status)
  }
}

const JSON_PATCH_REQUIRED = 'application/json-patch+json is required, see http://jsonapi.org'

/** `PATCH /{type}/{id}`: JSON Patch in Nutshell's path form; 204 on success. */
export const patch =
  (type: NutshellType) =>
  async (ctx: RestContext): Promise<Response> => {
    const contentType = ctx.request.headers.get('content-type')?.toLowerCase() ?? ''
    const accepted =
      contentType.startsWith('application/json-patch+json') ||
      (type === 'tasks' && contentType.startsWith('application/json'))
    if (!accepted) throw new RestFailure(json(JSON_PATCH_REQUIRED, 400))
    const record = recordFor(ctx, type, ctx.params.id!)
    const body = await readJson(ctx, type)
    const ops = type === 'tasks' && asObject(body) ? mergeOps(type, asObject(body)!) : body
    refuseMillisecondOps(type, ops)
    updateRecord(ctx.db, record, applyNutshellPatch(ctx.db, record, ops), ctx.user.userId, ctx.now)
    return empty(204)
  }

/** A task PATCH sent as a plain object becomes replace operations. */
function mergeOps(type: NutshellType, body: Record<string, unknown>): unknown[] {
  return Object.entries(body).map(([key, value]) => ({ op: 'replace', path: `/${type}/0/${key}`, value }))
}

const ACTIVITY_FIELDS = [
  'name',
  'description',
  'note',
  'location',
  'transcription',
  'isAllDay',
  'isFlagged',
  'isLogged',
]

/** `PUT /activities/{id}`: activities update with PUT and `{ activities: [{...}] }`, answering 200 with the record. */
export async function putActivity(ctx: RestContext): Promise<Response> {
  const record = recordFor(ctx, 'activities', ctx.params.id!)
  const body = asObject(await readJson(ctx, 'activities')) ?? {}
  const input = asObject((body.activities as unknown[] | undefined)?.[0]) ?? body
  refuseMillisecondFields('activities', input)
  const next: NutshellRecord = structuredClone(record)
  for (const key of ACTIVITY_FIELDS) if (key in input) next[key] = input[key]
  if ('description' in input) next.agenda = input.description
  for (const key of ['startTime', 'endTime'] as const) {
    if (key in input) {
      const ms = parseTime(input[key])
      if (ms === undefined) badRequest('activities', `Invalid ${key}`)
      next[key] = unix(ms)
    }
  }
  if (input.isLogged === true && !record.isLogged) next.loggedTime = unix(ctx.now)
  const links = asObject(input.links)
  if (links?.participants !== undefined || input.activityType !== undefined) {
    const built = buildActivity(
      ctx.db,
      {
        name: next.name,
        links: { participants: links?.participants ?? record.links?.participants },
        activityType: input.activityType ?? record.links?.activityType,
      },
      ctx.user.userId,
      ctx.now,
    )
    const builtLinks = built.links as RecordLinks
    next.links = {
      ...record.links,
      participants: builtLinks.participants!,
      activityType: builtLinks.activityType!,
    }
  }
  next.modifiedTime = unix(ctx.now)
  updateRecord(ctx.db, record, next, ctx.user.userId, ctx.now)
  return json(listBody('activities', [record], 1, ctx))
}

/** `DELETE /{type}/{id}`: contacts answer 204; the others 200 with the deleted records. */
export const remove =
  (type: NutshellType) =>
  (ctx: RestContext): Response => {
    const records = recordsFor(ctx, type, ctx.params.id!)
    for (const record of records) deleteRecord(ctx.db, record, ctx.user.userId, ctx.now)
    return type === 'contacts' ? empty(204) : json(listBody(type, records, records.length, ctx))
  }

/** `POST /{type}/{id}/undelete`: restores soft-deleted records. */
export const undelete =
  (type: NutshellType) =>
  (ctx: RestContext): Response => {
    const records = recordsFor(ctx, type, ctx.params.id!, true)
    for (const record of records) undeleteRecord(ctx.db, record, ctx.user.userId, ctx.now)
    return json(listBody(type, records, records.length, ctx))
  }
