import { formatId } from '../ids'
import { closeLead, createRecord, deleteRecord, reopenLead, updateRecord } from '../mutations'
import {
  buildAccount,
  buildActivity,
  buildContact,
  buildLead,
  buildNote,
  buildTag,
  buildTask,
} from '../records'
import { normalise } from '../rest/json-patch'
import type { NutshellRecord, NutshellType } from '../types'
import { buildProduct, buildTeam, buildUser } from './builders'
import type { RpcContext, RpcMethod } from './context'
import { entity, leadStatusName, typeOfEntity } from './entities'
import { invalidParams, RpcError, staleRev } from './errors'
import { editedRecord, restChanges } from './inputs'

type Builder = typeof buildLead
type Op = 'get' | 'edit' | 'delete'

const ALL: Op[] = ['get', 'edit', 'delete']

/** The JSON-RPC entities with get/new/edit/delete: `new<Name>` exists when there is a builder. */
const ENTITIES: { name: string; type: NutshellType; build?: Builder; ops: Op[] }[] = [
  { name: 'Lead', type: 'leads', build: buildLead, ops: ALL },
  { name: 'Contact', type: 'contacts', build: buildContact, ops: ALL },
  { name: 'Account', type: 'accounts', build: buildAccount, ops: ALL },
  { name: 'Activity', type: 'activities', build: buildActivity, ops: ALL },
  { name: 'Task', type: 'tasks', build: buildTask, ops: ALL },
  { name: 'Note', type: 'notes', build: buildNote, ops: ALL },
  { name: 'Product', type: 'products', build: buildProduct, ops: ALL },
  { name: 'User', type: 'users', build: buildUser, ops: ALL },
  { name: 'Team', type: 'teams', build: buildTeam, ops: ALL },
  { name: 'Email', type: 'emails', ops: ['get'] },
  { name: 'Step', type: 'steps', ops: ['edit'] },
]

function paramName(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1)
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw invalidParams(`${what} must be an object`)
  return value as Record<string, unknown>
}

function findRecord(ctx: RpcContext, name: string, type: NutshellType, raw: unknown): NutshellRecord {
  if (raw === undefined || raw === null) throw invalidParams(`${paramName(name)}Id is required`)
  const n = Number(raw)
  const record = Number.isInteger(n) ? ctx.db.live(formatId(n, type)) : undefined
  if (!record) throw new RpcError(404, `${name} ${String(raw)} does not exist`)
  return record
}

function checkRev(ctx: RpcContext, record: NutshellRecord, rev: unknown): void {
  if (rev === undefined || rev === null) throw invalidParams('rev is required')
  if (rev !== 'REV_IGNORE' && String(rev) !== ctx.db.rev(record.id)) throw staleRev()
}

/** Runs a REST builder and rethrows its 400 as a JSON-RPC error. */
function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof RpcError) throw error
    if (error instanceof Error && 'response' in error) throw invalidParams('the entity is not valid')
    throw error
  }
}

function applyLeadStatus(ctx: RpcContext, lead: NutshellRecord, code: unknown): void {
  if (typeof code !== 'number') return
  const status = leadStatusName(code)
  if (status === 'open' && lead.status !== 'open') reopenLead(ctx.db, lead, ctx.user.userId, ctx.now)
  const outcome = ctx.db.list('outcomes').find((record) => record.status === status)
  if (outcome && lead.status !== status) closeLead(ctx.db, lead, outcome.id, ctx.user.userId, ctx.now)
}

function getMethod(name: string, type: NutshellType): RpcMethod {
  return (params, ctx) => {
    const key = `${paramName(name)}Id`
    if (type === 'users' && (params[key] === undefined || params[key] === null))
      return entity(ctx.db, ctx.db.get(ctx.user.userId)!)
    return entity(ctx.db, findRecord(ctx, name, type, params[key]))
  }
}

function newMethod(name: string, type: NutshellType, build: Builder): RpcMethod {
  return (params, ctx) => {
    const payload =
      type === 'notes'
        ? {
            note: typeof params.note === 'string' ? params.note : object(params.note, 'note').note,
            entity: params.entity,
          }
        : object(params[paramName(name)], paramName(name))
    const { fields, links } = restChanges(ctx.db, type, payload)
    const input = { ...fields, activityType: links.activityType, links }
    const record = guarded(() =>
      createRecord(ctx.db, type, build(ctx.db, input, ctx.user.userId, ctx.now), ctx.user.userId, ctx.now),
    )
    if (type === 'leads') applyLeadStatus(ctx, record, payload.status)
    return entity(ctx.db, record)
  }
}

function editMethod(name: string, type: NutshellType): RpcMethod {
  return (params, ctx) => {
    const record = findRecord(ctx, name, type, params[`${paramName(name)}Id`])
    checkRev(ctx, record, params.rev)
    const payload = object(params[paramName(name)], paramName(name))
    const next = guarded(() =>
      normalise(record, editedRecord(ctx.db, record, restChanges(ctx.db, type, payload))),
    )
    updateRecord(ctx.db, record, next, ctx.user.userId, ctx.now)
    if (type === 'leads') applyLeadStatus(ctx, record, payload.status)
    return entity(ctx.db, record)
  }
}

function deleteMethod(name: string, type: NutshellType): RpcMethod {
  return (params, ctx) => {
    const record = findRecord(ctx, name, type, params[`${paramName(name)}Id`])
    checkRev(ctx, record, params.rev)
    deleteRecord(ctx.db, record, ctx.user.userId, ctx.now)
    return true
  }
}

function newTag(params: Record<string, unknown>, ctx: RpcContext): unknown {
  const tag = object(params.tag, 'tag')
  const type = typeOfEntity(tag.entityType) ?? 'leads'
  const fields = guarded(() => buildTag(ctx.db, { name: tag.name, tagType: type }, ctx.user.userId, ctx.now))
  const record = createRecord(ctx.db, 'tags', fields, ctx.user.userId, ctx.now)
  return { ...entity(ctx.db, record), entityType: 'Tags', tagType: type }
}

/** get/new/edit/delete for the JSON-RPC entities, sharing state with REST. */
export const crudMethods: Record<string, RpcMethod> = { newTag }
for (const { name, type, build, ops } of ENTITIES) {
  if (ops.includes('get')) crudMethods[`get${name}`] = getMethod(name, type)
  if (build) crudMethods[`new${name}`] = newMethod(name, type, build)
  if (ops.includes('edit')) crudMethods[`edit${name}`] = editMethod(name, type)
  if (ops.includes('delete')) crudMethods[`delete${name}`] = deleteMethod(name, type)
}
