import * as z from 'zod/mini'
import { ResponseMetaSchema } from './common'
import { ListItemSchema } from './list-view'

/** Body of `GET /contacts/list` and `GET /accounts/list`: `{ meta, listItems: [...] }`. */
export const ListItemsResponseSchema = z.looseObject({
  meta: z.optional(ResponseMetaSchema),
  listItems: z.array(ListItemSchema),
})
export type ListItemsResponse = z.infer<typeof ListItemsResponseSchema>

/** `filter[key]=value` pairs of a list view (keys from `GET /<type>/list/fields`; values are strings). */
export const ListFilterSchema = z.record(z.string(), z.string())
export type ListFilter = z.infer<typeof ListFilterSchema>
