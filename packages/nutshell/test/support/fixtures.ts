// Records in the shapes the live service returns (OpenAPI document + recorded responses).

export const BASE = 'https://app.nutshell.com/rest'
export const EMAIL = 'ada@example.com'
export const API_KEY = 'nk_live_4f1c9e2b7a8d'

type Rec = Record<string, unknown> & { id: string }

const time = (ts: number) => ({
  absoluteLocalizedString: 'May 28, 2024',
  timestamp: ts,
  value: '2024-05-28T10:00:00+00:00',
})

export function user(n: number, name: string): Rec {
  return {
    id: `${n}-users`,
    type: 'users',
    href: `${BASE}/users/${n}-users`,
    name,
    firstName: name.split(' ')[0],
    emails: [`${name.split(' ')[0]!.toLowerCase()}@example.com`],
    isEnabled: true,
    isAdministrator: n === 1,
    modifiedTime: 1716890000,
    avatarUrl: null,
    initials: 'AO',
  }
}

export function contact(n: number, name: string, accounts: string[] = []): Rec {
  return {
    id: `${n}-contacts`,
    type: 'contacts',
    href: `${BASE}/contacts/${n}-contacts`,
    htmlUrl: `https://app.nutshell.com/person/${n}`,
    htmlUrlPath: `/person/${n}`,
    name,
    firstName: name.split(' ')[0],
    lastName: name.split(' ')[1] ?? null,
    jobTitle: null,
    description: null,
    createdTime: 1716890000,
    deletedTime: null,
    emails: [{ isPrimary: true, name: 'Work', value: `${name.split(' ')[0]!.toLowerCase()}@acme.test` }],
    phones: [],
    addresses: [
      { isPrimary: true, name: 'Work', city: 'Ann Arbor', state: 'MI', country: 'US', postalCode: '48104' },
    ],
    urls: [],
    links: { owner: '1-users', accounts, tags: [] },
  }
}

export function account(n: number, name: string, contacts: string[] = []): Rec {
  return {
    id: `${n}-accounts`,
    type: 'accounts',
    href: `${BASE}/accounts/${n}-accounts`,
    htmlUrl: `https://app.nutshell.com/company/${n}`,
    htmlUrlPath: `/company/${n}`,
    name,
    description: null,
    createdTime: 1716890000,
    deletedTime: null,
    emails: [],
    phones: [
      {
        isPrimary: true,
        name: 'Main',
        value: { countryCode: '1', number: '7345550100', numberFormatted: '(734) 555-0100' },
      },
    ],
    addresses: [],
    urls: [{ isPrimary: true, name: 'Web', value: 'https://acme.test' }],
    revenue: null,
    employeeCount: null,
    links: { owner: '1-users', contacts, creator: '1-users', origin: '1-origins' },
  }
}

export function lead(n: number, status: string, extra: Partial<Rec> = {}): Rec {
  return {
    id: `${n}-leads`,
    type: 'leads',
    href: `${BASE}/leads/${n}-leads`,
    htmlUrl: `https://app.nutshell.com/lead/${n}`,
    htmlUrlPath: `/lead/${n}`,
    name: `Lead ${n}`,
    description: `Deal number ${n}`,
    number: n,
    status,
    value: { amount: '1000.00', currency: 'USD', formatted: '$1,000.00' },
    confidence: 50,
    priority: 0,
    createdTime: time(1716890000 + n),
    closedTime: null,
    dueTime: null,
    isOverdue: false,
    deletedTime: null,
    links: {
      owner: '1-users',
      contacts: ['3-contacts'],
      accounts: ['5-accounts'],
      stage: '101-stages',
      stageset: '1-stagesets',
      outcome: null,
      sources: [],
      tags: [],
      productMaps: n === 1001 ? ['11-productMaps', '12-productMaps'] : [],
    },
    ...extra,
  }
}

export function productMap(n: number, product: string, quantity: number): Rec {
  return {
    id: `${n}-productMaps`,
    type: 'productMaps',
    relationship: null,
    name: `Product ${product}`,
    unit: 'each',
    quantity,
    productType: 'product',
    price: { amount: '250.00', currency: 'USD', formatted: '$250.00' },
    links: { product: product },
  }
}

export const OUTCOMES = [
  { id: '1-outcomes', type: 'outcomes', name: 'Won', status: 'won' },
  { id: '2-outcomes', type: 'outcomes', name: 'Too expensive', status: 'lost' },
  { id: '3-outcomes', type: 'outcomes', name: 'Lost', status: 'lost' },
  { id: '4-outcomes', type: 'outcomes', name: 'Canceled', status: 'canceled' },
]

/** A webhook delivery as Nutshell POSTs it. */
export function webhookBody() {
  return {
    meta: { instanceId: '12345' },
    links: {},
    events: [
      {
        id: '39-events',
        type: 'events',
        createdTime: 1716890400,
        actorType: 'users',
        payloadType: 'leads',
        action: 'create',
        changes: [{ attribute: 'description', oldValue: null, newValue: 'Car Wash Inc.' }],
        links: { actor: '1-users', payloads: ['1003-leads'] },
      },
      {
        id: '40-events',
        type: 'events',
        createdTime: 1716890500,
        actorType: 'users',
        payloadType: 'contacts',
        action: 'update',
        changes: [{ attribute: 'name', oldValue: 'Gus', newValue: 'Gus Grill' }],
        links: { actor: '1-users', payloads: ['3-contacts'] },
      },
      {
        id: '41-events',
        type: 'events',
        createdTime: 1716890600,
        actorType: 'users',
        payloadType: 'accounts',
        action: 'delete',
        changes: [],
        links: { actor: '1-users', payloads: ['6-accounts'] },
      },
      {
        id: '42-events',
        type: 'events',
        createdTime: 1716890700,
        actorType: 'users',
        payloadType: 'leads',
        action: 'stage_change',
        changes: [
          {
            attribute: 'stage',
            oldValue: { id: '101-stages', type: 'stages', name: 'Qualify', position: 1 },
            newValue: { id: '102-stages', type: 'stages', name: 'Propose', position: 2 },
          },
        ],
        links: { actor: '1-users', payloads: ['1001-leads'] },
      },
    ],
    actors: [user(1, 'Ada Owner')],
    payloads: [lead(1003, 'open'), contact(3, 'Gus Grill'), lead(1001, 'open')],
  }
}

export const HTML_401 =
  '<!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>' +
  'You must log in.</p>' +
  '<script>var x = 1;</script>'.repeat(20) +
  '</body></html>'

export const HTML_404 =
  '<!DOCTYPE html><html><head><title>Page Not Found | Nutshell</title></head><body><div class="big">' +
  'Oops! We couldn’t find that page.</div>' +
  '<p>lorem ipsum</p>'.repeat(40) +
  '</body></html>'
