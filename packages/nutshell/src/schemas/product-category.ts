import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'
import { collectionResponse } from './response'

/** A product category, which groups products. */
export interface ProductCategory extends Declared<z.infer<typeof productCategoryObject>> {}
const productCategoryObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  modifiedTime: z.nullish(z.number()),
  href: z.nullish(z.string()),
})
export const ProductCategorySchema: z.ZodMiniType<ProductCategory> = productCategoryObject

/** Body of the product-category endpoints (the document's `ProductCategoryResponse`). */
export const ProductCategoriesResponseSchema = collectionResponse('productCategories', ProductCategorySchema)
export type ProductCategoriesResponse = z.infer<typeof ProductCategoriesResponseSchema>

/** The body of `POST /productcategories`: one or more categories, each with its name ("Name is required"). */
export interface ProductCategoryCreateInput
  extends Declared<z.infer<typeof productCategoryCreateInputObject>> {}
const productCategoryCreateInputObject = z.strictObject({
  productCategories: z.array(z.strictObject({ name: z.string() })),
})
export const ProductCategoryCreateInputSchema: z.ZodMiniType<ProductCategoryCreateInput> =
  productCategoryCreateInputObject
