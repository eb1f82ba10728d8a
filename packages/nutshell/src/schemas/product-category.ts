import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'
import { collectionResponse } from './response'

/** A product category, which groups products. */
export const ProductCategorySchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
  href: z.nullish(z.string()),
})
export type ProductCategory = z.infer<typeof ProductCategorySchema>

/** Body of the product-category endpoints (the document's `ProductCategoryResponse`). */
export const ProductCategoriesResponseSchema = collectionResponse('productCategories', ProductCategorySchema)
export type ProductCategoriesResponse = z.infer<typeof ProductCategoriesResponseSchema>

/** The body of `POST /productcategories`: one or more categories, each with its name ("Name is required"). */
export const ProductCategoryCreateInputSchema = z.strictObject({
  productCategories: z.array(z.strictObject({ name: z.string() })),
})
export type ProductCategoryCreateInput = z.infer<typeof ProductCategoryCreateInputSchema>
