import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import {
  type Tag,
  type TagCreateInput,
  TagCreateInputSchema,
  TagSchema,
  TagsResponseSchema,
  tagCreateBody,
} from '../schemas/tag'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, recordAnswer } from './rest'

/** Parameters of `tags.list()` (one page: the service returns every tag at once). */
export interface TagListParams {
  q?: string
  filter?: { tagType?: 'leads' | 'contacts' | 'accounts' | { eq: 'leads' | 'contacts' | 'accounts' } }
}

/** The parameters `tags.list()` accepts (exported for tools and agents that describe them). */
export const TagListParamsSchema = listParamsSchema({ paged: false, q: true, filter: true })

/**
 * GET /tags names its parameter `filter[tagType]`, not `filter[tagType][]`: a plain type is sent as the
 * `{ eq }` form, which the filter serializer writes without `[]`.
 */
function withBareTagType(params: TagListParams | undefined): TagListParams | undefined {
  const tagType = params?.filter?.tagType
  if (typeof tagType !== 'string') return params
  return { ...params, filter: { ...params!.filter, tagType: { eq: tagType } } }
}

const TAGS: CollectionSpec = {
  name: 'tags',
  schema: TagsResponseSchema,
  answer: recordAnswer(TagsResponseSchema, TagSchema),
  listParams: TagListParamsSchema,
  paged: false,
}

/** Tags that group leads, contacts and accounts. */
export class TagsResource {
  private readonly records: Collection<Tag>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, TAGS)
  }

  /** Lists the account's tags; `filter.tagType` is sent as `filter[tagType]=<type>`, the name the document gives it. */
  list(params?: TagListParams, options?: RequestOptions): PagePromise<Tag, ResolvedListParams> {
    return this.records.list(withBareTagType(params), options)
  }

  /** Creates a tag (`name` and `tagType` required; the type is sent as the document's code); never resent after a server error. */
  create(input: TagCreateInput, options?: RequestOptions): RecordPromise<Tag> {
    return this.records.create(TagCreateInputSchema, input, options, (record) => ({
      tags: [tagCreateBody(record as TagCreateInput)],
    }))
  }

  /** Deletes a tag; the service answers 200 with the tag (restorable for 30 days). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Tag | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted tag. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Tag> {
    return this.records.undelete(id, options)
  }
}
