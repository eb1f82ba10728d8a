/** The record types the Nutshell simulator stores (REST type names). */
export const NUTSHELL_TYPES = [
  'users',
  'leads',
  'contacts',
  'accounts',
  'activities',
  'activityTypes',
  'tasks',
  'notes',
  'products',
  'productMaps',
  'stagesets',
  'stages',
  'outcomes',
  'tags',
  'sources',
  'events',
  // Lookups and the records of the operations beyond the original CRM core.
  'industries',
  'accountTypes',
  'territories',
  'markets',
  'editions',
  'emAudiences',
  'competitors',
  'competitorMaps',
  'productCategories',
  'customFields',
  'installments',
  'quotes',
  'invoices',
  'emails',
  'wfForms',
  'wfFields',
  'filters',
  // The account's setup the JSON-RPC API lists (REST has no collection for them).
  'teams',
  'origins',
  'settings',
  'delays',
  'processes',
  'steps',
  'backups',
] as const

/** A REST type name such as `leads` or `stagesets`. */
export type NutshellType = (typeof NUTSHELL_TYPES)[number]

/** Ids of related records, keyed by relation: a single id, a list of ids, or null. */
export type RecordLinks = Record<string, string | string[] | null>

/** A stored record in its REST shape (without the URLs, which depend on the request's origin). */
export interface NutshellRecord {
  id: string
  type: NutshellType
  links?: RecordLinks
  [field: string]: unknown
}

/** A user who may call the simulated API: HTTP Basic email + API key. */
export interface NutshellUserCredentials {
  email: string
  apiKey: string
}

/** How many records of the big types the seed creates. */
export interface NutshellSize {
  leads?: number
  contacts?: number
  accounts?: number
}
