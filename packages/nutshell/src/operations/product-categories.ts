import {
  ProductCategoriesResponseSchema,
  ProductCategoryCreateInputSchema,
} from '../schemas/product-category'
import { operation } from './operation'

/** `/productcategories`: the groups products are organized into. */
export const PRODUCT_CATEGORIES = {
  list: operation({
    method: 'GET',
    path: '/productcategories',
    answer: ProductCategoriesResponseSchema,
    returns: { kind: 'list', key: 'productCategories', paging: 'none' },
    effect: 'read',
    description: 'Lists the product categories.',
  }),
  create: operation({
    method: 'POST',
    path: '/productcategories',
    input: ProductCategoryCreateInputSchema,
    answer: ProductCategoriesResponseSchema,
    returns: { kind: 'answer' },
    effect: 'create',
    description: 'Creates one or more product categories, each with its name.',
  }),
  get: operation({
    method: 'GET',
    path: '/productcategories/{id}',
    answer: ProductCategoriesResponseSchema,
    returns: { kind: 'record', key: 'productCategories' },
    effect: 'read',
    description: 'Fetches one product category.',
  }),
}
