// Every fast-check property runs from one fixed seed, so CI is deterministic; FC_SEED=<integer> picks another.
import fc from 'fast-check'

const DEFAULT_SEED = 19
const raw = process.env.FC_SEED?.trim()
const seed = raw ? Number(raw) : DEFAULT_SEED
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`)

fc.configureGlobal({ seed })
