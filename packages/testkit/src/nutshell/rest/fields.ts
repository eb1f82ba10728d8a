import type { NutshellDb } from '../db'
import { amountOf } from '../money'
import { parseTime } from '../time'
import type { NutshellRecord, NutshellType } from '../types'

/** How a field filters and sorts. */
export type FieldKind =
  | 'text'
  | 'number'
  | 'time'
  | 'link'
  | 'links'
  | 'enum'
  | 'bool'
  | 'address'
  | 'email'
  | 'phone'

/** A filterable (and maybe sortable) field of a list endpoint. */
export interface FieldDef {
  kind: FieldKind
  title: string
  /** Reads the field's value from a record. */
  get: (record: NutshellRecord, db: NutshellDb) => unknown
  /** The type a link field points at (to normalise `1` to `1-users`). */
  target?: NutshellType
  sortable?: boolean
  filterable?: boolean
  enum?: string[]
}

const field = (key: string) => (record: NutshellRecord) => record[key]
const link = (key: string) => (record: NutshellRecord) => record.links?.[key] ?? null
const created = (record: NutshellRecord, db: NutshellDb) => db.createdMs(record.id)
const timeField = (key: string) => (record: NutshellRecord) => parseTime(record[key]) ?? null
const text = (title: string, key = title.toLowerCase()): FieldDef => ({
  kind: 'text',
  title,
  get: field(key),
  sortable: true,
})
const linkDef = (title: string, key: string, target: NutshellType): FieldDef => ({
  kind: 'link',
  title,
  get: link(key),
  target,
})
const linksDef = (title: string, key: string, target: NutshellType): FieldDef => ({
  kind: 'links',
  title,
  get: link(key),
  target,
})

function ownerName(record: NutshellRecord, db: NutshellDb): unknown {
  const owner = record.links?.owner
  return typeof owner === 'string' ? db.get(owner)?.name : null
}

function activityStatus(record: NutshellRecord): string {
  if (record.isCancelled) return 'cancelled'
  if (record.isLogged) return 'logged'
  return (record.endTime as number) * 1000 < Date.now() ? 'overdue' : 'scheduled'
}

const PEOPLE: Record<string, FieldDef> = {
  name: text('Name'),
  email: { kind: 'email', title: 'Email', get: field('emails'), sortable: true },
  phone: { kind: 'phone', title: 'Phone', get: field('phones'), sortable: true },
  address: { kind: 'address', title: 'Address', get: field('addresses') },
  createdTime: { kind: 'time', title: 'Created', get: created, sortable: true },
  lastContactedTime: {
    kind: 'time',
    title: 'Last contacted',
    get: timeField('lastContactedTime'),
    sortable: true,
  },
  owner: { ...linkDef('Owner', 'owner', 'users'), sortable: true },
  creator: linkDef('Creator', 'creator', 'users'),
  tags: linksDef('Tags', 'tags', 'tags'),
  territory: { ...linkDef('Territory', 'territory', 'territories'), sortable: true },
}

/** The first linked account's value of a link (a contact's industry and account type are its company's). */
const accountLink = (key: string) => (record: NutshellRecord, db: NutshellDb) => {
  const first = (record.links?.accounts as string[] | undefined)?.[0]
  return (first ? db.get(first)?.links?.[key] : null) ?? null
}

