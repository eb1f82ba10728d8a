import type { NutshellDb } from '../db'
import { idNumber } from '../ids'
import { amountOf } from '../money'
import { parseTime } from '../time'
import type { NutshellRecord, NutshellType } from '../types'

/** JSON-RPC `entityType` names of the stored types. */
export const ENTITY_TYPES: Partial<Record<NutshellType, string>> = {
  leads: 'Leads',
  contacts: 'Contacts',
  accounts: 'Accounts',
  activities: 'Activities',
  activityTypes: 'Activity_Types',
  tasks: 'Tasks',
  notes: 'Notes',
  users: 'Users',
  products: 'Products',
  sources: 'Sources',
  stages: 'Milestones',
  stagesets: 'Stagesets',
  tags: 'Tags',
  outcomes: 'Lead_Outcomes',
  teams: 'Teams',
  industries: 'Industries',
  accountTypes: 'Account_Types',
  markets: 'Markets',
  territories: 'Territories',
  competitors: 'Competitors',
  origins: 'Origins',
  settings: 'Settings',
  delays: 'Delays',
  processes: 'Processes',
  steps: 'Steps',
  backups: 'Backups',
  emAudiences: 'Audiences',
  emails: 'Emails',
}

/** Older spellings callers still send as `entityType`. */
const ENTITY_TYPE_ALIASES: Record<string, NutshellType> = { outcomes: 'outcomes' }

/** Named setup records: a stub of one carries every field (they are small), as the recorded replies show. */
const SETUP_TYPES = new Set<NutshellType>([
  'activityTypes',
  'industries',
  'accountTypes',
  'markets',
  'territories',
  'competitors',
  'origins',
  'settings',
  'delays',
  'emAudiences',
])

/** The stored type of a JSON-RPC `entityType` (`"Contacts"` -> `contacts`). */
export function typeOfEntity(entityType: unknown): NutshellType | undefined {
  const wanted = String(entityType).toLowerCase()
  const found = Object.entries(ENTITY_TYPES).find(([, name]) => name.toLowerCase() === wanted)
  return (found?.[0] as NutshellType | undefined) ?? ENTITY_TYPE_ALIASES[wanted]
}

const LEAD_STATUS: Record<string, number> = { open: 0, pending: 1, won: 10, lost: 11, canceled: 12 }

/** JSON-RPC lead status codes: 0 open, 1 pending, 10 won, 11 lost, 12 cancelled. */
export function leadStatusCode(status: unknown): number {
  return LEAD_STATUS[String(status)] ?? 0
}

/** The REST status of a JSON-RPC lead status code. */
export function leadStatusName(code: number): string | undefined {
  return Object.entries(LEAD_STATUS).find(([, value]) => value === code)?.[0]
}

function iso(value: unknown): string | null {
  const ms = parseTime(value)
  return ms === undefined ? null : new Date(ms).toISOString()
}

/** A JSON-RPC multi-value map (`{ "--primary": "a@b.c", "0": "a@b.c" }`) from REST's list of values. */
function multiValue(
  items: unknown,
  read: (item: Record<string, unknown>) => unknown,
): Record<string, unknown> {
  const list = (Array.isArray(items) ? items : []) as Record<string, unknown>[]
  const out: Record<string, unknown> = {}
  const primary = list.find((item) => item.isPrimary) ?? list[0]
  if (primary) out['--primary'] = read(primary)
  list.forEach((item, index) => {
    out[String(index)] = read(item)
  })
  return out
}

function addressValue(item: Record<string, unknown>): Record<string, unknown> {
  const { address_1, address_2, address_3, city, state, postalCode, country } = item
  return { address_1, address_2, address_3, city, state, postalCode, country }
}

function phoneValue(item: Record<string, unknown>): unknown {
  return (item.value as { numberFormatted?: string } | undefined)?.numberFormatted ?? item.value
}

/** A JSON-RPC stub: `{ stub: true, id, rev, entityType, name }` plus a few type-specific fields. */
export function stub(db: NutshellDb, record: NutshellRecord): Record<string, unknown> {
  const base: Record<string, unknown> = {
    stub: true,
    id: idNumber(record.id),
    rev: db.rev(record.id),
    entityType: ENTITY_TYPES[record.type] ?? record.type,
    name: record.name ?? record.title ?? record.body ?? null,
  }
  if (record.type === 'leads') {
    base.description = record.description
    base.status = leadStatusCode(record.status)
    base.value = {
      currency: (record.value as { currency: string }).currency,
      amount: amountOf(record.value) ?? 0,
    }
    base.primaryAccountName = firstName(db, record.links?.accounts)
  }
  if (record.type === 'contacts' || record.type === 'accounts') {
    base.email = multiValue(record.emails, (item) => item.value)
  }
  if (record.type === 'outcomes') Object.assign(base, outcomeFields(record))
  if (record.type === 'emails') base.name = record.subject
  return base
}

