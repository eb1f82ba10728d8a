import { createRandom, type Random } from '../shared/prng'
import type { NutshellDb } from './db'
import { money } from './money'
import { addresses, emails, phones } from './records'
import { seedCatalog } from './seed-catalog'
import * as words from './seed-words'
import { SEED_EPOCH_MS, timeObject, unix } from './time'
import type { NutshellRecord, NutshellSize, NutshellUserCredentials } from './types'

/** The user a simulator authenticates when none are given. */
export const DEFAULT_NUTSHELL_USER: NutshellUserCredentials = {
  email: 'owner@example.com',
  apiKey: 'nutshell-sim-api-key',
}

/** Default record counts of the seed. */
export const DEFAULT_SIZE: Required<NutshellSize> = { leads: 60, contacts: 40, accounts: 20 }

const HOUR = 3_600_000

function personName(r: Random): [string, string] {
  return [r.pick(words.FIRST_NAMES), r.pick(words.LAST_NAMES)]
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

function seedReference(db: NutshellDb, r: Random, users: NutshellUserCredentials[]): void {
  const teammates = Math.max(4, users.length)
  for (let i = 0; i < teammates; i++) {
    const given = users[i]
    const [first, last] = given
      ? (given.email.split('@')[0]!.split(/[._-]/).map(titleCase).concat(['User']).slice(0, 2) as [
          string,
          string,
        ])
      : personName(r)
    const email = given?.email ?? `${first.toLowerCase()}.${last.toLowerCase()}@example.com`
    const user = db.insert(
      'users',
      {
        name: `${first} ${last}`,
        firstName: first,
        lastName: last,
        emails: [email],
        isEnabled: true,
        hasSetPassword: true,
        isAdministrator: i === 0,
        isViewingRestricted: false,
        isHiddenFromFilters: false,
        canAccessEmailMarketing: true,
        modifiedTime: unix(SEED_EPOCH_MS),
        avatarUrl: null,
        initials: `${first[0]}${last[0]}`,
        permissions: { canAccessCrm: true, canExport: i === 0, canDeleteEntities: true },
      },
      SEED_EPOCH_MS,
    )
    if (given) db.credentials.push({ ...given, userId: user.id })
  }
  for (const name of words.ACTIVITY_TYPES) {
    db.insert(
      'activityTypes',
      { name, isBenchmarkable: true, modifiedTime: unix(SEED_EPOCH_MS) },
      SEED_EPOCH_MS,
    )
  }
  words.PIPELINES.forEach((pipeline, index) => {
    const stageset = db.insert(
      'stagesets',
      { name: pipeline.name, default: index === 0, canAccess: true, status: 1 },
      SEED_EPOCH_MS,
    )
    db.startNumbersAt('stages', (index + 1) * 100 + 1)
    pipeline.stages.forEach((name, position) => {
      db.insert(
        'stages',
        {
          name,
          description: `${name} stage of the ${pipeline.name} pipeline`,
          position: position + 1,
          numSteps: 3,
          canAdvanceStage: true,
          links: { stageset: stageset.id },
        },
        SEED_EPOCH_MS,
      )
    })
  })
  for (const [name, status] of [
    ['Won', 'won'],
    ['Lost', 'lost'],
    ['Canceled', 'canceled'],
  ]) {
    db.insert('outcomes', { name, status }, SEED_EPOCH_MS)
  }
  words.TAGS.forEach(([name, tagType], index) => {
    db.insert(
      'tags',
      {
        name,
        tagType,
        colorType: `COLOR_${['ORANGE', 'BLUE', 'GREEN'][index % 3]}`,
        count: 0,
        modifiedTime: unix(SEED_EPOCH_MS),
        deletedTime: null,
      },
      SEED_EPOCH_MS,
    )
  })
  const channels = [
    'No channel',
    'Organic search',
    'Paid search',
    'Organic social',
    'Paid social',
    'Email',
    'Referrer',
    'Traditional',
  ]
  for (const [name, channel] of words.SOURCES) {
    db.insert(
      'sources',
      {
        name,
        channel: { value: channel, display: channels[channel] },
        modifiedTime: unix(SEED_EPOCH_MS),
        deletedTime: null,
      },
      SEED_EPOCH_MS,
    )
  }
  words.PRODUCTS.forEach(([name, price], index) => {
    const amount = money(price)
    const priced = { ...amount, amount: price, currencySymbol: '$' }
    db.insert(
      'products',
      {
        name,
        sku: `SKU-${1000 + index}`,
        description: `${name} (per unit)`,
        productType: 'product',
        modifiedTime: unix(SEED_EPOCH_MS),
        deletedTime: null,
        price: priced,
        prices: { '1-markets': priced },
      },
      SEED_EPOCH_MS,
    )
  })
}

function tagIds(db: NutshellDb, tagType: string): string[] {
  return db.tables.tags.filter((tag) => tag.tagType === tagType).map((tag) => tag.id)
}

/** Spreads `count` records over a year, in whole seconds so times survive a round trip through unix seconds. */
function spacing(count: number): number {
  return Math.max(1000, Math.floor((365 * 24 * HOUR) / Math.max(1, count) / 1000) * 1000)
}

function at(ms: number): number {
  return Math.floor(ms / 1000) * 1000
}

function seedPeople(db: NutshellDb, r: Random, size: Required<NutshellSize>): void {
  const users = db.tables.users.map((user) => user.id)
  const step = spacing(size.accounts)
  const accountTags = tagIds(db, 'accounts')
  for (let i = 0; i < size.accounts; i++) {
    const created = at(SEED_EPOCH_MS + i * step + r.int(0, step / 2))
    const name = `${r.pick(words.COMPANY_WORDS)} ${r.pick(words.COMPANY_KINDS)} ${r.pick(words.COMPANY_SUFFIXES)}`
    const place = r.pick(words.PLACES)
    const domain = `${name.split(' ')[0]!.toLowerCase()}${i + 1}.example.com`
    const owner = r.pick(users)
    db.insert(
      'accounts',
      {
        name,
        description: null,
        createdTime: unix(created),
        deletedTime: null,
        emails: emails([`hello@${domain}`]),
        phones: phones([`555${String(1000000 + i).slice(-7)}`]),
        addresses: addresses([{ ...place, address_1: `${r.int(1, 999)} ${r.pick(words.STREETS)}` }]),
        urls: emails([`https://${domain}`]),
        avatarUrl: null,
        initials: name.slice(0, 2).toUpperCase(),
        revenue: null,
        employeeCount: r.int(5, 5000),
        lastContactedTime: null,
        customFields: {},
        links: {
          owner,
          creator: owner,
          tags: r.chance(0.4) ? [r.pick(accountTags)] : [],
          industry: null,
          accountType: null,
          territory: null,
          origin: null,
        },
      },
      created,
    )
  }
  const accounts = db.tables.accounts
  const contactTags = tagIds(db, 'contacts')
  const contactStep = spacing(size.contacts)
  for (let i = 0; i < size.contacts; i++) {
    const created = at(SEED_EPOCH_MS + i * contactStep + r.int(0, contactStep / 2))
    const [first, last] = personName(r)
    const account = accounts.length > 0 && r.chance(0.85) ? r.pick(accounts) : undefined
    const domain = account
      ? String((account.urls as { value: string }[])[0]?.value).replace('https://', '')
      : 'mail.example.com'
    const place = account ? (account.addresses as Record<string, unknown>[])[0]! : r.pick(words.PLACES)
    const owner = r.pick(users)
    db.insert(
      'contacts',
      {
        name: `${first} ${last}`,
        firstName: first,
        lastName: last,
        jobTitle: r.pick(words.JOB_TITLES),
        description: null,
        createdTime: unix(created),
        deletedTime: null,
        emails: emails([`${first.toLowerCase()}.${last.toLowerCase()}${i + 1}@${domain}`]),
        phones: phones([`555${String(2000000 + i).slice(-7)}`]),
        addresses: addresses([{ ...place, isPrimary: true }]),
        urls: [],
        avatarUrl: null,
        initials: `${first[0]}${last[0]}`,
        lastContactedTime: null,
        customFields: {},
        links: {
          accounts: account ? [account.id] : [],
          owner,
          creator: owner,
          tags: r.chance(0.3) ? [r.pick(contactTags)] : [],
          territory: null,
          origin: null,
        },
      },
      created,
    )
  }
}

const STATUSES: [string, number][] = [
  ['open', 0.7],
  ['won', 0.12],
  ['lost', 0.12],
  ['canceled', 0.06],
]

function pickStatus(r: Random): string {
  let roll = r.next()
  for (const [status, weight] of STATUSES) {
    roll -= weight
    if (roll < 0) return status
  }
  return 'open'
}

function seedLeads(db: NutshellDb, r: Random, count: number): void {
  const users = db.tables.users.map((user) => user.id)
  const accounts = db.tables.accounts
  const contacts = db.tables.contacts
  const stagesets = db.tables.stagesets
  const stages = db.tables.stages
  const sources = db.tables.sources.map((source) => source.id)
  const leadTags = tagIds(db, 'leads')
  const products = db.tables.products
  const outcomes = new Map(db.tables.outcomes.map((outcome) => [outcome.status as string, outcome.id]))
  const byAccount = new Map<string, string[]>()
  for (const contact of contacts) {
    for (const accountId of (contact.links?.accounts as string[] | undefined) ?? []) {
      byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), contact.id])
    }
  }
  const step = spacing(count)
  db.startNumbersAt('leads', 1001)
  for (let i = 0; i < count; i++) {
    const created = at(SEED_EPOCH_MS + i * step + r.int(0, step / 2))
    const account = accounts.length > 0 ? r.pick(accounts) : undefined
    const related = account ? (byAccount.get(account.id) ?? []) : []
    const leadContacts =
      related.length > 0 ? [r.pick(related)] : contacts.length > 0 ? [r.pick(contacts).id] : []
    const stageset = r.chance(0.8) ? stagesets[0]! : stagesets[1]!
    const stageChoices = stages.filter((stage) => stage.links?.stageset === stageset.id)
    const status = pickStatus(r)
    const description = `${account ? String(account.name).split(' ').slice(0, 2).join(' ') : 'Walk-in'} - ${r.pick(words.NEEDS)}`
    const amount = r.int(5, 250) * 100
    const closed = status === 'open' ? null : created + r.int(5, 60) * 24 * HOUR
    const lead = db.insert(
      'leads',
      {
        name: description,
        description,
        number: 1000 + i,
        value: money(amount),
        status,
        confidence: status === 'won' ? 100 : status === 'open' ? r.int(1, 9) * 10 : 0,
        priority: r.chance(0.2) ? 1 : 0,
        isOverdue: false,
        isCurrentUserWatching: false,
        ownerType: 'users',
        pieState: null,
        createdTime: timeObject(created),
        closedTime: closed === null ? null : new Date(closed).toISOString(),
        dueTime: timeObject(created + r.int(14, 90) * 24 * HOUR),
        anticipatedClosedTime: null,
        lastContactedTime: null,
        overdueTime: null,
        deletedTime: null,
        avatarUrl: null,
        initials: description.slice(0, 2).toUpperCase(),
        customFields: {},
        links: {
          owner: r.pick(users),
          accounts: account ? [account.id] : [],
          contacts: leadContacts,
          sources: r.chance(0.6) ? [r.pick(sources)] : [],
          tags: r.chance(0.35) ? [r.pick(leadTags)] : [],
          stageset: stageset.id,
          stage: r.pick(stageChoices).id,
          outcome: status === 'open' ? null : (outcomes.get(status) ?? null),
          creator: users[0] ?? null,
        },
      },
      created,
    )
    const productCount = r.int(0, 2)
    for (const product of r.sample(products, productCount)) {
      const quantity = r.int(1, 5)
      const price = (product.price as { amount: number }).amount
      db.insert(
        'productMaps',
        {
          name: product.name,
          price: money(price * quantity),
          quantity,
          unit: 'unit',
          productType: 'product',
          relationship: null,
          links: { product: product.id, lead: lead.id },
        },
        created,
      )
    }
  }
}