/** The list fields of every REST list endpoint; a filter or sort on any other key is a 400. */
export const FIELDS: Partial<Record<NutshellType, Record<string, FieldDef>>> = {
  leads: {
    name: text('Name'),
    description: text('Description'),
    number: { kind: 'number', title: 'Number', get: field('number'), sortable: true },
    value: { kind: 'number', title: 'Value', get: (record) => amountOf(record.value), sortable: true },
    confidence: { kind: 'number', title: 'Confidence', get: field('confidence'), sortable: true },
    priority: { kind: 'number', title: 'Hot', get: field('priority'), sortable: true },
    status: {
      kind: 'enum',
      title: 'Status',
      get: field('status'),
      enum: ['open', 'pending', 'won', 'lost', 'canceled'],
      sortable: true,
    },
    createdTime: { kind: 'time', title: 'Created', get: created, sortable: true },
    age: {
      kind: 'number',
      title: 'Age',
      get: (record, db) => -db.createdMs(record.id),
      sortable: true,
      filterable: false,
    },
    closedTime: { kind: 'time', title: 'Closed', get: timeField('closedTime'), sortable: true },
    dueTime: { kind: 'time', title: 'Due', get: timeField('dueTime'), sortable: true },
    owner: { ...linkDef('Assignee', 'owner', 'users'), sortable: true },
    contacts: linksDef('People', 'contacts', 'contacts'),
    accounts: linksDef('Companies', 'accounts', 'accounts'),
    sources: { ...linksDef('Sources', 'sources', 'sources'), sortable: true },
    tags: linksDef('Tags', 'tags', 'tags'),
    stage: { ...linkDef('Stage', 'stage', 'stages'), sortable: true },
    milestone: { ...linkDef('Stage', 'stage', 'stages'), sortable: true },
    stageset: linkDef('Pipeline', 'stageset', 'stagesets'),
    pipeline: linkDef('Pipeline', 'stageset', 'stagesets'),
    outcome: linkDef('Outcome', 'outcome', 'outcomes'),
  },
  contacts: {
    ...PEOPLE,
    jobTitle: text('Job title', 'jobTitle'),
    accounts: { ...linksDef('Companies', 'accounts', 'accounts'), sortable: true },
    postalCode: {
      kind: 'text',
      title: 'Postal code',
      get: (record) => (record.addresses as { postalCode?: string }[])[0]?.postalCode ?? null,
      sortable: true,
    },
    industry: {
      kind: 'link',
      title: 'Industry',
      get: accountLink('industry'),
      target: 'industries',
      sortable: true,
    },
    accountType: {
      kind: 'link',
      title: 'Account type',
      get: accountLink('accountType'),
      target: 'accountTypes',
      sortable: true,
    },
  },
  accounts: {
    ...PEOPLE,
    employeeCount: { kind: 'number', title: 'Employees', get: field('employeeCount'), sortable: true },
    industry: { ...linkDef('Industry', 'industry', 'industries'), sortable: true },
    accountType: { ...linkDef('Account type', 'accountType', 'accountTypes'), sortable: true },
    numberOfContacts: {
      kind: 'number',
      title: 'People',
      get: (record, db) =>
        db.tables.contacts.filter(
          (contact) =>
            !db.isDeleted(contact) && (contact.links?.accounts as string[] | undefined)?.includes(record.id),
        ).length,
      sortable: true,
    },
    postalCode: {
      kind: 'text',
      title: 'Postal code',
      get: (record) => (record.addresses as { postalCode?: string }[])[0]?.postalCode ?? null,
      sortable: true,
    },
  },
  activities: {
    participant: linksDef('Participant', 'participants', 'contacts'),
    status: {
      kind: 'enum',
      title: 'Status',
      get: activityStatus,
      enum: ['scheduled', 'logged', 'cancelled', 'overdue'],
    },
    activityType: linkDef('Activity type', 'activityType', 'activityTypes'),
    flagged: { kind: 'bool', title: 'Flagged', get: field('isFlagged') },
    isImportant: { kind: 'bool', title: 'Important', get: field('isFlagged') },
    leadPriority: {
      kind: 'enum',
      title: 'Lead priority',
      get: (record, db) =>
        ((record.links?.leads as string[]) ?? []).some((id) => db.get(id)?.priority === 1) ? 'hot' : 'normal',
      enum: ['hot'],
    },
    dateMin: { kind: 'time', title: 'From', get: (record) => (record.startTime as number) * 1000 },
    dateMax: { kind: 'time', title: 'Until', get: (record) => (record.startTime as number) * 1000 },
    leads: linksDef('Leads', 'leads', 'leads'),
    name: text('Name'),
    startTime: {
      kind: 'time',
      title: 'Start',
      get: (record) => (record.startTime as number) * 1000,
      sortable: true,
    },
  },
  tasks: {
    assignee: linkDef('Assignee', 'assignee', 'users'),
    relatedEntity: { kind: 'link', title: 'Related to', get: link('relatedEntity') },
    dateMin: {
      kind: 'time',
      title: 'Due from',
      get: (record) => ((record.dueTime as number | null) ?? 0) * 1000,
    },
    dateMax: {
      kind: 'time',
      title: 'Due until',
      get: (record) => ((record.dueTime as number | null) ?? 0) * 1000,
    },
    isCompleted: { kind: 'bool', title: 'Completed', get: field('isCompleted') },
    title: text('Title'),
    dueTime: {
      kind: 'time',
      title: 'Due',
      get: (record) => ((record.dueTime as number | null) ?? 0) * 1000,
      sortable: true,
    },
  },
  notes: {
    parent: { kind: 'link', title: 'Attached to', get: link('parent') },
    createdTime: { kind: 'time', title: 'Created', get: created, sortable: true },
  },
  tags: {
    tagType: {
      kind: 'enum',
      title: 'Tag type',
      get: field('tagType'),
      enum: ['leads', 'contacts', 'accounts'],
    },
    name: text('Name'),
  },
  products: { name: text('Name'), sku: text('SKU', 'sku') },
  sources: { name: text('Name') },
  users: { name: text('Name') },
  stages: {
    stageset: linkDef('Pipeline', 'stageset', 'stagesets'),
    position: { kind: 'number', title: 'Position', get: field('position'), sortable: true },
    name: text('Name'),
  },
  stagesets: { name: text('Name') },
  outcomes: {
    name: text('Name'),
    status: { kind: 'enum', title: 'Status', get: field('status'), enum: ['won', 'lost', 'canceled'] },
  },
}

