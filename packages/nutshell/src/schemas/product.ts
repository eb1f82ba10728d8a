import * as z from 'zod/mini'
import {
  LinkIdSchema,
  type Money,
  MoneySchema,
  type NutshellId,
  NutshellIdSchema,
  type RecordBase,
  type RecordLinks,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  typedSchema,
} from './common'
import { collectionResponse } from './response'

/** A product in the catalog. */
export interface Product extends RecordBase {
  links?: RecordLinks
  name?: string | null
  description?: string | null
  sku?: string | null
  productType?: string | null
  price?: Money | null
  /** Prices by currency. */
  prices?: Record<string, Money> | null
  modifiedTime?: TimeValue | null
  deletedTime?: TimeValue | null
}
const productObject = z.looseObject({
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
export const ProductSchema = typedSchema<Product>()(productObject)

/** Body of the product endpoints. */
export const ProductsResponseSchema = collectionResponse('products', ProductSchema)
export type ProductsResponse = z.infer<typeof ProductsResponseSchema>

/** A product attached to a lead, with its quantity and price on that lead. */
export interface LeadProductMap extends RecordBase {
  links?: {
    /** The product this map is for. */
    product?: NutshellId | null
    lead?: NutshellId | null
  }
  relationship?: string | null
  name?: string | null
  unit?: string | null
  quantity?: number | string | null
  productType?: string | null
  price?: Money | null
}
const leadProductMapObject = z.looseObject({
  ...recordBase,
  links: z.optional(z.looseObject({ product: LinkIdSchema, lead: LinkIdSchema })),
  relationship: z.nullish(z.string()),
  name: z.nullish(z.string()),
  unit: z.nullish(z.string()),
  quantity: z.nullish(z.union([z.number(), z.string()])),
  productType: z.nullish(z.string()),
  price: z.nullish(MoneySchema),
})
export const LeadProductMapSchema = typedSchema<LeadProductMap>()(leadProductMapObject)

/** Body of the product-map endpoints. */
export const ProductMapsResponseSchema = collectionResponse('productMaps', LeadProductMapSchema)
export type ProductMapsResponse = z.infer<typeof ProductMapsResponseSchema>

/** A product to attach to a lead (on create or close). */
export interface LeadProductMapInput {
  quantity?: number
  price?: { amount?: string | number; currency?: string }
  productType?: string
  type?: string
  links: { product: NutshellId }
}
const leadProductMapInputObject = z.looseObject({
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
export const LeadProductMapInputSchema = typedSchema<LeadProductMapInput>()(leadProductMapInputObject)
