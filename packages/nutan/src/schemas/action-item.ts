import { openEnum, optionalFields } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  pagingShape,
  requiredText,
} from './common'

/** Action item statuses the SDK knows; others pass through. */
export const ACTION_ITEM_STATUSES = ['open', 'done'] as const
/** An action item's status: one of ACTION_ITEM_STATUSES, or a value the server added. */
export const ActionItemStatusSchema = openEnum(ACTION_ITEM_STATUSES)
export type ActionItemStatus = z.infer<typeof ActionItemStatusSchema>

const actionItemFields = {
  title: optionalText,
  meeting_id: optionalRef,
  deal_id: optionalRef,
  assignee: optionalText,
  status: maybe(ActionItemStatusSchema),
}

/** An action item from a meeting (fields inferred; see INFERRED-API.md). */
export const ActionItemSchema = z.looseObject({
  id: IdSchema,
  ...actionItemFields,
  due_date: optionalTime,
  created_at: optionalTime,
  updated_at: optionalTime,
})
export type ActionItem = z.infer<typeof ActionItemSchema>

/** The fields of a new action item (inferred); unknown fields are sent as given. */
export const ActionItemCreateSchema = z.looseObject({
  ...actionItemFields,
  title: requiredText,
  due_date: optionalTimeInput,
})
export type ActionItemCreateParams = z.input<typeof ActionItemCreateSchema>

/** A partial action item for `PATCH /v1/action-items/:id`. */
export const ActionItemUpdateSchema = z.looseObject(optionalFields(ActionItemCreateSchema.shape))
export type ActionItemUpdateParams = z.input<typeof ActionItemUpdateSchema>

/** Filters and paging of `GET /v1/action-items` (filter names inferred). */
export const ActionItemListParamsSchema = z.looseObject({
  ...pagingShape,
  status: z.optional(ActionItemStatusSchema),
  meeting_id: z.optional(z.string()),
  deal_id: z.optional(z.string()),
})
export type ActionItemListParams = z.input<typeof ActionItemListParamsSchema>