/** Sort keys that read another field than their name. */
export function sortValue(def: FieldDef, key: string, record: NutshellRecord, db: NutshellDb): unknown {
  if (key === 'owner') return ownerName(record, db)
  if (key === 'milestone' || key === 'stage') {
    const stage = record.links?.stage
    return typeof stage === 'string' ? db.get(stage)?.position : null
  }
  if (key === 'sources') {
    const first = (record.links?.sources as string[] | undefined)?.[0]
    return first ? db.get(first)?.name : null
  }
  if (key === 'accounts') {
    const first = (record.links?.accounts as string[] | undefined)?.[0]
    return first ? db.get(first)?.name : null
  }
  if (def.kind === 'email' || def.kind === 'phone') {
    const first = (def.get(record, db) as { value: unknown }[])[0]?.value
    return typeof first === 'object' && first ? (first as { number?: string }).number : first
  }
  return def.get(record, db)
}

/** The body of `GET /{leads|contacts|accounts}/list/fields`. */
export function fieldsBody(type: NutshellType): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (const [key, def] of Object.entries(FIELDS[type] ?? {})) {
    properties[key] = {
      type: def.kind === 'links' ? 'array' : def.kind === 'number' ? 'number' : 'string',
      title: def.title,
      description: `${def.title} of the ${type.replace(/s$/, '')}`,
      isFilterable: def.filterable !== false,
      isDisplayable: true,
      isSortable: Boolean(def.sortable),
      isGoalable: false,
      isAddable: true,
      isBoardable: true,
      isRequireable: false,
      isAndable: def.kind === 'links',
      isNullable: true,
      ...(def.target ? { relationships: [def.target] } : {}),
      ...(def.enum ? { enum: def.enum } : {}),
      ...(def.kind === 'time' ? { format: 'date-time' } : {}),
    }
  }
  return { properties }
}
