import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** The record types a tag applies to. */
export const TAG_TYPES = ['leads', 'contacts', 'accounts'] as const

/** A tag that groups leads, contacts or accounts. */
export const TagSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  tagType: z.nullish(openEnum(TAG_TYPES)),
  colorType: z.nullish(z.union([z.string(), z.number()])),
  count: z.nullish(z.number()),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export type Tag = z.infer<typeof TagSchema>

/** Body of the tag endpoints. */
export const TagsResponseSchema = collectionResponse('tags', TagSchema)
export type TagsResponse = z.infer<typeof TagsResponseSchema>

/** A new tag. `tagType` is `'leads' | 'contacts' | 'accounts'` (or the service's code 1, 2, 3). */
export const TagCreateInputSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  tagType: z.optional(z.union([z.enum(['leads', 'contacts', 'accounts', '1', '2', '3']), z.number()])),
  colorType: z.optional(z.union([z.string(), z.number()])),
  links: z.optional(z.looseObject({ entities: z.optional(z.array(NutshellIdSchema)) })),
})
export type TagCreateInput = z.infer<typeof TagCreateInputSchema>
