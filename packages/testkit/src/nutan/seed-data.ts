import { createPrng, type Prng } from './prng'
import { Table } from './table'
import type {
  NutanActionItem,
  NutanContact,
  NutanDeal,
  NutanMeeting,
  NutanObjection,
  NutanParticipant,
  NutanSignal,
  NutanStateSize,
} from './types'

const FIRST = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
]
const LAST = ['Okafor', 'Schmidt', 'Tanaka', 'Novak', 'Silva', 'Dubois', 'Khan', 'Larsen', 'Moreau', 'Reyes']
const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark Industries',
  'Wayne Corp',
  'Hooli',
  'Vandelay',
]
const DOMAINS: Record<string, string> = Object.fromEntries(
  COMPANIES.map((c) => [c, `${c.toLowerCase().replace(/ /g, '')}.example`]),
)
const TITLES = ['CEO', 'CTO', 'VP Sales', 'Head of Ops', 'Procurement Lead', 'Engineering Manager', null]
const STAGES = ['discovery', 'qualification', 'proposal', 'negotiation', 'closed'] as const
const PROBABILITY: Record<string, number> = {
  discovery: 10,
  qualification: 25,
  proposal: 50,
  negotiation: 75,
  closed: 100,
}
const MEETING_KINDS = ['Discovery call', 'Demo', 'Pricing review', 'Security review', 'Kickoff']
const REPS = ['Sam Rep', 'Alex Closer', 'Jo Seller']
const SIGNAL_TYPES = ['buying', 'risk', 'competitor', 'timeline', 'budget'] as const
const SIGNAL_TEXT: Record<string, string> = {
  buying: 'Asked about rollout timeline for the whole team',
  risk: 'Champion may be leaving the company',
  competitor: 'Currently evaluating a competing product',
  timeline: 'Needs a decision before end of quarter',
  budget: 'Budget approved for this fiscal year',
}
const OBJECTION_CATEGORIES = ['price', 'security', 'integration', 'timing'] as const
const OBJECTION_TEXT: Record<string, string> = {
  price: 'Price is above what they planned',
  security: 'Needs SOC 2 report before signing',
  integration: 'Worried about the CRM integration effort',
  timing: 'Too busy to roll out this quarter',
}

// Seed records are dated relative to a fixed instant so a seed always produces identical data.
const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0)
const MINUTE = 60_000
const DAY = 86_400_000

const iso = (ms: number): string => new Date(ms).toISOString()
const pad = (n: number): string => String(n).padStart(6, '0')

/** The seeded collections of a fresh Nutan state. */
export interface NutanSeedData {
  contacts: Table<NutanContact>
  deals: Table<NutanDeal>
  meetings: Table<NutanMeeting>
  participants: Table<NutanParticipant>
  actionItems: Table<NutanActionItem>
  signals: Table<NutanSignal>
  objections: Table<NutanObjection>
  /** The next free sequence number per id prefix. */
  nextIds: Record<string, number>
}

