import * as z from 'zod/mini'
import { ProductMapsResponseSchema } from '../schemas/product'
import { ProductMapPatchInputSchema } from '../schemas/product-map-patch'
import { getRecords, listAll } from './common'
import { operation } from './operation'

/** `/productmaps`: the products attached to leads, with their quantity and price on each lead. */
export const PRODUCT_MAPS = {
  list: listAll({
    path: '/productmaps',
    answer: ProductMapsResponseSchema,
    key: 'productMaps',
    description: 'Lists every product attached to a lead.',
  }),
  get: getRecords({
    path: '/productmaps/{id}',
    key: 'productMaps',
    answer: ProductMapsResponseSchema,
    noun: 'product attached to a lead',
  }),
  update: operation({
    method: 'PATCH',
    path: '/productmaps/{id}',
    input: ProductMapPatchInputSchema,
    // 204 No Content.
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'update',
    description: "Changes a lead's product (quantity, price) with JSON Patch operations.",
  }),
  delete: operation({
    method: 'DELETE',
    // The document spells this one path with a capital M.
    path: '/productMaps/{id}',
    // 200 with the removed map, or 204 No Content.
    answer: z.optional(ProductMapsResponseSchema),
    returns: { kind: 'answer' },
    effect: 'delete',
    description: 'Removes a product from a lead.',
  }),
}
