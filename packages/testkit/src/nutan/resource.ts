import type { HttpHandler } from 'msw'
import { notFound } from './errors'
import { pageOf } from './paging'
import { json, type NutanRoute, type NutanRouteContext, noContent } from './router'
import { nextNutanId } from './state'
import type { Table } from './table'
import type { NutanCollection, NutanState } from './types'
import { checkFields, type FieldRules, readObjectBody } from './validate'

type Row = { id: string; deleted_at?: string | null; updated_at?: string }

/** How one collection behaves over REST: its rules, filters, defaults and kind of delete. */
export interface NutanResource<T extends Row> {
  /** Names the record in error messages ("Contact not found"). */
  label: string
  /** The collection's name, as `extraFields` and `POST /v1/sync` know it. */
  collection: NutanCollection
  table: (state: NutanState) => Table<T>
  rules: FieldRules
  /** Prefix of the ids the simulator assigns (`con`, `deal`, ...). */
  idPrefix: string
  /** A record with every field at its default; created and synced rows are laid over it. */
  blank: (id: string, nowIso: string) => T
  /** Fields computed from others (a meeting's duration), applied after every write. */
  derive?: (row: T) => T
  /** List filters by query parameter; a row is listed when every given filter keeps it. */
  filters: Record<string, (row: T, value: string) => boolean>
  /** Contacts and deals keep a tombstone (`deleted_at`); the others are removed. */
  softDelete: boolean
  /** Extra clean-up after a hard delete (a meeting's participants). */
  afterDelete?: (state: NutanState, id: string) => void
}

/** Applies the resource's derived fields. */
export function withDerived<T extends Row>(resource: NutanResource<T>, row: T): T {
  return resource.derive ? resource.derive(row) : row
}

const isLive = (row: Row): boolean => row.deleted_at === null || row.deleted_at === undefined

/** The live rows of a table that pass the URL's filters, in creation order. */
export function listRows<T extends Row>(resource: NutanResource<T>, state: NutanState, url: URL): T[] {
  const given = Object.entries(resource.filters).flatMap(([name, keep]) => {
    const value = url.searchParams.get(name)
    return value === null || value === '' ? [] : [{ name, value, keep }]
  })
  const key = JSON.stringify(given.map((f) => [f.name, f.value]))
  return resource.table(state).select(key, (row) => isLive(row) && given.every((f) => f.keep(row, f.value)))
}

/** A live record by id, or a 404. */
export function findLive<T extends Row>(
  resource: NutanResource<T>,
  state: NutanState,
  id: string | undefined,
): T {
  const row = id === undefined ? undefined : resource.table(state).get(id)
  if (!row || !isLive(row)) throw notFound(resource.label)
  return row
}

/** A record as the API answers with it: the stored fields plus any extra fields of its collection. */
function present<T extends Row>(resource: NutanResource<T>, ctx: NutanRouteContext, row: T): T {
  const extra = ctx.options.extraFields[resource.collection]
  return extra ? { ...extra, ...row } : row
}

/** The REST handlers of one collection at `base` (`*\/v1/contacts`), limited to `ops`. */
export function resourceRoutes<T extends Row>(
  route: NutanRoute,
  base: string,
  resource: NutanResource<T>,
  ops: ReadonlyArray<'list' | 'create' | 'update' | 'delete'>,
): HttpHandler[] {
  const handlers: HttpHandler[] = []
  if (ops.includes('list')) {
    handlers.push(
      route('get', base, (ctx) => {
        const page = pageOf(listRows(resource, ctx.state, ctx.url), ctx.url, ctx.options.overLimit)
        return json({ ...page, data: page.data.map((row) => present(resource, ctx, row)) })
      }),
    )
  }
  if (ops.includes('create')) {
    handlers.push(
      route('post', base, async (ctx) => {
        const fields = checkFields(await readObjectBody(ctx.request), resource.rules)
        const blank = resource.blank(
          nextNutanId(ctx.state, resource.idPrefix),
          new Date(ctx.now).toISOString(),
        )
        const row = withDerived(resource, { ...blank, ...fields })
        resource.table(ctx.state).set(row.id, row)
        return json(present(resource, ctx, row), 201)
      }),
    )
  }
  if (ops.includes('update')) {
    handlers.push(
      route('patch', `${base}/:id`, async (ctx) => {
        const existing = findLive(resource, ctx.state, ctx.params.id)
        const fields = checkFields(await readObjectBody(ctx.request), resource.rules, { partial: true })
        const row: T = withDerived(resource, { ...existing, ...fields })
        if ('updated_at' in existing) row.updated_at = new Date(ctx.now).toISOString()
        resource.table(ctx.state).set(row.id, row)
        return json(present(resource, ctx, row))
      }),
    )
  }
  if (ops.includes('delete')) {
    handlers.push(
      route('delete', `${base}/:id`, (ctx) => {
        const existing = findLive(resource, ctx.state, ctx.params.id)
        const table = resource.table(ctx.state)
        if (resource.softDelete) {
          const at = new Date(ctx.now).toISOString()
          table.set(existing.id, { ...existing, deleted_at: at, updated_at: at })
        } else {
          table.delete(existing.id)
          resource.afterDelete?.(ctx.state, existing.id)
        }
        return noContent()
      }),
    )
  }
  return handlers
}
