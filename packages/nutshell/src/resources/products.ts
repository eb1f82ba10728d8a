import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams, type Sort } from '../query/list-params'
import { type Product, ProductSchema, ProductsResponseSchema } from '../schemas/product'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { Collection, type CollectionSpec, type Ids, recordAnswer } from './rest'

/** Fields `GET /products` sorts by. */
export const PRODUCT_SORT_FIELDS = ['name', 'sku'] as const
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number]

/** Parameters of `products.list()` (the catalog comes back whole, without paging). */
export interface ProductListParams {
  q?: string
  sort?: Sort<ProductSortField>
}

/** The parameters `products.list()` accepts (exported for tools and agents that describe them). */
export const ProductListParamsSchema = listParamsSchema({ paged: false, q: true, sort: PRODUCT_SORT_FIELDS })

const PRODUCTS: CollectionSpec = {
  name: 'products',
  schema: ProductsResponseSchema,
  answer: recordAnswer(ProductsResponseSchema, ProductSchema),
  listParams: ProductListParamsSchema,
  paged: false,
}

/** Products in the catalog. */
export class ProductsResource {
  private readonly records: Collection<Product>

  constructor(ctx: ResourceContext) {
    this.records = new Collection(ctx, PRODUCTS)
  }

  /** Lists the catalog (one page: the service returns every product at once). */
  list(params?: ProductListParams, options?: RequestOptions): PagePromise<Product, ResolvedListParams> {
    return this.records.list(params, options)
  }

  /** Fetches one product, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Product>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Product[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Product | Product[]> {
    return this.records.get(ids, options)
  }

  /** Deletes a product (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Product | undefined> {
    return this.records.delete(id, options)
  }

  /** Restores a deleted product. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Product> {
    return this.records.undelete(id, options)
  }
}
