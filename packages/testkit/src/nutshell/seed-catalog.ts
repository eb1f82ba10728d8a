// The records behind the operations beyond the CRM core: lookups (industries, markets, ...), custom fields,
// competitors, product categories, quotes and invoices, emails, forms and saved filters. Seeded after the
// core records from their own random stream, so adding them changes no core record of any seed.
import { createRandom } from '../shared/prng'
import type { NutshellDb } from './db'
import { money } from './money'
import { seedSetup } from './seed-setup'
import { SEED_EPOCH_MS, unix } from './time'
import type { NutshellRecord, NutshellType } from './types'

const DAY = 86_400_000

/** Named lookups: `{ name, modifiedTime }` records a caller lists and links to. */
const LOOKUPS: [NutshellType, string[]][] = [
  ['industries', ['Manufacturing', 'Software', 'Healthcare', 'Retail', 'Financial services', 'Education']],
  ['accountTypes', ['Customer', 'Prospect', 'Partner', 'Vendor']],
  ['territories', ['North America', 'EMEA', 'APAC']],
  ['competitors', ['Globex', 'Initech', 'Umbrella', 'Hooli']],
  ['productCategories', ['Hardware', 'Software', 'Services']],
]

/** Custom fields per record type: `[name, fieldType, choices?]`. */
const CUSTOM_FIELDS: [string, [string, string, string[]?][]][] = [
  [
    'leads',
    [
      ['Region', 'text'],
      ['Contract length', 'number'],
      ['Renewal', 'enum', ['Monthly', 'Yearly']],
    ],
  ],
  ['contacts', [['Birthday', 'date']]],
  [
    'accounts',
    [
      ['Tier', 'enum', ['Gold', 'Silver', 'Bronze']],
      ['Partner code', 'text'],
    ],
  ],
]

const FORM_FIELDS: [string, string, string, string][] = [
  ['Full Name', 'name', 'textfield', 'Contacts'],
  ['Email', 'email', 'email', 'Contacts'],
  ['Company', 'name', 'textfield', 'Accounts'],
  ['Message', 'description', 'textarea', 'Leads'],
]

const at = (days: number) => SEED_EPOCH_MS + days * DAY
const iso = (ms: number) => new Date(ms).toISOString()

function seedLookups(db: NutshellDb): void {
  for (const [type, names] of LOOKUPS) {
    for (const name of names) db.insert(type, { name, modifiedTime: unix(SEED_EPOCH_MS) }, SEED_EPOCH_MS)
  }
  // Every account gets an industry, an account type and a territory, round-robin.
  db.tables.accounts.forEach((account, index) => {
    const nth = (type: NutshellType) => db.tables[type][index % db.tables[type].length]?.id ?? null
    account.links = {
      ...account.links,
      industry: nth('industries'),
      accountType: nth('accountTypes'),
      territory: nth('territories'),
    }
  })
  for (const [name, currency, currencySymbol] of [
    ['US Dollar', 'USD', '$'],
    ['Euro', 'EUR', '€'],
  ] as const) {
    db.insert('markets', { name, currency, currencySymbol, isDefault: currency === 'USD' }, SEED_EPOCH_MS)
  }
  for (const name of ['Foundation', 'Pro', 'Business', 'Enterprise']) {
    db.insert('editions', { name, isCurrent: name === 'Pro' }, SEED_EPOCH_MS)
  }
  for (const name of ['Newsletter', 'Customers']) {
    db.insert('emAudiences', { name, isWebFX: false }, SEED_EPOCH_MS)
  }
  for (const [entityType, fields] of CUSTOM_FIELDS) {
    for (const [title, fieldType, choices] of fields) {
      db.insert(
        'customFields',
        {
          name: title,
          title,
          fieldType,
          entityType,
          choices: choices ?? null,
          isMultiple: false,
          modifiedTime: unix(SEED_EPOCH_MS),
        },
        SEED_EPOCH_MS,
      )
    }
  }
}

