import * as z from 'zod/mini'
import type { Filter } from './filter'

const scalar = z.union([z.string(), z.number(), z.boolean(), z.date()])
// An operand of a comparison or a range: `filter[value]=>` or ` TO ` would ask for nothing.
const operand = z.union([
  z.string().check(z.regex(/\S/, 'must not be empty')),
  z.number(),
  z.boolean(),
  z.date(),
])
const range = z.strictObject({ from: operand, to: operand })
const operator = z.union([
  z.strictObject({ gt: operand }),
  z.strictObject({ gte: operand }),
  z.strictObject({ lt: operand }),
  z.strictObject({ lte: operand }),
  z.strictObject({ eq: operand }),
])
const subValue = z.union([scalar, z.array(scalar), range, operator])

// Operator names win: an object with one of these keys is a comparison or a range, never subfields.
const OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq']
const RESERVED = ['from', 'to', ...OPERATORS]
/** `{ gt: x }` or `{ from, to }`: when it fails, the operator's or range's own issue says why. */
function operatorForm(keys: string[]): boolean {
  if (keys.length === 1) return OPERATORS.includes(keys[0]!)
  return keys.length === 2 && keys.includes('from') && keys.includes('to')
}
// A plain check raising the issue z.refine would (code `custom`, not aborting unless the object is in
// operator form, so a union reports it): refine's schema class is otherwise unused and would add to
// every bundle.
const subfields = z.record(z.string(), subValue).check(
  z.check((ctx) => {
    const keys = Object.keys(ctx.value)
    if (keys.some((k) => RESERVED.includes(k)))
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: 'use { from, to } for a range, or exactly one of gt, gte, lt, lte, eq',
        continue: !operatorForm(keys),
      })
  }),
)

/** Checks a filter object's shape (values, ranges, operators, one level of subfields). */
export const FilterSchema = z.record(z.string(), z.optional(z.union([subValue, subfields])))

/** A 0-based page index. */
export const PageIndexSchema = z.int().check(z.gte(0, 'must be a whole number >= 0 (pages are 0-based)'))
/**
 * The largest page the SDK asks for. The document sets no maximum; integrations cap at 10,000, and a page
 * of a million records is a typo, not a request the service should be sent.
 */
export const MAX_PAGE_LIMIT = 10_000
/** A page size. */
export const PageLimitSchema = z
  .int()
  .check(
    z.gte(1, 'must be a whole number >= 1'),
    z.lte(MAX_PAGE_LIMIT, `must be at most ${MAX_PAGE_LIMIT.toLocaleString('en-US')}`),
  )

/** Sort by a field (ascending) or `-field` (descending), or by several. */
export type Sort<S extends string> = S | `-${S}` | readonly (S | `-${S}`)[]

/** Paging parameters every list takes. */
export interface PagingInput {
  /** The first page to fetch, 0-based (default 0). */
  page?: number
  /** Records per page (default 50). */
  limit?: number
}

/** Parameters of a searchable, sortable, filterable list. */
export interface SearchListInput<F extends string, S extends string> extends PagingInput {
  /** Conditions serialized as `filter[key][]=value` (see `Filter`). */
  filter?: Filter<F>
  /** A field, `-field` for descending, or a list of them. */
  sort?: Sort<S>
  /** Free-text search across the record and its related data. */
  q?: string
}

/** Builds the strict schema for a list's parameters; unknown keys and unknown sort fields are rejected. */
export function listParamsSchema(options: {
  /** False: no paging parameters; `'limit'`: only a `limit` (no page index, as `GET /activities` declares). */
  paged?: boolean | 'limit'
  sort?: readonly string[]
  filter?: boolean
  q?: boolean
  email?: boolean
}) {
  const sortValues = (options.sort ?? []).flatMap((s) => [s, `-${s}`])
  const sortOne = z.enum(sortValues as [string, ...string[]])
  return z.strictObject({
    ...(options.paged === false
      ? {}
      : options.paged === 'limit'
        ? { limit: z.optional(PageLimitSchema) }
        : { page: z.optional(PageIndexSchema), limit: z.optional(PageLimitSchema) }),
    ...(options.filter ? { filter: z.optional(FilterSchema) } : {}),
    ...(options.sort ? { sort: z.optional(z.union([sortOne, z.array(sortOne)])) } : {}),
    ...(options.q ? { q: z.optional(z.string()) } : {}),
    ...(options.email ? { email: z.optional(z.string()) } : {}),
  })
}

/** The list parameters after validation, with paging filled in. */
export interface ResolvedListParams {
  page: number
  limit: number
  /** The query of the service's `meta.next` link, for a page reached by following it (see `CollectionSpec.paging`). */
  link?: Record<string, string | string[]>
  filter?: Filter
  sort?: string | readonly string[]
  q?: string
  email?: string
}
