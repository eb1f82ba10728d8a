import { openEnum, optionalFields, type Schema } from '@x/core'
import * as z from 'zod/mini'
import {
  IdSchema,
  maybe,
  optionalRef,
  optionalText,
  optionalTime,
  optionalTimeInput,
  pagingShape,
  recordSchema,
  requiredText,
  writeSchema,
} from './common'

/** Action item statuses the SDK knows; others pass through. */
export const ACTION_ITEM_STATUSES = ['open', 'done'] as const
/** An action item's status: one of ACTION_ITEM_STATUSES, or a value the server added. */
export const ActionItemStatusSchema = openEnum(ACTION_ITEM_STATUSES)
export type ActionItemStatus = z.infer<typeof ActionItemStatusSchema>

/** An action item from a meeting (fields inferred; see INFERRED-API.md); other fields: `extraFields(item, ActionItemSchema)`. */
export interface ActionItem {
  id: string
  title?: string | null | undefined
  meeting_id?: string | null | undefined
  deal_id?: string | null | undefined
  assignee?: string | null | undefined
  status?: ActionItemStatus | null | undefined
  due_date?: string | null | undefined
  created_at?: string | null | undefined
  updated_at?: string | null | undefined
}

const actionItemFields = {
  title: optionalText,
  meeting_id: optionalRef,
  deal_id: optionalRef,
  assignee: optionalText,
  status: maybe(ActionItemStatusSchema),
}

/** Checks an action item; unknown fields pass through. */
export const ActionItemSchema: Schema<ActionItem> = recordSchema({
  id: IdSchema,
  ...actionItemFields,
  due_date: optionalTime,
  created_at: optionalTime,
  updated_at: optionalTime,
})

const actionItemCreateShape = {
  ...actionItemFields,
  title: requiredText,
  due_date: optionalTimeInput,
}
const actionItemCreate = writeSchema(actionItemCreateShape)
/** The fields of a new action item (inferred). Unknown keys fail to compile (sent as given at run time); read-only fields are refused. */
export type ActionItemCreateInput = z.input<typeof actionItemCreate>
export const ActionItemCreateInputSchema: z.ZodMiniType<ActionItemCreateInput, ActionItemCreateInput> =
  actionItemCreate

const actionItemUpdateShape = optionalFields(actionItemCreateShape)
const actionItemUpdate = writeSchema(actionItemUpdateShape)
/** The changes of `actionItems.update(id, changes)`: at least one field; `id` and other read-only fields are refused. */
export type ActionItemUpdateInput = z.input<typeof actionItemUpdate>
export const ActionItemUpdateInputSchema: z.ZodMiniType<ActionItemUpdateInput, ActionItemUpdateInput> =
  actionItemUpdate

const actionItemList = z.strictObject({
  ...pagingShape,
  status: z.optional(ActionItemStatusSchema),
  meeting_id: z.optional(z.string()),
  deal_id: z.optional(z.string()),
})
/** Filters and paging of `GET /v1/action-items` (filter names inferred); other keys are refused. */
export type ActionItemListParams = z.input<typeof actionItemList>
export const ActionItemListParamsSchema: z.ZodMiniType<ActionItemListParams, ActionItemListParams> =
  actionItemList
