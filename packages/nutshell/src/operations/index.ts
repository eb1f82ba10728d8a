// Every operation table, by the client property its methods live on: the one list that the client, the
// agent's rules and tools, the coverage report and the table-wide tests read.
import { ACCOUNT_OPERATIONS } from './accounts'
import { ACTIVITY_OPERATIONS } from './activities'
import { CONTACT_OPERATIONS } from './contacts'
import { EVENT_OPERATIONS } from './events'
import { INVOICES } from './invoices'
import { LEAD_OPERATIONS } from './leads'
import {
  ACCOUNT_TYPES,
  ACTIVITY_TYPES,
  AUDIENCES,
  COMPETITOR_MAPS,
  COMPETITORS,
  EDITIONS,
  EMAILS,
  FILTERS,
  FORMS,
  INDUSTRIES,
  MARKETS,
  TERRITORIES,
} from './lookups'
import { NOTE_OPERATIONS } from './notes'
import type { OperationTable } from './operation'
import { OUTCOME_OPERATIONS } from './outcomes'
import { PIPELINE_OPERATIONS } from './pipelines'
import { PRODUCT_CATEGORIES } from './product-categories'
import { PRODUCT_MAPS } from './product-maps'
import { PRODUCT_OPERATIONS } from './products'
import { QUOTES } from './quotes'
import { SOURCE_OPERATIONS } from './sources'
import { STAGE_OPERATIONS } from './stages'
import { TAG_OPERATIONS } from './tags'
import { TASK_OPERATIONS } from './tasks'
import { USER_OPERATIONS } from './users'

/** The operation tables by client property (`ns.leads`, `ns.industries`, ...). */
export const OPERATION_TABLES = {
  leads: LEAD_OPERATIONS,
  contacts: CONTACT_OPERATIONS,
  accounts: ACCOUNT_OPERATIONS,
  activities: ACTIVITY_OPERATIONS,
  tasks: TASK_OPERATIONS,
  notes: NOTE_OPERATIONS,
  products: PRODUCT_OPERATIONS,
  pipelines: PIPELINE_OPERATIONS,
  stages: STAGE_OPERATIONS,
  users: USER_OPERATIONS,
  tags: TAG_OPERATIONS,
  sources: SOURCE_OPERATIONS,
  outcomes: OUTCOME_OPERATIONS,
  events: EVENT_OPERATIONS,
  industries: INDUSTRIES,
  accountTypes: ACCOUNT_TYPES,
  activityTypes: ACTIVITY_TYPES,
  territories: TERRITORIES,
  markets: MARKETS,
  audiences: AUDIENCES,
  competitors: COMPETITORS,
  competitorMaps: COMPETITOR_MAPS,
  editions: EDITIONS,
  emails: EMAILS,
  filters: FILTERS,
  forms: FORMS,
  productMaps: PRODUCT_MAPS,
  productCategories: PRODUCT_CATEGORIES,
  quotes: QUOTES,
  invoices: INVOICES,
} satisfies Record<string, OperationTable>

/** The operation tables' type, by client property. */
export type OperationTables = typeof OPERATION_TABLES
