import {
  ProductCategoriesResponseSchema,
  ProductCategoryCreateInputSchema,
} from '../schemas/product-category'
import { getRecord, listAll } from './common'
import { operation } from './operation'

/** `/productcategories`: the groups products are organized into. */
export const PRODUCT_CATEGORIES = {
  list: listAll({
    path: '/productcategories',
    answer: ProductCategoriesResponseSchema,
    key: 'productCategories',
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
  get: getRecord({
    path: '/productcategories/{id}',
    answer: ProductCategoriesResponseSchema,
    key: 'productCategories',
    noun: 'product category',
  }),
}
