import * as z from 'zod/mini'
import { NutshellIdSchema } from './common'

/** A market: a currency leads can be valued in. */
export const MarketSchema = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  currency: z.nullish(z.string()),
  currencySymbol: z.nullish(z.string()),
  isDefault: z.nullish(z.boolean()),
})
export type Market = z.infer<typeof MarketSchema>
