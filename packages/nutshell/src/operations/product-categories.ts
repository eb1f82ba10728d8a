import type { OperationTable } from './operation'

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const PRODUCT_CATEGORIES = {} satisfies OperationTable
