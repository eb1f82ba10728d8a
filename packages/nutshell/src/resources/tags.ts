import { type PagePromise, parseInput, type RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams } from '../query/list-params'
import {
  type Tag,
  type TagCreateInput,
  TagCreateInputSchema,
  TagSchema,
  type TagsResponse,
  TagsResponseSchema,
} from '../schemas/tag'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { listRecords, oneId, recordAnswer, writeRecord } from './rest'

/** Parameters of `tags.list()` (one page: the service returns every tag at once). */
export interface TagListParams {
  q?: string
  filter?: { tagType?: 'leads' | 'contacts' | 'accounts' | { eq: 'leads' | 'contacts' | 'accounts' } }
}

const ListParams = listParamsSchema({ paged: false, q: true, filter: true })
const TagAnswer = recordAnswer(TagsResponseSchema, TagSchema)

/** Tags that group leads, contacts and accounts. */
export class TagsResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the account's tags. */
  list(params?: TagListParams, options?: RequestOptions): PagePromise<Tag, ResolvedListParams> {
    return listRecords<Tag, TagsResponse>({
      ctx: this.ctx,
      name: 'tags.list',
      path: '/tags',
      key: 'tags',
      schema: TagsResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
      paged: false,
    })
  }

  /** Creates a tag; never resent after a server error. */
  create(input: TagCreateInput, options?: RequestOptions): RecordPromise<Tag> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: '/tags',
      key: 'tags',
      body: { tags: [parseInput(TagCreateInputSchema, input, 'tags.create')] },
      schema: TagAnswer,
      options,
    }))
  }

  /** Deletes a tag; the service answers 200 with the tag (restorable for 30 days). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Tag | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/tags/${oneId(id, 'tags.delete')}`,
      key: 'tags',
      schema: TagAnswer,
      options,
    }))
  }

  /** Restores a deleted tag. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Tag> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/tags/${oneId(id, 'tags.undelete')}/undelete`,
      key: 'tags',
      schema: TagAnswer,
      idempotent: true,
      options,
    }))
  }
}
