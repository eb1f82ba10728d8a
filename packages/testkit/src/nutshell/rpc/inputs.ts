import type { NutshellDb } from '../db'
import { formatId } from '../ids'
import { amountOf, money } from '../money'
import { parseTime, unix } from '../time'
import type { NutshellRecord, NutshellType } from '../types'
import { typeOfEntity } from './entities'
import { invalidParams } from './errors'

type Input = Record<string, unknown>

function has(input: Input, key: string): boolean {
  return Object.hasOwn(input, key) && input[key] !== undefined
}

/** A REST id from a JSON-RPC reference: `3`, `"3"`, `{ id: 3 }` or `{ entityType: "Contacts", id: 3 }`. */
export function refId(value: unknown, fallbackType: NutshellType): string {
  const object = value && typeof value === 'object' ? (value as Input) : { id: value }
  const type = object.entityType !== undefined ? typeOfEntity(object.entityType) : fallbackType
  const n = Number(object.id)
  if (!type || !Number.isInteger(n)) throw invalidParams(`invalid reference ${JSON.stringify(value)}`)
  return formatId(n, type)
}

function refIds(value: unknown, type: NutshellType): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]
  return list.map((item) => refId(item, type))
}

/** Values of a JSON-RPC multi-value field (a string, a list, or a `{ "--primary": ..., "0": ... }` map), primary first. */
function multiValues(value: unknown): unknown[] {
  if (value === null || value === undefined) return []
  if (Array.isArray(value)) return value
  if (typeof value !== 'object') return [value]
  const map = value as Input
  const numbered = Object.keys(map)
    .filter((key) => /^\d+$/.test(key))
    .map((key) => map[key])
  const primary = map['--primary']
  const values = numbered.length > 0 ? numbered : [primary]
  return primary !== undefined
    ? [primary, ...values.filter((item) => JSON.stringify(item) !== JSON.stringify(primary))]
    : values
}

function nameText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const name = value as Input
    if (typeof name.displayName === 'string') return name.displayName
    return (
      [name.givenName, name.familyName].filter((part) => typeof part === 'string' && part).join(' ') ||
      undefined
    )
  }
  return undefined
}

/** Tag ids for tag names, creating tags Nutshell would create on the fly. */
function tagIds(db: NutshellDb, names: unknown, tagType: string): string[] {
  const list = Array.isArray(names) ? names : []
  return list.map((name) => {
    const text = String(name)
    const found = db.list('tags').find((tag) => tag.name === text && tag.tagType === tagType)
    return (
      found ??
      db.insert('tags', {
        name: text,
        tagType,
        colorType: 'COLOR_DEFAULT',
        count: 0,
        modifiedTime: unix(Date.now()),
        deletedTime: null,
      })
    ).id
  })
}

/** The REST fields and links a JSON-RPC entity payload sets (only the keys it contains). */
export interface RestChanges {
  fields: Input
  links: Input
}

