import * as z from 'zod/mini'
import { ProductMapsResponseSchema } from '../schemas/product'
import { ProductMapPatchInputSchema } from '../schemas/product-map-patch'
import { operation } from './operation'

/** `/productmaps`: the products attached to leads, with their quantity and price on each lead. */
export const PRODUCT_MAPS = {
  list: operation({
    method: 'GET',
    path: '/productmaps',
    answer: ProductMapsResponseSchema,
    returns: { kind: 'list', key: 'productMaps', paging: 'none' },
    effect: 'read',
    description: 'Lists every product attached to a lead.',
  }),
  get: operation({
    method: 'GET',
    path: '/productmaps/{id}',
    answer: ProductMapsResponseSchema,
    returns: { kind: 'record', key: 'productMaps', ids: 'many' },
    effect: 'read',
    description: 'Fetches one product attached to a lead, or several in one call when given a list of ids.',
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
