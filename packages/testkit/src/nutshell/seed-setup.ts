// The account setup only the JSON-RPC API shows: teams, origins, settings, delays, sales processes and
// their steps, and backups. Deterministic (no random stream), seeded after everything else, so adding it
// changes no record of any seed.
import type { NutshellDb } from './db'
import { SEED_EPOCH_MS, unix } from './time'

const DAY = 86_400_000

const ORIGINS = ['Website', 'Trade show', 'Referral', 'Cold call']

const SETTINGS: [string, unknown][] = [
  ['currency', 'USD'],
  ['timezone', 'America/Detroit'],
  ['fiscalYearStartMonth', 1],
  ['leadConfidenceEnabled', true],
]

const DELAYS = ['1 day', '3 days', '1 week', '2 weeks']

const STEPS = ['Send welcome kit', 'Schedule kickoff call', 'Confirm first order']

/** Seeds teams, origins, settings, delays, processes with their steps, and one finished backup. */
export function seedSetup(db: NutshellDb): void {
  const users = db.tables.users.map((user) => user.id)
  const half = Math.ceil(users.length / 2)
  for (const [name, members] of [
    ['Sales', users.slice(0, half)],
    ['Support', users.slice(half)],
  ] as const) {
    db.insert(
      'teams',
      { name, modifiedTime: unix(SEED_EPOCH_MS), links: { users: [...members] } },
      SEED_EPOCH_MS,
    )
  }
  for (const name of ORIGINS) db.insert('origins', { name, modifiedTime: unix(SEED_EPOCH_MS) }, SEED_EPOCH_MS)
  for (const [name, value] of SETTINGS) db.insert('settings', { name, value }, SEED_EPOCH_MS)
  for (const note of DELAYS) db.insert('delays', { name: note, note }, SEED_EPOCH_MS)
  const delays = db.tables.delays.map((delay) => delay.id)
  db.tables.leads.slice(0, 3).forEach((lead, index) => {
    const steps = STEPS.map((name, position) =>
      db.insert(
        'steps',
        {
          name,
          position: position + 1,
          status: position < index ? 'completed' : 'pending',
          choice: null,
          links: { assignee: users[position % users.length] ?? null, delay: null, availableDelays: delays },
        },
        SEED_EPOCH_MS,
      ),
    )
    db.insert(
      'processes',
      { name: 'Onboarding', links: { entity: lead.id, steps: steps.map((step) => step.id) } },
      SEED_EPOCH_MS,
    )
  })
  db.insert(
    'backups',
    {
      name: 'Backup 1',
      status: 'complete',
      url: 'https://app.nutshell.com/backup/1.zip',
      createdTime: unix(SEED_EPOCH_MS + DAY),
    },
    SEED_EPOCH_MS + DAY,
  )
}