function seedWork(db: NutshellDb, r: Random): void {
  const users = db.tables.users.map((user) => user.id)
  const leads = db.tables.leads.slice(0, 60)
  const contacts = db.tables.contacts.slice(0, 60)
  const types = db.tables.activityTypes.map((type) => type.id)
  if (leads.length === 0 && contacts.length === 0) return
  const parents: NutshellRecord[] = [...leads, ...contacts]
  for (let i = 0; i < 40; i++) {
    const lead = leads.length > 0 ? r.pick(leads) : undefined
    const contactId =
      (lead?.links?.contacts as string[] | undefined)?.[0] ??
      (contacts.length > 0 ? r.pick(contacts).id : undefined)
    const start = SEED_EPOCH_MS + r.int(0, 360) * 24 * HOUR + r.int(8, 17) * HOUR
    const isLogged = r.chance(0.6)
    const isCancelled = !isLogged && r.chance(0.1)
    const type = r.int(0, types.length - 1)
    db.insert(
      'activities',
      {
        name: `${words.ACTIVITY_TYPES[type]} with ${contactId ? String(db.get(contactId)?.name) : 'the team'}`,
        description: r.pick(words.NOTE_LINES),
        agenda: null,
        note: null,
        location: r.chance(0.3) ? 'Video call' : null,
        transcription: null,
        startTime: unix(start),
        endTime: unix(start + 30 * 60_000),
        isAllDay: false,
        isFlagged: r.chance(0.15),
        isLogged,
        isCancelled,
        isEditable: true,
        isMediaLogged: false,
        isOverdue: false,
        loggedTime: isLogged ? unix(start + 30 * 60_000) : null,
        createdTime: unix(start - 7 * 24 * HOUR),
        modifiedTime: unix(start - 7 * 24 * HOUR),
        deletedTime: null,
        links: {
          activityType: types[type] ?? null,
          participants: [r.pick(users), ...(contactId ? [contactId] : [])],
          leads: lead ? [lead.id] : [],
          creator: users[0] ?? null,
        },
      },
      start - 7 * 24 * HOUR,
    )
  }
  for (let i = 0; i < 20; i++) {
    const related = r.pick(parents)
    const created = SEED_EPOCH_MS + r.int(0, 300) * 24 * HOUR
    const title = `Follow up: ${String(related.name)}`
    db.insert(
      'tasks',
      {
        title,
        name: title,
        description: r.pick(words.NOTE_LINES),
        dueTime: unix(created + r.int(1, 30) * 24 * HOUR),
        isCompleted: r.chance(0.3),
        completedTime: null,
        createdTime: unix(created),
        modifiedTime: unix(created),
        deletedTime: null,
        recurrenceRule: null,
        links: { assignee: r.pick(users), relatedEntity: related.id, creator: users[0] ?? null },
      },
      created,
    )
  }
  for (let i = 0; i < 40; i++) {
    const parent = r.pick(parents)
    const created = SEED_EPOCH_MS + r.int(0, 360) * 24 * HOUR
    const body = r.pick(words.NOTE_LINES)
    db.insert(
      'notes',
      {
        body,
        bodyHtml: `<p>${body}</p>`,
        bodyMarkup: body,
        isEditable: true,
        parentType: parent.type,
        createdTime: new Date(created).toISOString(),
        deletedTime: null,
        links: { parent: parent.id, creator: r.pick(users) },
      },
      created,
    )
  }
}

function seedEvents(db: NutshellDb): void {
  const actor = db.tables.users[0]?.id ?? '1-users'
  const recent = [
    ...db.tables.leads.slice(-20),
    ...db.tables.contacts.slice(-10),
    ...db.tables.accounts.slice(-5),
  ]
  recent
    .sort((a, b) => db.createdMs(a.id) - db.createdMs(b.id))
    .forEach((record) => {
      db.recordEvent('create', record, actor, [], db.createdMs(record.id))
    })
}

/** Fills the database with the deterministic seed data for `seed`. */
export function seedNutshell(
  db: NutshellDb,
  options: { seed: number; users?: NutshellUserCredentials[]; size?: NutshellSize },
): void {
  db.clear()
  const r = createRandom(options.seed)
  const users = options.users && options.users.length > 0 ? options.users : [DEFAULT_NUTSHELL_USER]
  const size = { ...DEFAULT_SIZE, ...options.size }
  seedReference(db, r, users)
  seedPeople(db, r, size)
  seedLeads(db, r, size.leads)
  seedWork(db, r)
  seedEvents(db)
  seedCatalog(db, options.seed)
}
