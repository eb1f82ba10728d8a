// Competitor maps and product maps: the competitors and products set on leads, read, patched and removed.
import { amountOf, money } from '../money'
import { deleteRecord, updateRecord } from '../mutations'
import { badRequest, empty, json } from '../responses'
import type { NutshellRecord } from '../types'
import { type RestContext, readJson } from './context'
import { recordsFor } from './lookup'
import { listBody, listMeta, view } from './render'

type MapType = 'competitorMaps' | 'productMaps'

/** `{ competitorMaps, leads, competitors }`: the maps with the leads and competitors they join. */
function competitorMapsBody(ctx: RestContext, maps: NutshellRecord[]): Record<string, unknown> {
  const related = (key: string) =>
    [...new Set(maps.map((map) => map.links?.[key] as string))].flatMap((id) => {
      const record = ctx.db.live(id)
      return record ? [view(record, ctx)] : []
    })
  return {
    meta: listMeta(maps.length, maps.length),
    competitorMaps: maps.map((map) => view(map, ctx)),
    leads: related('lead'),
    competitors: related('competitor'),
  }
}

/** `GET /competitormaps`: every competitor set on a live lead. */
export function competitorMaps(ctx: RestContext): Response {
  const maps = ctx.db.list('competitorMaps').filter((map) => ctx.db.live(map.links?.lead as string))
  return json(competitorMapsBody(ctx, maps))
}

/** `GET /competitormaps/{id}`: one (or comma-joined several) lead-competitor relationships. */
export function competitorMap(ctx: RestContext): Response {
  return json(competitorMapsBody(ctx, recordsFor(ctx, 'competitorMaps', ctx.params.id!)))
}

/** What a JSON Patch may change on each kind of map, and how a new value is checked. */
const PATCHABLE: Record<MapType, Record<string, (value: unknown, map: NutshellRecord) => unknown>> = {
  competitorMaps: {
    status: (value) => {
      if (!['potential', 'stole', 'beat'].includes(String(value)))
        badRequest('competitorMaps', `Invalid status: ${String(value)}; expected potential, stole or beat`)
      return value
    },
    relationship: (value) => (value === null ? null : String(value)),
  },
  productMaps: {
    quantity: (value) => {
      const quantity = amountOf(value)
      if (quantity === undefined || quantity <= 0)
        badRequest('productMaps', `Invalid quantity: ${String(value)}`)
      return quantity
    },
    price: (value, map) => {
      const amount = amountOf(value)
      if (amount === undefined || amount < 0)
        badRequest('productMaps', `Invalid price: ${JSON.stringify(value)}`)
      return money(amount, (map.price as { currency?: string } | null)?.currency ?? 'USD')
    },
  },
}

/**
 * `PATCH /{competitormaps|productmaps}/{id}`: JSON Patch operations (`replace` or `add`) on the map's
 * fields, as `/status` or `/competitorMaps/0/status` (`/price/amount` sets a product map's price); 204.
 */
export const patchMap =
  (type: MapType) =>
  async (ctx: RestContext): Promise<Response> => {
    const [map] = recordsFor(ctx, type, ctx.params.id!)
    const ops = await readJson(ctx, type)
    if (!Array.isArray(ops) || ops.length === 0) badRequest(type, 'No patches sent')
    const next: NutshellRecord = structuredClone(map!)
    for (const op of ops as { op?: unknown; path?: unknown; value?: unknown }[]) {
      if (op?.op !== 'replace' && op?.op !== 'add')
        badRequest(type, `Unsupported patch operation: ${String(op?.op)}`)
      const path = String(op.path ?? '')
        .replace(new RegExp(`^/${type}/0`, 'i'), '')
        .replace(/^\/price\/amount$/, '/price')
      const key = path.slice(1)
      const check = PATCHABLE[type][key]
      if (!check) badRequest(type, `Invalid patch path: ${String(op.path)}`)
      next[key] = check(op.value, map!)
    }
    if (type === 'productMaps') {
      // A product map's price is the line total: quantity times the product's unit price unless set.
      const product = ctx.db.get(String(map!.links?.product))
      const unit = amountOf(product?.price)
      const priceSet = ops.some((op) => String((op as { path?: unknown }).path).includes('price'))
      if (!priceSet && unit !== undefined) next.price = money(unit * Number(next.quantity))
    }
    updateRecord(ctx.db, map!, next, ctx.user.userId, ctx.now)
    return empty(204)
  }

/** `DELETE /competitormaps/{id}` (204) and `DELETE /productMaps/{id}` (200 with the removed map). */
export const removeMap =
  (type: MapType) =>
  (ctx: RestContext): Response => {
    const maps = recordsFor(ctx, type, ctx.params.id!)
    for (const map of maps) deleteRecord(ctx.db, map, ctx.user.userId, ctx.now)
    return type === 'competitorMaps' ? empty(204) : json(listBody(type, maps, maps.length, ctx))
  }
