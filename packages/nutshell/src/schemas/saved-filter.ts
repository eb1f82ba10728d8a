import * as z from 'zod/mini'
import type { Declared } from './common'

/** `GET /filters` query: whose saved filters, of which kind. */
export interface SavedFilterListInput extends Declared<z.infer<typeof savedFilterListInputObject>> {}
const savedFilterListInputObject = z.strictObject({
  /** The user whose saved filters to read. */
  userId: z.optional(z.string()),
  /** `report_*` for every report filter, or one entity list's filters. */
  reportType: z.optional(
    z.enum(['report_*', 'entity_list_leads', 'entity_list_contacts', 'entity_list_accounts']),
  ),
  /** Filter options. */
  filter: z.optional(z.string()),
})
export const SavedFilterListInputSchema: z.ZodMiniType<SavedFilterListInput> = savedFilterListInputObject