/** The product lines of a lead's quote: one per product map. */
function lineItems(db: NutshellDb, lead: NutshellRecord): Record<string, unknown>[] {
  return db.tables.productMaps
    .filter((map) => map.links?.lead === lead.id)
    .map((map, index) => {
      const quantity = Number(map.quantity)
      const total = Number((map.price as { amount: string }).amount)
      return {
        id: `${idNumber(lead)}${index + 1}-productLineItems`,
        position: index + 1,
        product: map.links?.product ?? null,
        name: map.name,
        description: null,
        sku: db.get(String(map.links?.product))?.sku ?? null,
        quantity,
        term: null,
        price: money(total / quantity),
        total: money(total),
        discountUnit: null,
        discountNumber: null,
      }
    })
}

function idNumber(record: NutshellRecord): number {
  return Number.parseInt(record.id, 10)
}

function recipient(db: NutshellDb, lead: NutshellRecord): Record<string, unknown> | null {
  const contact = db.get(String((lead.links?.contacts as string[] | undefined)?.[0]))
  if (!contact) return null
  return {
    id: contact.id,
    name: contact.name,
    email: (contact.emails as { value: string }[])[0]?.value ?? null,
  }
}

/** A quote's or invoice's fields from its product lines; `fields` adds the document-specific ones. */
export function salesDocument(
  db: NutshellDb,
  lead: NutshellRecord,
  number: string,
  createdMs: number,
): Record<string, unknown> {
  const products = lineItems(db, lead)
  const subtotal = products.reduce((sum, item) => sum + Number((item.total as { amount: string }).amount), 0)
  const tax = Math.round(subtotal * 0.08 * 100) / 100
  return {
    number,
    name: `${number} ${String(lead.name)}`,
    displayStatus: 'DRAFT',
    total: money(subtotal + tax),
    productLineItems: products,
    subtotalLineItems: [
      {
        id: `${idNumber(lead)}1-subtotalLineItems`,
        position: 1,
        label: 'Sales tax',
        modifierUnit: 'PERCENT',
        modifierValue: 8,
        operation: 'ADD',
        total: money(tax),
      },
    ],
    recipient: recipient(db, lead),
    validThroughTime: iso(createdMs + 30 * DAY),
    createdTime: iso(createdMs),
    publishedTime: null,
    sentTime: null,
    acceptedName: null,
    acceptedEmail: null,
    deletedTime: null,
    links: { lead: lead.id },
  }
}

const QUOTE_STATUSES = ['DRAFT', 'READY', 'SENT', 'ACCEPTED'] as const

function seedSales(db: NutshellDb): void {
  const leads = db.tables.leads.filter((lead) =>
    db.tables.productMaps.some((map) => map.links?.lead === lead.id),
  )
  leads.slice(0, 8).forEach((lead, index) => {
    const created = db.createdMs(lead.id) + 3 * DAY
    const status = QUOTE_STATUSES[index % QUOTE_STATUSES.length]!
    const quote = db.insert(
      'quotes',
      {
        ...salesDocument(db, lead, `${String(lead.number)}-01`, created),
        displayStatus: status,
        publishedTime: status === 'DRAFT' ? null : iso(created + DAY),
        sentTime: status === 'SENT' || status === 'ACCEPTED' ? iso(created + DAY) : null,
        acceptedTime: status === 'ACCEPTED' ? iso(created + 5 * DAY) : null,
        acceptedName: status === 'ACCEPTED' ? ((recipient(db, lead)?.name as string) ?? null) : null,
      },
      created,
    )
    if (status === 'ACCEPTED') {
      db.insert(
        'invoices',
        {
          ...salesDocument(db, lead, `${String(lead.number)}-01`, created + 6 * DAY),
          displayStatus: 'SENT',
          publishedTime: iso(created + 6 * DAY),
          sentTime: iso(created + 6 * DAY),
          paidTime: null,
          completionComment: null,
          links: { lead: lead.id, quote: quote.id },
        },
        created + 6 * DAY,
      )
    }
  })
}

