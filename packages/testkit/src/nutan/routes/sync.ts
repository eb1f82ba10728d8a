import type { HttpHandler } from 'msw'
import { type NutanErrorDetail, NutanHttpError, validationError } from '../errors'
import { type NutanResource, withDerived } from '../resource'
import { json, type NutanRoute } from '../router'
import { NUTAN_SYNC_TABLES, type NutanState, type NutanSyncedRow, type NutanSyncTable } from '../types'
import { readObjectBody } from '../validate'
import { actionItemsResource } from './action-items'
import { contactsResource } from './contacts'
import { dealsResource } from './deals'
import { meetingsResource } from './meetings'

/** The most rows (upserts + deletes) one `POST /v1/sync` may carry. */
export const NUTAN_SYNC_BATCH_LIMIT = 500

// Synced rows of these tables also show up through the REST endpoints.
const MIRRORED: Partial<Record<NutanSyncTable, NutanResource<{ id: string }>>> = {
  contacts: contactsResource as unknown as NutanResource<{ id: string }>,
  deals: dealsResource as unknown as NutanResource<{ id: string }>,
  meetings: meetingsResource as unknown as NutanResource<{ id: string }>,
  action_items: actionItemsResource as unknown as NutanResource<{ id: string }>,
}

const isTable = (name: string): name is NutanSyncTable =>
  (NUTAN_SYNC_TABLES as readonly string[]).includes(name)

function readGroup(
  body: Record<string, unknown>,
  name: string,
  details: NutanErrorDetail[],
): [string, unknown[]][] {
  const group = body[name]
  if (group === undefined || group === null) return []
  if (typeof group !== 'object' || Array.isArray(group)) {
    details.push({ field: name, message: 'Must be an object of table name to rows' })
    return []
  }
  return Object.entries(group).flatMap(([table, rows]): [string, unknown[]][] => {
    if (Array.isArray(rows)) return [[table, rows]]
    details.push({ field: `${name}.${table}`, message: 'Must be an array' })
    return []
  })
}

function checkBatch(
  upserts: [string, unknown[]][],
  deletes: [string, unknown[]][],
  details: NutanErrorDetail[],
) {
  for (const [group, entries] of [
    ['upserts', upserts],
    ['deletes', deletes],
  ] as const) {
    for (const [table, rows] of entries) {
      if (!isTable(table)) {
        details.push({
          field: `${group}.${table}`,
          message: `Unknown table; expected one of ${NUTAN_SYNC_TABLES.join(', ')}`,
        })
        continue
      }
      rows.forEach((row, i) => {
        const id = group === 'upserts' ? (row as { id?: unknown } | null)?.id : row
        if (group === 'upserts' && (!row || typeof row !== 'object' || Array.isArray(row))) {
          details.push({ field: `${group}.${table}[${i}]`, message: 'Must be an object' })
        } else if (typeof id !== 'string' || id === '') {
          details.push({
            field: `${group}.${table}[${i}]${group === 'upserts' ? '.id' : ''}`,
            message: 'Must be a non-empty id string',
          })
        }
      })
    }
  }
}

function mirrorUpsert(state: NutanState, table: NutanSyncTable, row: NutanSyncedRow, nowIso: string): void {
  const resource = MIRRORED[table]
  if (!resource) return
  const target = resource.table(state)
  const base = target.get(row.id) ?? resource.blank(row.id, nowIso)
  // Only the record's own fields cross over, so REST lists keep their shape.
  const merged: Record<string, unknown> = { ...base }
  for (const key of Object.keys(base)) if (key in row) merged[key] = row[key]
  if ('updated_at' in base && !('updated_at' in row)) merged.updated_at = nowIso
  target.set(row.id, withDerived(resource, merged as { id: string }))
}

function mirrorDelete(state: NutanState, table: NutanSyncTable, id: string, nowIso: string): void {
  const resource = MIRRORED[table]
  const existing = resource?.table(state).get(id)
  if (!resource || !existing) return
  if (!resource.softDelete) {
    resource.table(state).delete(id)
    resource.afterDelete?.(state, id)
  } else if (!(existing as { deleted_at?: string | null }).deleted_at) {
    resource.table(state).set(id, { ...existing, deleted_at: nowIso, updated_at: nowIso } as { id: string })
  }
}

/** Erases every record and synced row; answers how many rows went. */
export function eraseNutanData(state: NutanState): number {
  let rows = state.usage.length
  for (const map of Object.values(state.synced)) rows += map.size
  for (const table of [
    state.contacts,
    state.deals,
    state.meetings,
    state.participants,
    state.actionItems,
    state.signals,
    state.objections,
  ]) {
    rows += table.size
    table.clear()
  }
  for (const map of Object.values(state.synced)) map.clear()
  state.usage.length = 0
  return rows
}

/** `POST /v1/sync` (batched, idempotent upsert/delete) and `DELETE /v1/sync` (erasure), strict tier. */
export function syncRoutes(route: NutanRoute): HttpHandler[] {
  return [
    route(
      'post',
      '*/v1/sync',
      async (ctx) => {
        const body = await readObjectBody(ctx.request)
        const details: NutanErrorDetail[] = []
        const upserts = readGroup(body, 'upserts', details)
        const deletes = readGroup(body, 'deletes', details)
        if (details.length > 0) throw validationError(details)
        const count = [...upserts, ...deletes].reduce((n, [, rows]) => n + rows.length, 0)
        if (count > NUTAN_SYNC_BATCH_LIMIT) {
          throw new NutanHttpError(
            400,
            'batch_too_large',
            `A sync batch holds at most ${NUTAN_SYNC_BATCH_LIMIT} rows`,
            [
              {
                field: 'upserts',
                message: `${count} rows sent (upserts + deletes); the limit is ${NUTAN_SYNC_BATCH_LIMIT}`,
              },
            ],
          )
        }
        checkBatch(upserts, deletes, details)
        if (details.length > 0) throw validationError(details)

        const nowIso = new Date(ctx.now).toISOString()
        let upserted = 0
        let deleted = 0
        for (const [table, rows] of upserts as [NutanSyncTable, NutanSyncedRow[]][]) {
          for (const row of rows) {
            ctx.state.synced[table].set(row.id, { ...row })
            mirrorUpsert(ctx.state, table, row, nowIso)
            upserted++
          }
        }
        for (const [table, ids] of deletes as [NutanSyncTable, string[]][]) {
          for (const id of ids) {
            ctx.state.synced[table].delete(id)
            mirrorDelete(ctx.state, table, id, nowIso)
            deleted++
          }
        }
        return json({ upserted, deleted, synced_at: nowIso })
      },
      { tier: 'strict' },
    ),
    route('delete', '*/v1/sync', (ctx) => json({ erased: true, rows: eraseNutanData(ctx.state) }), {
      tier: 'strict',
    }),
  ]
}
