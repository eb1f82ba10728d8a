import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'

/** A market: a currency leads can be valued in. */
export interface Market extends Declared<z.infer<typeof marketObject>> {}
const marketObject = z.looseObject({
  id: NutshellIdSchema,
  name: z.nullish(z.string()),
  currency: z.nullish(z.string()),
  currencySymbol: z.nullish(z.string()),
  isDefault: z.nullish(z.boolean()),
})
export const MarketSchema: z.ZodMiniType<Market> = marketObject
