import type { HttpHandler } from 'msw'
import { type NutanResource, resourceRoutes } from '../resource'
import type { NutanRoute } from '../router'
import type { NutanActionItem } from '../types'

/** Action items: list (status, meeting_id, deal_id), create, update, hard delete. */
export const actionItemsResource: NutanResource<NutanActionItem> = {
  label: 'Action item',
  collection: 'action_items',
  idPrefix: 'act',
  table: (state) => state.actionItems,
  rules: {
    title: { type: 'string', required: true },
    meeting_id: { type: 'string', nullable: true },
    deal_id: { type: 'string', nullable: true },
    assignee: { type: 'string', nullable: true },
    due_date: { type: 'date', nullable: true },
    status: { type: 'string' },
  },
  blank: (id, now) => ({
    id,
    title: '',
    meeting_id: null,
    deal_id: null,
    assignee: null,
    due_date: null,
    status: 'open',
    created_at: now,
    updated_at: now,
  }),
  filters: {
    status: (row, value) => row.status === value,
    meeting_id: (row, value) => row.meeting_id === value,
    deal_id: (row, value) => row.deal_id === value,
  },
  softDelete: false,
}

/** The action item handlers. */
export function actionItemRoutes(route: NutanRoute): HttpHandler[] {
  return resourceRoutes(route, '*/v1/action-items', actionItemsResource, [
    'list',
    'create',
    'update',
    'delete',
  ])
}