/** Maps a JSON-RPC `lead`/`contact`/... payload to REST field names and link ids. */
export function restChanges(db: NutshellDb, type: NutshellType, input: Input): RestChanges {
  const fields: Input = {}
  const links: Input = {}
  const copy = (from: string, to = from) => {
    if (has(input, from)) fields[to] = input[from]
  }
  if (type === 'leads') {
    if (has(input, 'description') || has(input, 'name')) fields.description = input.description ?? input.name
    copy('confidence')
    copy('priority')
    copy('dueTime')
    if (has(input, 'value')) fields.manualValue = amountOf(input.value) ?? 0
    if (has(input, 'contacts')) links.contacts = refIds(input.contacts, 'contacts')
    if (has(input, 'accounts')) links.accounts = refIds(input.accounts, 'accounts')
    if (has(input, 'primaryAccount')) links.accounts = refIds(input.primaryAccount, 'accounts')
    if (has(input, 'assignee')) links.owner = refId(input.assignee, 'users')
    if (has(input, 'sources')) links.sources = refIds(input.sources, 'sources')
    if (has(input, 'tags')) links.tags = tagIds(db, input.tags, 'leads')
    if (has(input, 'milestoneId')) links.stage = refId(input.milestoneId, 'stages')
    if (has(input, 'stagesetId')) links.stageset = refId(input.stagesetId, 'stagesets')
  } else if (type === 'contacts' || type === 'accounts') {
    if (has(input, 'name')) fields.name = nameText(input.name)
    copy('description')
    copy('jobTitle')
    if (has(input, 'email')) fields.emails = multiValues(input.email)
    if (has(input, 'phone')) fields.phones = multiValues(input.phone)
    if (has(input, 'address')) fields.addresses = multiValues(input.address)
    if (has(input, 'url')) fields.urls = multiValues(input.url)
    if (has(input, 'owner') || has(input, 'assignee'))
      links.owner = refId(input.owner ?? input.assignee, 'users')
    if (has(input, 'tags')) links.tags = tagIds(db, input.tags, type)
    if (type === 'contacts' && has(input, 'accounts')) links.accounts = refIds(input.accounts, 'accounts')
  } else if (type === 'activities') {
    copy('name')
    copy('description')
    copy('location')
    copy('note')
    copy('isAllDay')
    copy('isFlagged')
    for (const key of ['startTime', 'endTime']) {
      if (has(input, key)) {
        const ms = parseTime(input[key])
        if (ms === undefined) throw invalidParams(`${key} is not a time`)
        fields[key] = unix(ms)
      }
    }
    if (has(input, 'status')) {
      fields.isLogged = input.status === 1
      fields.isCancelled = input.status === 2
    }
    if (has(input, 'activityTypeId')) links.activityType = refId(input.activityTypeId, 'activityTypes')
    if (has(input, 'participants')) links.participants = refIds(input.participants, 'contacts')
    if (has(input, 'leads')) links.leads = refIds(input.leads, 'leads')
  } else if (type === 'tasks') {
    copy('title')
    copy('name', 'title')
    copy('description')
    copy('dueTime')
    copy('isCompleted')
    if (has(input, 'assignee')) links.assignee = refId(input.assignee, 'users')
    if (has(input, 'entity'))
      links.relatedEntity = input.entity === null ? null : refId(input.entity, 'contacts')
  } else if (type === 'notes') {
    if (has(input, 'note')) fields.body = input.note
    if (has(input, 'entity') || has(input, 'parent'))
      links.parent = refId(input.entity ?? input.parent, 'leads')
  } else if (type === 'products') {
    copy('name')
    copy('sku')
    copy('unit')
    copy('type', 'productType')
    if (has(input, 'price') || has(input, 'prices')) fields.price = priceOf(input.price ?? input.prices)
  } else if (type === 'users') {
    copy('name')
    copy('firstName')
    copy('lastName')
    copy('isEnabled')
    copy('isAdministrator')
    if (has(input, 'emails') || has(input, 'email'))
      fields.emails = multiValues(input.emails ?? input.email).map(String)
    if (has(input, 'teams')) links.teams = refIds(input.teams, 'teams')
  } else if (type === 'teams') {
    copy('name')
    if (has(input, 'users')) links.users = refIds(input.users, 'users')
  } else if (type === 'steps') {
    copy('status')
    copy('choice')
    if (has(input, 'assignee'))
      links.assignee = input.assignee === null ? null : refId(input.assignee, 'users')
    if (has(input, 'delay')) links.delay = input.delay === null ? null : refId(input.delay, 'delays')
  }
  return { fields, links }
}

/** A product price from JSON-RPC's `price` (`{ amount, currency }` or a number) or first `prices` entry. */
export function priceOf(value: unknown): Record<string, unknown> {
  const first = Array.isArray(value) ? value[0] : value
  const item: Input = first && typeof first === 'object' ? (first as Input) : { amount: first }
  const amount = amountOf(item.amount ?? item.price)
  if (amount === undefined) throw invalidParams('price needs an amount')
  const currency = typeof item.currency === 'string' ? item.currency : 'USD'
  return { ...money(amount, currency), amount, currencySymbol: currency === 'USD' ? '$' : currency }
}

/** The next version of a record after a JSON-RPC edit, links checked against the database. */
export function editedRecord(db: NutshellDb, record: NutshellRecord, changes: RestChanges): NutshellRecord {
  const next: NutshellRecord = { ...structuredClone(record), ...changes.fields }
  for (const [key, value] of Object.entries(changes.links)) {
    for (const id of Array.isArray(value) ? value : value === null ? [] : [value]) {
      if (!db.live(id as string)) throw invalidParams(`${String(id)} does not exist`)
    }
    next.links = { ...next.links, [key]: value as string | string[] | null }
  }
  if (
    record.type === 'users' &&
    !('name' in changes.fields) &&
    ('firstName' in changes.fields || 'lastName' in changes.fields)
  ) {
    next.name = [next.firstName, next.lastName].filter(Boolean).join(' ')
  }
  if (record.type === 'activities' && 'startTime' in changes.fields && !('endTime' in changes.fields)) {
    next.endTime =
      (changes.fields.startTime as number) + ((record.endTime as number) - (record.startTime as number))
  }
  return next
}