function seedContacts(rng: Prng, count: number): Table<NutanContact> {
  const contacts = new Table<NutanContact>()
  for (let i = 1; i <= count; i++) {
    const first = rng.pick(FIRST)
    const last = rng.pick(LAST)
    const company = rng.pick(COMPANIES)
    const at = iso(EPOCH - (count - i) * MINUTE)
    const id = `con_${pad(i)}`
    contacts.set(id, {
      id,
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@${DOMAINS[company]}`,
      phone: rng.chance(0.7) ? `+1-555-${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
      company,
      title: rng.pick(TITLES),
      notes: null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
  }
  return contacts
}

function seedDeals(rng: Prng, count: number, contacts: Table<NutanContact>): Table<NutanDeal> {
  const deals = new Table<NutanDeal>()
  const contactCount = contacts.size
  for (let i = 1; i <= count; i++) {
    const stage = STAGES[(i - 1) % STAGES.length]!
    const status = stage === 'closed' ? (rng.chance(0.6) ? 'won' : 'lost') : 'open'
    const contact = contactCount > 0 ? contacts.get(`con_${pad(rng.int(1, contactCount))}`) : undefined
    const company = contact?.company ?? rng.pick(COMPANIES)
    const at = iso(EPOCH - (count - i) * DAY)
    const id = `deal_${pad(i)}`
    deals.set(id, {
      id,
      name: `${company} ${rng.pick(['pilot', 'expansion', 'renewal', 'platform'])}`,
      stage,
      status,
      value: rng.int(10, 2000) * 100,
      currency: rng.chance(0.8) ? 'USD' : 'EUR',
      contact_id: contact?.id ?? null,
      company,
      close_date: iso(EPOCH + rng.int(-30, 90) * DAY).slice(0, 10),
      probability: status === 'lost' ? 0 : (PROBABILITY[stage] ?? null),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
  }
  return deals
}

/** Generates the deterministic seed data of a Nutan state. */
export function generateNutanSeed(seed: number, size: Required<NutanStateSize>): NutanSeedData {
  const rng = createPrng(seed)
  const contacts = seedContacts(rng, size.contacts)
  const deals = seedDeals(rng, size.deals, contacts)
  const meetings = new Table<NutanMeeting>()
  const participants = new Table<NutanParticipant>()
  const actionItems = new Table<NutanActionItem>()
  const signals = new Table<NutanSignal>()
  const objections = new Table<NutanObjection>()
  const meetingsByDeal = new Map<string, string[]>()
  let participantSeq = 0
  let actionSeq = 0

  for (let i = 1; i <= size.meetings; i++) {
    const deal =
      deals.size > 0 && rng.chance(0.85) ? deals.get(`deal_${pad(rng.int(1, deals.size))}`) : undefined
    const start = EPOCH - (size.meetings - i) * DAY + rng.int(0, 8) * 30 * MINUTE
    const duration = rng.int(2, 12) * 5 * 60
    const id = `mtg_${pad(i)}`
    meetings.set(id, {
      id,
      title: `${deal?.company ?? rng.pick(COMPANIES)}: ${rng.pick(MEETING_KINDS)}`,
      started_at: iso(start),
      ended_at: iso(start + duration * 1000),
      duration_seconds: duration,
      summary: 'Walked through goals, current tooling and next steps.',
      deal_id: deal?.id ?? null,
      created_at: iso(start + duration * 1000),
    })
    if (deal) {
      const list = meetingsByDeal.get(deal.id)
      if (list) list.push(id)
      else meetingsByDeal.set(deal.id, [id])
    }

    const rep = rng.pick(REPS)
    const people: Array<Omit<NutanParticipant, 'id' | 'meeting_id' | 'talk_time_seconds'>> = [
      {
        name: rep,
        email: `${rep.split(' ')[0]!.toLowerCase()}@nutan-customer.example`,
        role: 'host',
        is_internal: true,
      },
    ]
    for (let p = rng.int(1, 3); p > 0 && contacts.size > 0; p--) {
      const contact = contacts.get(`con_${pad(rng.int(1, contacts.size))}`)!
      people.push({ name: contact.name, email: contact.email, role: 'attendee', is_internal: false })
    }
    for (const person of people) {
      const pid = `par_${pad(++participantSeq)}`
      participants.set(pid, { id: pid, meeting_id: id, ...person, talk_time_seconds: rng.int(0, duration) })
    }
    for (let a = rng.int(1, 3); a > 0; a--) {
      const aid = `act_${pad(++actionSeq)}`
      const created = iso(start + duration * 1000)
      actionItems.set(aid, {
        id: aid,
        title: rng.pick(['Send proposal', 'Share security docs', 'Book follow-up', 'Loop in legal']),
        meeting_id: id,
        deal_id: deal?.id ?? null,
        assignee: rep,
        due_date: iso(start + rng.int(1, 14) * DAY).slice(0, 10),
        status: rng.chance(0.4) ? 'done' : 'open',
        created_at: created,
        updated_at: created,
      })
    }
  }

  let signalSeq = 0
  let objectionSeq = 0
  for (const deal of deals.values()) {
    const dealMeetings = meetingsByDeal.get(deal.id) ?? []
    const meetingFor = (): string | null => (dealMeetings.length > 0 ? rng.pick(dealMeetings) : null)
    for (let s = rng.int(1, 3); s > 0; s--) {
      const type = rng.pick(SIGNAL_TYPES)
      const sid = `sig_${pad(++signalSeq)}`
      signals.set(sid, {
        id: sid,
        deal_id: deal.id,
        meeting_id: meetingFor(),
        type,
        text: SIGNAL_TEXT[type]!,
        confidence: Math.round(rng.next() * 100) / 100,
        created_at: deal.updated_at,
      })
    }
    for (let o = rng.int(0, 2); o > 0; o--) {
      const category = rng.pick(OBJECTION_CATEGORIES)
      const oid = `obj_${pad(++objectionSeq)}`
      objections.set(oid, {
        id: oid,
        deal_id: deal.id,
        meeting_id: meetingFor(),
        category,
        text: OBJECTION_TEXT[category]!,
        status: rng.chance(0.5) ? 'addressed' : 'open',
        created_at: deal.updated_at,
      })
    }
  }

  return {
    contacts,
    deals,
    meetings,
    participants,
    actionItems,
    signals,
    objections,
    nextIds: {
      con: size.contacts + 1,
      deal: size.deals + 1,
      mtg: size.meetings + 1,
      par: participantSeq + 1,
      act: actionSeq + 1,
      sig: signalSeq + 1,
      obj: objectionSeq + 1,
      use: 1,
    },
  }
}
