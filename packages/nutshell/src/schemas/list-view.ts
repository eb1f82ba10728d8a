import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, ResponseMetaSchema } from './common'

/** A record in list-item form (`GET /leads/list`): display names plus the fields a list can filter on. */
export interface ListItem extends Declared<z.infer<typeof listItemObject>> {}
const listItemObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  primaryName: z.nullish(z.string()),
  primaryInfo: z.nullish(z.string()),
  relatedName: z.nullish(z.string()),
  relatedInfo: z.nullish(z.string()),
  relatedType: z.nullish(z.string()),
  relatedUrl: z.nullish(z.string()),
  relatedUrlPath: z.nullish(z.string()),
  primaryContact: z.nullish(z.string()),
  primaryAccount: z.nullish(z.string()),
  latlon: z.nullish(z.string()),
  mapUrl: z.nullish(z.string()),
  isDeleted: z.nullish(z.boolean()),
  fields: z.nullish(z.array(z.record(z.string(), z.unknown()))),
  htmlUrl: z.nullish(z.string()),
  htmlUrlPath: z.nullish(z.string()),
  avatarUrl: z.nullish(z.string()),
  initials: z.nullish(z.string()),
})
export const ListItemSchema: z.ZodMiniType<ListItem> = listItemObject

/** Body of `GET /leads/list`: `{ meta, listItems: [...] }`. */
export const LeadListViewResponseSchema = z.looseObject({
  meta: z.nullish(ResponseMetaSchema),
  listItems: z.nullish(z.array(ListItemSchema)),
})
export type LeadListViewResponse = z.infer<typeof LeadListViewResponseSchema>

/** Fields `GET /leads` sorts by (prefix `-` for descending). */
export const LEAD_SORT_FIELDS = [
  'age',
  'value',
  'milestone',
  'confidence',
  'name',
  'closedTime',
  'owner',
  'sources',
] as const

/** Sort keys each way: the fields, then each with a leading `-` (descending). */
export function withDescending<const F extends string>(fields: readonly F[]): readonly (F | `-${F}`)[] {
  return [...fields, ...fields.map((field) => `-${field}` as const)]
}

/** Sort keys of `GET /leads/list`; a leading `-` sorts descending. */
export const LEAD_LIST_SORTS = withDescending(LEAD_SORT_FIELDS)

/** What a list can do with one field (`GET /leads/list/fields`). */
export interface FieldDescription extends Declared<z.infer<typeof fieldDescriptionObject>> {}
const fieldDescriptionObject = z.looseObject({
  type: z.nullish(z.string()),
  title: z.nullish(z.string()),
  description: z.nullish(z.string()),
  isFilterable: z.nullish(z.boolean()),
  isDisplayable: z.nullish(z.boolean()),
  isSortable: z.nullish(z.boolean()),
  isGoalable: z.nullish(z.boolean()),
  isAddable: z.nullish(z.boolean()),
  isBoardable: z.nullish(z.boolean()),
  isRequireable: z.nullish(z.boolean()),
  isAndable: z.nullish(z.boolean()),
  isNullable: z.nullish(z.boolean()),
  relationships: z.nullish(z.array(z.string())),
  enum: z.nullish(z.array(z.string())),
  format: z.nullish(z.string()),
})
export const FieldDescriptionSchema: z.ZodMiniType<FieldDescription> = fieldDescriptionObject

/** Body of `GET /leads/list/fields`: each field by its key under `properties`. */
export const FieldsResponseSchema = z.looseObject({
  properties: z.nullish(z.record(z.string(), FieldDescriptionSchema)),
})
export type FieldsResponse = z.infer<typeof FieldsResponseSchema>
