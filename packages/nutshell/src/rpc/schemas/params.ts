import * as z from 'zod/mini'

/** Sort direction of `find*` methods. */
export const RpcOrderDirectionSchema = z.enum(['ASC', 'DESC'])
export type RpcOrderDirection = z.infer<typeof RpcOrderDirectionSchema>

const pagingFields = {
  orderBy: z.optional(z.string().check(z.minLength(1))),
  orderDirection: z.optional(RpcOrderDirectionSchema),
  limit: z.optional(z.int().check(z.gte(1, 'must be a whole number >= 1'))),
  page: z.optional(z.int().check(z.gte(1, 'must be a whole number >= 1 (JSON-RPC pages are 1-based)'))),
}

/** Parameters of `findUsers`, `findSources`, `findProducts`, `findMilestones`, `findStagesets`. */
export const RpcListParamsSchema = z.looseObject(pagingFields)
export type RpcListParams = z.infer<typeof RpcListParamsSchema>

/** Parameters of `findLeads`/`findContacts`/`findAccounts`/`findActivities` for a given query schema. */
export function rpcFindParamsSchema<Q extends z.ZodMiniType>(query: Q) {
  return z.looseObject({ ...pagingFields, query: z.optional(query), stubResponses: z.optional(z.boolean()) })
}

/** The parameters of a `find*` call with `query` typed as `Q`. */
export interface RpcFindParams<Q> extends RpcListParams {
  query?: Q
  /** Nutshell answers with stubs unless this is false. */
  stubResponses?: boolean
}

/** Parameters of `searchLeads`, `searchContacts`, `searchAccounts`. */
export const RpcSearchOptionsSchema = z.looseObject({
  limit: z.optional(z.int().check(z.gte(1, 'must be a whole number >= 1'))),
})
export type RpcSearchOptions = z.infer<typeof RpcSearchOptionsSchema>

/** A non-empty search string. */
export const RpcSearchStringSchema = z.string().check(z.minLength(1, 'must not be empty'))

/** A JSON-RPC id: an integer, or a REST id such as `"1003-leads"` (its number is used). */
export const RpcIdInputSchema = z.union([
  z.int().check(z.gte(1, 'must be a positive integer')),
  z.string().check(z.regex(/^\d+(-[a-z]+)?$/, 'must be an integer or an id like "1003-leads"')),
])
export type RpcIdInput = number | string

/** A rev as edit/delete take it. */
export const RpcRevInputSchema = z.union([z.string().check(z.minLength(1)), z.number()])
