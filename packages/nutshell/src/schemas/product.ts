import * as z from 'zod/mini'
import { MoneySchema, NutshellIdSchema, recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** A product in the catalog. */
export const ProductSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.string()),
  description: z.nullish(z.string()),
  sku: z.nullish(z.string()),
  productType: z.nullish(z.string()),
  price: z.nullish(MoneySchema),
  prices: z.nullish(z.record(z.string(), MoneySchema)),
  modifiedTime: z.nullish(TimeValueSchema),
  deletedTime: z.nullish(TimeValueSchema),
})
export type Product = z.infer<typeof ProductSchema>

/** Body of the product endpoints. */
export const ProductsResponseSchema = collectionResponse('products', ProductSchema)
export type ProductsResponse = z.infer<typeof ProductsResponseSchema>

/** A product attached to a lead, with its quantity and price on that lead. */
export const LeadProductMapSchema = z.looseObject({
  ...recordBase,
  relationship: z.nullish(z.string()),
  name: z.nullish(z.string()),
  unit: z.nullish(z.string()),
  quantity: z.nullish(z.union([z.number(), z.string()])),
  productType: z.nullish(z.string()),
  price: z.nullish(MoneySchema),
})
export type LeadProductMap = z.infer<typeof LeadProductMapSchema>

/** Body of the product-map endpoints. */
export const ProductMapsResponseSchema = collectionResponse('productMaps', LeadProductMapSchema)
export type ProductMapsResponse = z.infer<typeof ProductMapsResponseSchema>

/** A product to attach to a lead (on create or close). */
export const LeadProductMapInputSchema = z.looseObject({
  quantity: z.optional(z.number()),
  price: z.optional(
    z.looseObject({
      amount: z.optional(z.union([z.string(), z.number()])),
      currency: z.optional(z.string()),
    }),
  ),
  productType: z.optional(z.string()),
  type: z.optional(z.string()),
  links: z.looseObject({ product: NutshellIdSchema }),
})
export type LeadProductMapInput = z.infer<typeof LeadProductMapInputSchema>
