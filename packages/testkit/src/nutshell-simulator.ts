import { NutshellDb } from './nutshell/db'
import { nutshellProfile } from './nutshell/profile'
import { seedNutshell } from './nutshell/seed'
import type { NutshellSize, NutshellUserCredentials } from './nutshell/types'
import type { FaultOptions } from './shared/faults'
import { createSimulatorCore, type SimulatorBase } from './shared/simulator-base'

/** Options of `createNutshellSimulator`. */
export interface NutshellSimulatorOptions {
  /** Seed of the data and the faults; the same seed gives the same records (default 1). */
  seed?: number
  /** Users who may authenticate (HTTP Basic email + API key); the first is `credentials`. */
  users?: NutshellUserCredentials[]
  faults?: FaultOptions
  /** Record counts (defaults: 60 leads, 40 contacts, 20 accounts). */
  size?: NutshellSize
}

/** A stateful Nutshell simulator: REST under `/rest`, JSON-RPC at `/api/v1/json`, discovery at `/v1/json`. */
export interface NutshellSimulator extends SimulatorBase {
  /** The live state behind both APIs: inspect it or seed extra records from tests. */
  db: NutshellDb
  /** The first user's email and API key. */
  credentials: NutshellUserCredentials
  /** The seed the data was generated from. */
  seed: number
  /** Back to the seed data, an empty request log and the initial faults. */
  reset(): void
}

/** Creates a Nutshell simulator whose state, faults and request log live in memory. */
export function createNutshellSimulator(options: NutshellSimulatorOptions = {}): NutshellSimulator {
  const seed = options.seed ?? 1
  const db = new NutshellDb()
  const reseed = () => seedNutshell(db, { seed, users: options.users, size: options.size })
  reseed()
  const core = createSimulatorCore(
    nutshellProfile(db, () => seed, reseed),
    { seed, faults: options.faults },
  )
  const first = db.credentials[0]!
  return {
    handlers: core.handlers,
    fetch: core.fetch,
    listen: core.listen,
    faults: core.faults,
    requests: core.requests,
    db,
    credentials: { email: first.email, apiKey: first.apiKey },
    seed,
    reset: core.resetBase,
  }
}
