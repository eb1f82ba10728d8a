import * as z from 'zod/mini'

/** `GET /filters` query: whose saved filters, of which kind. */
export const SavedFilterListInputSchema = z.strictObject({
  /** The user whose saved filters to read. */
  userId: z.optional(z.string()),
  /** `report_*` for every report filter, or one entity list's filters. */
  reportType: z.optional(
    z.enum(['report_*', 'entity_list_leads', 'entity_list_contacts', 'entity_list_accounts']),
  ),
  /** Filter options. */
  filter: z.optional(z.string()),
})
export type SavedFilterListInput = z.infer<typeof SavedFilterListInputSchema>
