import { generateNutanSeed } from './seed-data'
import { NUTAN_TEST_AUTH_CODE, NUTAN_TEST_REFRESH_TOKEN, NUTAN_TEST_SUBJECT } from './tokens'
import { NUTAN_SYNC_TABLES, type NutanState, type NutanStateSize, type NutanSyncTable } from './types'

const DEFAULT_SIZE: Required<NutanStateSize> = { contacts: 40, deals: 30, meetings: 20 }

// A fixed key rather than one derived from the seed: access tokens a test minted stay valid
// across `resetNutanState`, whatever seed the reset uses.
const SIGNING_SECRET = 'nutan-simulator-hs256-key'

function emptySynced(): NutanState['synced'] {
  return Object.fromEntries(NUTAN_SYNC_TABLES.map((t) => [t, new Map()])) as Record<
    NutanSyncTable,
    Map<never, never>
  >
}

function build(seed: number, size: Required<NutanStateSize>): NutanState {
  const data = generateNutanSeed(seed, size)
  return {
    seed,
    size,
    contacts: data.contacts,
    deals: data.deals,
    meetings: data.meetings,
    participants: data.participants,
    actionItems: data.actionItems,
    signals: data.signals,
    objections: data.objections,
    synced: emptySynced(),
    usage: [],
    tokens: {
      secret: SIGNING_SECRET,
      authCodes: new Set([NUTAN_TEST_AUTH_CODE]),
      usedAuthCodes: new Set(),
      refreshTokens: new Map([[NUTAN_TEST_REFRESH_TOKEN, { subject: NUTAN_TEST_SUBJECT, issuedAt: 0 }]]),
      rotatedRefreshTokens: new Set(),
      issued: 0,
    },
    rate: { global: null, strict: null },
    counters: { ids: data.nextIds, requests: 0 },
  }
}

/** Creates a Nutan simulator state seeded deterministically from `seed`. */
export function createNutanState(opts: { seed: number; size?: NutanStateSize }): NutanState {
  return build(opts.seed, { ...DEFAULT_SIZE, ...opts.size })
}

/** Puts `state` back to freshly seeded data (same sizes), clearing tokens, usage and rate windows. */
export function resetNutanState(state: NutanState, seed: number): void {
  Object.assign(state, build(seed, state.size))
}

/** The next id for a record kind (`con`, `deal`, `mtg`, ...), continuing after the seed data. */
export function nextNutanId(state: NutanState, prefix: string): string {
  const n = state.counters.ids[prefix] ?? 1
  state.counters.ids[prefix] = n + 1
  return `${prefix}_${String(n).padStart(6, '0')}`
}
