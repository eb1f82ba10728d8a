import type * as z from 'zod/mini'
import { listParamsSchema } from '../query/list-params'
import { TagCreateInputSchema, TagSchema, TagsResponseSchema, tagCreateBody } from '../schemas/tag'
import { createRecord, listAll, recordAnswer, restorable } from './common'
import { encodeSearch, type SearchFields } from './list-query'

/** The record types a tag applies to. */
type TagType = 'leads' | 'contacts' | 'accounts'

/** Parameters of `tags.list()` (one page: the service returns every tag at once). */
export interface TagListParams {
  q?: string
  filter?: { tagType?: TagType | { eq: TagType } }
}

/** The parameters `tags.list()` accepts (exported for tools and agents that describe them). */
export const TagListParamsSchema = listParamsSchema({
  paged: false,
  q: true,
  filter: true,
}) as unknown as z.ZodMiniType<TagListParams>

/**
 * GET /tags names its parameter `filter[tagType]`, not `filter[tagType][]`: a plain type is sent as the
 * `{ eq }` form, which the filter serializer writes without `[]`.
 */
function encodeTagList(params: SearchFields) {
  const tagType = (params.filter as TagListParams['filter'])?.tagType
  const bare =
    typeof tagType === 'string'
      ? { ...params, filter: { ...params.filter, tagType: { eq: tagType } } }
      : params
  return encodeSearch()(bare)
}

const TAG_ANSWER = recordAnswer(TagsResponseSchema, TagSchema)

/** `/tags`: tags that group leads, contacts and accounts. */
export const TAG_OPERATIONS = {
  list: listAll({
    path: '/tags',
    input: TagListParamsSchema,
    encode: encodeTagList,
    answer: TagsResponseSchema,
    key: 'tags',
    description: "Lists the account's tags; `filter.tagType` narrows them to one record type.",
  }),
  create: createRecord({
    path: '/tags',
    key: 'tags',
    input: TagCreateInputSchema,
    // The type goes as the document's code.
    body: tagCreateBody,
    answer: TAG_ANSWER,
    noun: 'tag (`name` and `tagType` required)',
  }),
  ...restorable({ key: 'tags', answer: TAG_ANSWER, noun: 'tag' }),
}
