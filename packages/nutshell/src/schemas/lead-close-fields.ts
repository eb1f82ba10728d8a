/**
 * Lead fields whose change closes or reopens the lead (its status or outcome), in REST and JSON-RPC
 * writes alike. A module of its own: the lazily loaded JSON-RPC client reads it too, and importing it
 * from the REST tables would pull them into a chunk both share.
 */
export const LEAD_CLOSE_FIELDS: readonly string[] = [
  'status',
  'outcome',
  'outcomeId',
  'outcomes',
  'isClosed',
  'links/outcome',
]
