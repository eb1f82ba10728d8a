import * as z from 'zod/mini'
import type { Declared } from './common'

/** One JSON Patch operation on a product map (`{ op: 'replace', path: '/quantity', value: 2 }`). */
export interface ProductMapPatchOperation extends Declared<z.infer<typeof productMapPatchOperationObject>> {}
const productMapPatchOperationObject = z.strictObject({
  op: z.enum(['add', 'remove', 'replace', 'move', 'copy', 'test']),
  /** The path of the value to change (`/quantity`, `/price/amount`). */
  path: z.string(),
  /** The new value. */
  value: z.optional(z.unknown()),
})
export const ProductMapPatchOperationSchema: z.ZodMiniType<ProductMapPatchOperation> =
  productMapPatchOperationObject

/** The body of `PATCH /productmaps/{id}` (the document's `productMapPatchInput`): a list of operations. */
export const ProductMapPatchInputSchema = z.array(ProductMapPatchOperationSchema)
export type ProductMapPatchInput = z.infer<typeof ProductMapPatchInputSchema>