function seedLeadExtras(db: NutshellDb, seed: number): void {
  const r = createRandom(seed ^ 0x5ca7a106)
  const competitors = db.tables.competitors
  db.tables.leads.slice(0, 40).forEach((lead, index) => {
    if (index % 4 !== 0 || competitors.length === 0) return
    const competitor = r.pick(competitors)
    const status = lead.status === 'won' ? 'beat' : lead.status === 'lost' ? 'stole' : 'potential'
    db.insert(
      'competitorMaps',
      {
        name: competitor.name,
        relationship: null,
        status,
        links: { lead: lead.id, competitor: competitor.id },
      },
      db.createdMs(lead.id),
    )
  })
  const won = db.tables.leads.filter((lead) => lead.status === 'won').slice(0, 5)
  for (const lead of won) {
    const closed = Date.parse(String(lead.closedTime))
    const amount = Number((lead.value as { amount: string }).amount)
    const parts = r.int(2, 3)
    for (let i = 0; i < parts; i++) {
      db.insert(
        'installments',
        {
          dueTime: iso(closed + (i + 1) * 30 * DAY),
          description: `Payment ${i + 1} of ${parts}`,
          value: money(Math.round((amount / parts) * 100) / 100),
          failedTime: null,
          isPaid: i === 0,
          links: { lead: lead.id },
        },
        closed,
      )
    }
  }
}

function seedEngagement(db: NutshellDb): void {
  const users = db.tables.users
  db.tables.contacts.slice(0, 10).forEach((contact, index) => {
    const lead = db.tables.leads.find((record) =>
      (record.links?.contacts as string[] | undefined)?.includes(contact.id),
    )
    const sent = at(30 + index * 7)
    db.insert(
      'emails',
      {
        subject: `Following up, ${String(contact.firstName)}`,
        body: 'Thanks for your time today. Here is the proposal we discussed.',
        direction: index % 2 === 0 ? 'outbound' : 'inbound',
        fromAddress: index % 2 === 0 ? ((users[0]?.emails as string[] | undefined)?.[0] ?? null) : null,
        toAddresses: [(contact.emails as { value: string }[])[0]?.value ?? null],
        sentTime: unix(sent),
        createdTime: unix(sent),
        deletedTime: null,
        links: { contacts: [contact.id], leads: lead ? [lead.id] : [], creator: users[0]?.id ?? null },
      },
      sent,
    )
  })
  for (const [label, fieldName, fieldType, entityName] of FORM_FIELDS) {
    db.insert('wfFields', { label, fieldName, fieldType, entityName }, SEED_EPOCH_MS)
  }
  const fields = db.tables.wfFields.map((field) => field.id)
  for (const [name, used, isArchived] of [
    ['Contact us', fields, false],
    ['Demo request', fields.slice(0, 3), false],
    ['Old survey', fields.slice(0, 2), true],
  ] as const) {
    db.insert(
      'wfForms',
      { name, createdTime: iso(SEED_EPOCH_MS), isArchived, links: { fields: [...used] } },
      SEED_EPOCH_MS,
    )
  }
  for (const [name, reportType, filter] of [
    ['My open leads', 'entity_list_leads', 'filter[status]=open'],
    ['Big accounts', 'entity_list_accounts', 'filter[employeeCount]=>1000'],
    ['Chicago people', 'entity_list_contacts', 'filter[address][city]=Chicago'],
    ['Sales this year', 'report_sales', 'filter[closedTime]=2024-01-01 TO 2024-12-31'],
  ] as const) {
    db.insert('filters', { name, reportType, filter, links: { user: users[0]?.id ?? null } }, SEED_EPOCH_MS)
  }
}

/** Seeds the lookups, custom fields, competitors, sales documents, emails, forms, saved filters and the JSON-RPC setup. */
export function seedCatalog(db: NutshellDb, seed: number): void {
  seedLookups(db)
  seedLeadExtras(db, seed)
  seedSales(db)
  seedEngagement(db)
  seedSetup(db)
}
