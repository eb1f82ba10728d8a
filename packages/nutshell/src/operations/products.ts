import type * as z from 'zod/mini'
import { listParamsSchema, type Sort } from '../query/list-params'
import { ProductSchema, ProductsResponseSchema } from '../schemas/product'
import { getRecords, listAll, recordAnswer, restorable } from './common'
import { encodeSearch } from './list-query'

/** Fields `GET /products` sorts by. */
export const PRODUCT_SORT_FIELDS = ['name', 'sku'] as const
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number]

/** Parameters of `products.list()` (the catalog comes back whole, without paging). */
export interface ProductListParams {
  q?: string
  sort?: Sort<ProductSortField>
}

/** The parameters `products.list()` accepts (exported for tools and agents that describe them). */
export const ProductListParamsSchema = listParamsSchema({
  paged: false,
  q: true,
  sort: PRODUCT_SORT_FIELDS,
}) as unknown as z.ZodMiniType<ProductListParams>

const PRODUCT_ANSWER = recordAnswer(ProductsResponseSchema, ProductSchema)

/** `/products`: the catalog. */
export const PRODUCT_OPERATIONS = {
  list: listAll({
    path: '/products',
    input: ProductListParamsSchema,
    encode: encodeSearch(),
    answer: ProductsResponseSchema,
    key: 'products',
    description: 'Lists the catalog (one page: the service returns every product at once).',
  }),
  get: getRecords({
    path: '/products/{id}',
    key: 'products',
    answer: ProductsResponseSchema,
    noun: 'product',
  }),
  ...restorable({ key: 'products', answer: PRODUCT_ANSWER, noun: 'product' }),
}