/** A lead outcome's JSON-RPC fields: `description` and `type` (10 won, 11 lost, 12 cancelled). */
function outcomeFields(record: NutshellRecord): Record<string, unknown> {
  return { description: record.name, type: leadStatusCode(record.status) }
}

/** The stub `find*` lists: small records (users, setup lookups) keep every field, big ones the stub fields. */
export function listStub(db: NutshellDb, record: NutshellRecord): Record<string, unknown> {
  return LIST_FULL.has(record.type) ? { stub: true, ...entity(db, record) } : stub(db, record)
}

const LIST_FULL = new Set<NutshellType>([
  ...SETUP_TYPES,
  'users',
  'teams',
  'products',
  'sources',
  'stages',
  'stagesets',
  'outcomes',
  'backups',
])

/** A setup record's own fields (no links), with ISO times. */
function setupFields(db: NutshellDb, record: NutshellRecord): Record<string, unknown> {
  const { id: _id, type: _type, links: _links, ...fields } = record
  return { name: record.name ?? null, ...fields, ...times(db, record) }
}

function firstName(db: NutshellDb, ids: unknown): unknown {
  const first = Array.isArray(ids) ? ids[0] : undefined
  return typeof first === 'string' ? (db.get(first)?.name ?? null) : null
}

function stubs(db: NutshellDb, ids: unknown): Record<string, unknown>[] {
  const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? [ids] : []
  return list.flatMap((id) => {
    const record = db.live(id as string)
    return record ? [stub(db, record)] : []
  })
}

function one(db: NutshellDb, id: unknown): Record<string, unknown> | null {
  return stubs(db, id)[0] ?? null
}

function tagNames(db: NutshellDb, ids: unknown): string[] {
  return (Array.isArray(ids) ? ids : []).flatMap((id) => {
    const tag = db.get(id as string)
    return tag ? [String(tag.name)] : []
  })
}

function times(db: NutshellDb, record: NutshellRecord): Record<string, unknown> {
  return {
    createdTime: new Date(db.createdMs(record.id)).toISOString(),
    modifiedTime: new Date(db.modifiedMs(record.id)).toISOString(),
  }
}

function leadsLinking(db: NutshellDb, key: 'contacts' | 'accounts', id: string): Record<string, unknown>[] {
  return db
    .list('leads')
    .filter((lead) => ((lead.links?.[key] as string[] | undefined) ?? []).includes(id))
    .map((lead) => stub(db, lead))
}

