// Realistic response bodies, shaped like Nutshell's OpenAPI lead list and Nutan's inferred list answer.

const ORIGIN = 'https://app.nutshell.com'
const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
]
const PRODUCTS = ['Widgets renewal', 'Onboarding package', 'Enterprise seats', 'Support upgrade', 'Pilot']
const STATUSES = ['open', 'open', 'open', 'won', 'lost']
const BASE_TIME = 1_716_900_000

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

// Formatted by hand: Intl formatting would make the server, not the client, the bottleneck of a walk.
function timeValue(seconds: number) {
  const date = new Date(seconds * 1000)
  return {
    absoluteLocalizedString: `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`,
    timestamp: seconds,
    value: date.toISOString().replace('.000Z', '+0000'),
  }
}

/** `12345` → `"12,345"`. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function money(amount: number) {
  return {
    amount: amount.toFixed(2),
    currency: 'USD',
    formatted: `$${grouped(amount)}.00`,
    currencySymbol: '$',
  }
}

/** Lead number `n` (1-based), as `GET /rest/leads` returns it. */
export function lead(n: number) {
  const id = 1000 + n
  const company = COMPANIES[n % COMPANIES.length]!
  const name = `${company} - ${PRODUCTS[n % PRODUCTS.length]}`
  const status = STATUSES[n % STATUSES.length]!
  const created = BASE_TIME + n * 3600
  return {
    id: `${id}-leads`,
    type: 'leads',
    href: `${ORIGIN}/rest/leads/${id}-leads`,
    htmlUrl: `${ORIGIN}/lead/${id}`,
    htmlUrlPath: `/lead/${id}`,
    avatarUrl: `${ORIGIN}/avatars/leads/${id}/{path}`,
    initials: company
      .split(' ')
      .map((w) => w[0])
      .join('')
      .slice(0, 2),
    name,
    description: name,
    number: id,
    status,
    pieState: status === 'open' ? 'open' : 'closed',
    value: money(1000 + ((n * 7919) % 90_000)),
    confidence: (n * 13) % 100,
    priority: n % 4 === 0 ? 1 : 0,
    createdTime: timeValue(created),
    dueTime: timeValue(created + 30 * 86_400),
    anticipatedClosedTime: timeValue(created + 45 * 86_400),
    closedTime: status === 'open' ? null : timeValue(created + 20 * 86_400),
    lastContactedTime: n % 3 === 0 ? null : timeValue(created + 86_400),
    overdueTime: null,
    deletedTime: null,
    ownerType: 'users',
    isOverdue: n % 11 === 0,
    isCurrentUserWatching: n % 2 === 0,
    customFields: { 'Lead source detail': n % 2 ? 'Webinar' : 'Referral', Renewal: n % 5 === 0 },
    links: {
      owner: `${1 + (n % 5)}-users`,
      creator: '1-users',
      accounts: [`${200 + (n % 40)}-accounts`],
      contacts: [`${300 + (n % 70)}-contacts`, `${400 + (n % 30)}-contacts`],
      stage: `${101 + (n % 6)}-stages`,
      stageset: '1-stagesets',
      sources: [`${2 + (n % 3)}-sources`],
      tags: n % 3 ? [`${5 + (n % 4)}-tags`] : [],
      products: [],
      competitors: [],
      outcome: status === 'open' ? null : `${status === 'won' ? 1 : 2}-outcomes`,
    },
  }
}

const LEAD_LINK_TEMPLATES = Object.fromEntries(
  ['accounts', 'contacts', 'owner', 'creator', 'stage', 'stageset', 'sources', 'tags', 'products'].map(
    (rel) => [`leads.${rel}`, { href: `${ORIGIN}/rest/${rel}/{leads.${rel}}`, type: rel }],
  ),
)

/** One page of `GET /rest/leads` (0-based `page`) over a collection of `total` leads. */
export function leadsPage(page: number, limit: number, total: number) {
  const first = page * limit
  const count = Math.max(0, Math.min(limit, total - first))
  const leads = Array.from({ length: count }, (_, i) => lead(first + i + 1))
  return {
    meta: {
      count,
      countFormatted: grouped(count),
      total,
      totalFormatted: grouped(total),
      facets: null,
      instanceId: '12345',
      siteId: null,
    },
    links: LEAD_LINK_TEMPLATES,
    leads,
  }
}

/** Nutan contact number `n` (1-based), with the inferred snake_case fields. */
export function nutanContact(n: number) {
  const company = COMPANIES[n % COMPANIES.length]!
  const created = new Date((BASE_TIME + n * 600) * 1000).toISOString()
  return {
    id: `ct_${n.toString(36).padStart(8, '0')}`,
    name: `Contact ${n}`,
    email: `contact${n}@${company.toLowerCase().replace(/ /g, '')}.example`,
    phone: `+1 555 ${String(1000 + (n % 9000)).padStart(4, '0')}`,
    company,
    title: n % 2 ? 'VP Sales' : 'Procurement lead',
    notes: n % 3 ? 'Met at the spring conference; wants a follow-up on pricing.' : null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  }
}

/** One page of `GET /v1/contacts` (Nutan's `{ data, total, limit, offset }`). */
export function nutanPage(offset: number, limit: number, total: number) {
  const count = Math.max(0, Math.min(limit, total - offset))
  return {
    data: Array.from({ length: count }, (_, i) => nutanContact(offset + i + 1)),
    total,
    limit,
    offset,
  }
}

/** Nutan deal number `n` (1-based), with the inferred snake_case fields; its id carries `n` for cursors. */
export function nutanDeal(n: number) {
  const created = new Date((BASE_TIME + n * 600) * 1000).toISOString()
  return {
    id: `dl_${n.toString(36).padStart(8, '0')}`,
    name: `Renewal ${n}`,
    stage: (['discovery', 'qualification', 'proposal', 'negotiation', 'closed'] as const)[n % 5],
    status: n % 5 === 4 ? (n % 2 ? 'won' : 'lost') : 'open',
    value: 1000 + (n % 97) * 250,
    currency: 'USD',
    contact_id: `ct_${(1 + (n % 5000)).toString(36).padStart(8, '0')}`,
    company: COMPANIES[n % COMPANIES.length]!,
    probability: (n % 10) / 10,
    close_date: null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  }
}

/** The number a `nutanDeal` id carries (0 for anything else). */
export function dealNumber(id: string | null): number {
  const n = id?.startsWith('dl_') ? Number.parseInt(id.slice(3), 36) : 0
  return Number.isFinite(n) ? n : 0
}

/** Deals `from + 1 ..` (at most `limit`, none past `total`). */
export function nutanDeals(from: number, limit: number, total: number) {
  const count = Math.max(0, Math.min(limit, total - from))
  return Array.from({ length: count }, (_, i) => nutanDeal(from + i + 1))
}

/** One page of `GET /v1/deals` (Nutan's `{ data, total, limit, offset }`). */
export function dealsPage(offset: number, limit: number, total: number) {
  return { data: nutanDeals(offset, limit, total), total, limit, offset }
}

/** The JSON Patch every contender sends in the update benchmark. */
export const LEAD_PATCH = [
  { op: 'replace', path: '/leads/0/description', value: 'Acme Corp - Widgets renewal (2025)' },
  { op: 'replace', path: '/leads/0/confidence', value: 60 },
]
