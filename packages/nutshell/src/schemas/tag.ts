import { openEnum } from '@x/core'
import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** The record types a tag applies to. */
export const TAG_TYPES = ['leads', 'contacts', 'accounts'] as const

/** A tag that groups leads, contacts or accounts. */
export interface Tag extends Declared<z.infer<typeof tagObject>> {}
const tagObject = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  tagType: z.nullish(openEnum(TAG_TYPES)),
  colorType: z.nullish(z.union([z.string(), z.number()])),
  count: z.nullish(z.number()),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export const TagSchema: z.ZodMiniType<Tag> = tagObject

/** Body of the tag endpoints. */
export const TagsResponseSchema = collectionResponse('tags', TagSchema)
export type TagsResponse = z.infer<typeof TagsResponseSchema>

/** The document's codes for a tag's type (POST /tags: "Use '1' for leads, '2' for contacts, '3' for accounts"). */
export const TAG_TYPE_CODES = { leads: '1', contacts: '2', accounts: '3' } as const

/**
 * A new tag. `name` and `tagType` are required (the document: "Name and tagType are required."). `tagType`
 * is `'leads' | 'contacts' | 'accounts'`, or the document's code `'1' | '2' | '3'` (or 1, 2, 3); the SDK
 * sends the code.
 */
export interface TagCreateInput extends Declared<z.infer<typeof tagCreateInputObject>> {}
const tagCreateInputObject = z.looseObject({
  name: z.string().check(z.regex(/\S/, 'must not be empty')),
  tagType: z.union([z.enum(['leads', 'contacts', 'accounts', '1', '2', '3']), z.literal([1, 2, 3])]),
  colorType: z.optional(z.union([z.string(), z.number()])),
  links: z.optional(z.looseObject({ entities: z.optional(z.array(NutshellIdSchema)) })),
})
export const TagCreateInputSchema: z.ZodMiniType<TagCreateInput> = tagCreateInputObject

/** The body item of POST /tags for a checked input: `tagType` (and a numeric `colorType`) as the document's string codes. */
export function tagCreateBody(input: TagCreateInput): Record<string, unknown> {
  const { tagType, colorType } = input
  const code =
    typeof tagType === 'number'
      ? String(tagType)
      : (TAG_TYPE_CODES[tagType as keyof typeof TAG_TYPE_CODES] ?? tagType)
  return {
    ...input,
    tagType: code,
    ...(typeof colorType === 'number' ? { colorType: String(colorType) } : {}),
  }
}