/** The full JSON-RPC view of a record (integer id, `entityType`, `rev`, stubs for relations). */
export function entity(db: NutshellDb, record: NutshellRecord): Record<string, unknown> {
  const head = {
    id: idNumber(record.id),
    entityType: ENTITY_TYPES[record.type] ?? record.type,
    rev: db.rev(record.id),
  }
  const links = record.links ?? {}
  switch (record.type) {
    case 'leads': {
      const stage = typeof links.stage === 'string' ? db.get(links.stage) : undefined
      return {
        ...head,
        name: record.name,
        description: record.description,
        number: record.number,
        status: leadStatusCode(record.status),
        confidence: record.confidence,
        priority: record.priority,
        isOverdue: record.isOverdue,
        value: {
          currency: (record.value as { currency: string }).currency,
          amount: amountOf(record.value) ?? 0,
        },
        ...times(db, record),
        dueTime: iso(record.dueTime),
        closedTime: iso(record.closedTime),
        assignee: one(db, links.owner),
        creator: one(db, links.creator),
        primaryAccount: one(db, (links.accounts as string[])[0]),
        accounts: stubs(db, links.accounts),
        contacts: stubs(db, links.contacts).map((contact) => ({ ...contact, relationship: '' })),
        milestoneId: stage ? idNumber(stage.id) : null,
        milestone: stage ? { ...stub(db, stage), position: stage.position } : null,
        stagesetId: typeof links.stageset === 'string' ? idNumber(links.stageset) : null,
        outcome: one(db, links.outcome),
        sources: stubs(db, links.sources),
        tags: tagNames(db, links.tags),
        products: db.tables.productMaps
          .filter((map) => map.links?.lead === record.id)
          .map((map) => ({ ...one(db, map.links?.product), quantity: map.quantity, price: map.price })),
        customFields: record.customFields ?? {},
      }
    }
    case 'contacts':
    case 'accounts':
      return {
        ...head,
        name: record.name,
        description: record.description,
        ...(record.type === 'contacts' ? { jobTitle: record.jobTitle } : {}),
        email: multiValue(record.emails, (item) => item.value),
        phone: multiValue(record.phones, phoneValue),
        address: multiValue(record.addresses, addressValue),
        url: multiValue(record.urls, (item) => item.value),
        ...times(db, record),
        owner: one(db, links.owner),
        creator: one(db, links.creator),
        tags: tagNames(db, links.tags),
        ...(record.type === 'contacts'
          ? { accounts: stubs(db, links.accounts), leads: leadsLinking(db, 'contacts', record.id) }
          : {
              contacts: stubs(
                db,
                db
                  .list('contacts')
                  .filter((contact) =>
                    ((contact.links?.accounts as string[] | undefined) ?? []).includes(record.id),
                  )
                  .map((contact) => contact.id),
              ),
              leads: leadsLinking(db, 'accounts', record.id),
            }),
        customFields: record.customFields ?? {},
      }
    case 'activities':
      return {
        ...head,
        name: record.name,
        description: record.description,
        location: record.location,
        activityTypeId: typeof links.activityType === 'string' ? idNumber(links.activityType) : null,
        activityType: one(db, links.activityType),
        startTime: iso(record.startTime),
        endTime: iso(record.endTime),
        isAllDay: record.isAllDay,
        isFlagged: record.isFlagged,
        status: record.isCancelled ? 2 : record.isLogged ? 1 : 0,
        participants: stubs(db, links.participants),
        leads: stubs(db, links.leads),
        ...times(db, record),
      }
    case 'tasks':
      return {
        ...head,
        title: record.title,
        name: record.title,
        description: record.description,
        dueTime: iso(record.dueTime),
        isCompleted: record.isCompleted,
        assignee: one(db, links.assignee),
        entity: one(db, links.relatedEntity),
        ...times(db, record),
      }
    case 'notes':
      return {
        ...head,
        note: record.body,
        parent: one(db, links.parent),
        creator: one(db, links.creator),
        ...times(db, record),
      }
    case 'users':
      return {
        ...head,
        name: record.name,
        firstName: record.firstName,
        lastName: record.lastName,
        emails: record.emails,
        isEnabled: record.isEnabled,
        isAdministrator: record.isAdministrator,
        modifiedTime: new Date(db.modifiedMs(record.id)).toISOString(),
      }
    case 'products': {
      const price = record.price as { amount: number; currency: string }
      return {
        ...head,
        name: record.name,
        sku: record.sku,
        unit: record.unit ?? 'unit',
        type: record.productType,
        price: { currency: price.currency, amount: price.amount },
      }
    }
    case 'stages':
      return {
        ...head,
        name: record.name,
        position: record.position,
        stagesetId: idNumber(String(links.stageset)),
      }
    case 'stagesets':
      return { ...head, name: record.name, default: record.default }
    case 'outcomes':
      return { ...head, name: record.name, ...outcomeFields(record) }
    case 'teams':
      return { ...head, ...setupFields(db, record), users: stubs(db, links.users) }
    case 'emails':
      return {
        ...head,
        subject: record.subject,
        body: record.body,
        direction: record.direction,
        fromAddress: record.fromAddress,
        toAddresses: record.toAddresses,
        sentTime: iso(record.sentTime),
        createdTime: new Date(db.createdMs(record.id)).toISOString(),
        contacts: stubs(db, links.contacts),
        leads: stubs(db, links.leads),
        creator: one(db, links.creator),
      }
    case 'steps':
      return {
        ...head,
        name: record.name,
        position: record.position,
        status: record.status,
        choice: record.choice,
        assignee: one(db, links.assignee),
        delay: one(db, links.delay),
        availableDelayIds: ((links.availableDelays as string[] | undefined) ?? []).map(idNumber),
        ...times(db, record),
      }
    case 'processes':
      return {
        ...head,
        name: record.name,
        entity: one(db, links.entity),
        steps: ((links.steps as string[] | undefined) ?? []).flatMap((id) => {
          const step = db.live(id)
          return step ? [entity(db, step)] : []
        }),
      }
    case 'backups':
      return { ...head, ...setupFields(db, record), createdTime: iso(record.createdTime) }
    default:
      if (SETUP_TYPES.has(record.type)) return { ...head, ...setupFields(db, record) }
      return { ...head, name: record.name ?? null }
  }
}
