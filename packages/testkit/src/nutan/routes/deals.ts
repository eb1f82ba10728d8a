import type { HttpHandler } from 'msw'
import { pageOf } from '../paging'
import { findLive, type NutanResource, resourceRoutes } from '../resource'
import { json, type NutanRoute } from '../router'
import type { NutanDeal } from '../types'

/** Deals: list (stage, status), create, update, soft delete; signals and objections per deal. */
export const dealsResource: NutanResource<NutanDeal> = {
  label: 'Deal',
  collection: 'deals',
  idPrefix: 'deal',
  table: (state) => state.deals,
  rules: {
    name: { type: 'string', required: true },
    stage: { type: 'string' },
    status: { type: 'string' },
    value: { type: 'number', nullable: true, min: 0 },
    currency: { type: 'string', nullable: true },
    contact_id: { type: 'string', nullable: true },
    company: { type: 'string', nullable: true },
    close_date: { type: 'date', nullable: true },
    probability: { type: 'number', nullable: true, min: 0, max: 100 },
  },
  blank: (id, now) => ({
    id,
    name: '',
    stage: 'discovery',
    status: 'open',
    value: null,
    currency: null,
    contact_id: null,
    company: null,
    close_date: null,
    probability: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }),
  filters: {
    stage: (row, value) => row.stage === value,
    status: (row, value) => row.status === value,
  },
  softDelete: true,
}

/** The deal handlers, with the read-only signal and objection lists of a live deal. */
export function dealRoutes(route: NutanRoute): HttpHandler[] {
  return [
    ...resourceRoutes(route, '*/v1/deals', dealsResource, ['list', 'create', 'update', 'delete']),
    route('get', '*/v1/deals/:id/signals', (ctx) => {
      const deal = findLive(dealsResource, ctx.state, ctx.params.id)
      const rows = ctx.state.signals.select(`deal:${deal.id}`, (s) => s.deal_id === deal.id)
      return json(pageOf(rows, ctx.url, ctx.options.overLimit))
    }),
    route('get', '*/v1/deals/:id/objections', (ctx) => {
      const deal = findLive(dealsResource, ctx.state, ctx.params.id)
      const rows = ctx.state.objections.select(`deal:${deal.id}`, (o) => o.deal_id === deal.id)
      return json(pageOf(rows, ctx.url, ctx.options.overLimit))
    }),
  ]
}
