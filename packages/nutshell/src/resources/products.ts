import type { PagePromise, RequestOptions } from '@x/core'
import { listParamsSchema, type ResolvedListParams, type Sort } from '../query/list-params'
import {
  type Product,
  ProductSchema,
  type ProductsResponse,
  ProductsResponseSchema,
} from '../schemas/product'
import type { ResourceContext } from './context'
import type { RecordPromise } from './record-promise'
import { getRecords, type Ids, listRecords, oneId, recordAnswer, writeRecord } from './rest'

/** Fields `GET /products` sorts by. */
export const PRODUCT_SORT_FIELDS = ['name', 'sku'] as const
export type ProductSortField = (typeof PRODUCT_SORT_FIELDS)[number]

/** Parameters of `products.list()` (the catalog comes back whole, without paging). */
export interface ProductListParams {
  q?: string
  sort?: Sort<ProductSortField>
}

const ListParams = listParamsSchema({ paged: false, q: true, sort: PRODUCT_SORT_FIELDS })
const ProductAnswer = recordAnswer(ProductsResponseSchema, ProductSchema)

/** Products in the catalog. */
export class ProductsResource {
  private readonly ctx: ResourceContext

  constructor(ctx: ResourceContext) {
    this.ctx = ctx
  }

  /** Lists the catalog (one page: the service returns every product at once). */
  list(params?: ProductListParams, options?: RequestOptions): PagePromise<Product, ResolvedListParams> {
    return listRecords<Product, ProductsResponse>({
      ctx: this.ctx,
      name: 'products.list',
      path: '/products',
      key: 'products',
      schema: ProductsResponseSchema,
      paramsSchema: ListParams,
      input: params,
      options,
      paged: false,
    })
  }

  /** Fetches one product, or several in one call when given a list of ids. */
  get(id: string | number, options?: RequestOptions): RecordPromise<Product>
  get(ids: readonly (string | number)[], options?: RequestOptions): RecordPromise<Product[]>
  get(ids: Ids, options?: RequestOptions): RecordPromise<Product | Product[]> {
    return getRecords({
      ctx: this.ctx,
      name: 'products.get',
      path: '/products',
      key: 'products',
      schema: ProductsResponseSchema,
      ids,
      options,
    })
  }

  /** Deletes a product (restorable for 30 days with `undelete`). */
  delete(id: string | number, options?: RequestOptions): RecordPromise<Product | undefined> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'DELETE',
      path: `/products/${oneId(id, 'products.delete')}`,
      key: 'products',
      schema: ProductAnswer,
      options,
    }))
  }

  /** Restores a deleted product. */
  undelete(id: string | number, options?: RequestOptions): RecordPromise<Product> {
    return writeRecord(() => ({
      ctx: this.ctx,
      method: 'POST',
      path: `/products/${oneId(id, 'products.undelete')}/undelete`,
      key: 'products',
      schema: ProductAnswer,
      idempotent: true,
      options,
    }))
  }
}
