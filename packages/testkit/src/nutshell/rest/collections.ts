import type { NutshellType } from '../types'

/** URL collection names (as used under /rest) mapped to stored types. */
export const COLLECTIONS: Record<string, NutshellType> = {
  leads: 'leads',
  contacts: 'contacts',
  accounts: 'accounts',
  activities: 'activities',
  activitytypes: 'activityTypes',
  tasks: 'tasks',
  notes: 'notes',
  products: 'products',
  productmaps: 'productMaps',
  stagesets: 'stagesets',
  pipelines: 'stagesets',
  stages: 'stages',
  users: 'users',
  tags: 'tags',
  sources: 'sources',
  outcomes: 'outcomes',
  events: 'events',
}

/** The collection segment used in hrefs for a type. */
export function collectionOf(type: NutshellType): string {
  return HREF_COLLECTIONS[type] ?? type.toLowerCase()
}

/** Types whose URL collection is not their lower-cased name. */
const HREF_COLLECTIONS: Partial<Record<NutshellType, string>> = {
  emAudiences: 'audiences',
  wfForms: 'forms',
  wfFields: 'forms',
}

const APP_PATHS: Partial<Record<NutshellType, string>> = {
  leads: 'lead',
  contacts: 'person',
  accounts: 'company',
  activities: 'activity',
  tasks: 'task',
  notes: 'note',
  products: 'product',
  users: 'user',
}

/** The path of a record's page in the Nutshell app (`/lead/1003`). */
export function appPath(type: NutshellType, n: number): string {
  return `/${APP_PATHS[type] ?? type.toLowerCase()}/${n}`
}

/** The type a link key points at, for URL templates and related arrays (mixed-type links have none). */
export const LINK_TYPES: Record<string, NutshellType> = {
  owner: 'users',
  creator: 'users',
  assignee: 'users',
  actor: 'users',
  contacts: 'contacts',
  accounts: 'accounts',
  leads: 'leads',
  lead: 'leads',
  stage: 'stages',
  stageset: 'stagesets',
  outcome: 'outcomes',
  sources: 'sources',
  tags: 'tags',
  activityType: 'activityTypes',
  product: 'products',
  industry: 'industries',
  accountType: 'accountTypes',
  territory: 'territories',
  competitor: 'competitors',
}
