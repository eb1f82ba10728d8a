import { isId } from '../../audit/values'
import type { MethodClass } from '../../policy/method-class'
import type { Requirement } from '../../policy/types'
import type { MethodRule, ObjectSurface } from '../types'

type Table = Readonly<Record<string, MethodClass | MethodRule>>

/** True when deal fields would settle the deal (a status other than open, or the closed stage). */
function settlesDeal(fields: unknown): boolean {
  if (!fields || typeof fields !== 'object') return false
  const { status, stage } = fields as { status?: unknown; stage?: unknown }
  return (status !== undefined && status !== null && status !== 'open') || stage === 'closed'
}

/** A deal write that wins or loses the deal needs `close` as well. */
function dealWrite(cls: MethodClass, fieldsAt: number): MethodRule {
  return {
    needs: (args) => [
      { resource: 'deals', class: cls },
      ...(settlesDeal(args[fieldsAt]) ? [{ resource: 'deals', class: 'close' } as const] : []),
    ],
    inputs: fieldsAt + 1,
  }
}

function tablesOf(value: unknown): Record<string, unknown[]> {
  if (!value || typeof value !== 'object') return {}
  return Object.fromEntries(
    Object.entries(value).map(([table, rows]) => [table, Array.isArray(rows) ? rows : []]),
  )
}

/** A sync push upserts (create + update), and deletes too when it carries deletes. */
const syncPush: MethodRule = {
  needs: (args) => {
    const changes = (args[0] ?? {}) as { deletes?: unknown }
    const deletes = Object.values(tablesOf(changes.deletes)).some((ids) => ids.length > 0)
    const needs: Requirement[] = [
      { resource: 'sync', class: 'create' },
      { resource: 'sync', class: 'update' },
    ]
    return deletes ? [...needs, { resource: 'sync', class: 'delete' }] : needs
  },
  ids: (args) => {
    const changes = (args[0] ?? {}) as { upserts?: unknown; deletes?: unknown }
    const upserted = Object.values(tablesOf(changes.upserts)).flatMap((rows) =>
      rows.map((row) => (row as { id?: unknown } | null)?.id),
    )
    const deleted = Object.values(tablesOf(changes.deletes)).flat()
    return [...upserted, ...deleted].filter(isId).map(String)
  },
}

const update = { needs: 'update', inputs: 2 } as const
const subList = { needs: 'read', inputs: 2 } as const

/** How each method of a NutanClient is classified. */
const tables: Record<string, Table> = {
  contacts: { list: 'read', create: 'create', update, delete: 'delete' },
  deals: {
    list: 'read',
    signals: subList,
    objections: subList,
    create: dealWrite('create', 0),
    update: dealWrite('update', 1),
    delete: 'delete',
  },
  meetings: {
    list: 'read',
    participants: subList,
    create: 'create',
    addParticipant: { needs: 'create', inputs: 2 },
    delete: 'delete',
  },
  actionItems: { list: 'read', create: 'create', update, delete: 'delete' },
  // Erasing everything is a class of its own: no level grants it, only a list naming 'erase'.
  sync: { push: syncPush, eraseAll: 'erase' },
  usage: { record: 'create' },
}

/** The resources of a NutanClient, as a scoped client exposes them. */
export const nutanObjects: Record<string, ObjectSurface> = Object.fromEntries(
  Object.entries(tables).map(([name, methods]) => [name, { methods }]),
)

/** The resources a Nutan policy may name. */
export const NUTAN_RESOURCES = Object.keys(tables)
