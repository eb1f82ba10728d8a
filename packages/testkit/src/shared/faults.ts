import { mulberry32 } from './prng'

/** Which requests a fault applies to: a method (case-insensitive) and a path (substring of the URL path, or a RegExp). */
export interface FaultMatch {
  method?: string
  path?: string | RegExp
}

/** The body of an injected error: the service's JSON error, an HTML page, or a bare JSON string. */
export type FaultBodyKind = 'json' | 'html' | 'string'

/** When a fault fires: on the 1-based request numbers in `at`, and/or with probability `rate`. */
export interface FaultTrigger {
  rate?: number
  at?: number[]
  match?: FaultMatch
}

/** Faults a simulator injects, deterministically for a given seed and request sequence. */
export interface FaultOptions {
  /** Seed of the fault PRNG; defaults to the simulator's seed. */
  seed?: number
  /** A fixed window of `limit` requests per `windowMs`, starting at the first request of each window. */
  rateLimit?: { limit: number; windowMs: number }
  /** Added before every response: a fixed delay or a uniform range. */
  latencyMs?: number | { min: number; max: number }
  /** An injected error response (default status 503, JSON body). */
  error?: FaultTrigger & { status?: number; body?: FaultBodyKind }
  /** The connection drops: the in-process fetch rejects with `TypeError('fetch failed')`, the server destroys the socket. */
  drop?: FaultTrigger
  /** The response arrives with its body cut in half. */
  truncate?: FaultTrigger
  /** An HTML error page instead of JSON (default status 502). */
  html?: FaultTrigger & { status?: number }
}

/** A fault for the next matching request only; `sim.faults.next({ status: 503 })`. */
export interface OneOffFault {
  status?: number
  /** Sent as `retry-after-ms` and `Retry-After` (seconds, rounded up). */
  retryAfterMs?: number
  body?: FaultBodyKind
  drop?: boolean
  truncate?: boolean
  html?: boolean
  latencyMs?: number
  match?: FaultMatch
}

/** Changes a simulator's faults while it runs. */
export interface FaultController {
  /** Replaces the active faults (and restarts the rate-limit window). */
  set(options: FaultOptions): void
  /** Removes every fault, including pending one-off faults. */
  clear(): void
  /** Queues a one-off fault for the next request that matches it (FIFO). */
  next(fault: OneOffFault): void
  /** The active fault options. */
  readonly options: FaultOptions
  /** How many one-off faults are still waiting for a request. */
  readonly pending: number
}

/** What the pipeline does with one request. */
export type FaultOutcome =
  | { kind: 'drop' }
  | { kind: 'error'; status: number; body: FaultBodyKind; retryAfterMs?: number }
  | { kind: 'html'; status: number }
  | { kind: 'rateLimited'; retryAfterMs: number }
  | { kind: 'pass'; truncate: boolean }

/** The decision for one request: a delay, an outcome, and the rate-limit state to report. */
export interface FaultPlan {
  latencyMs: number
  outcome: FaultOutcome
  rate?: { limit: number; remaining: number; resetMs: number }
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false
  if (match.path === undefined) return true
  return typeof match.path === 'string' ? path.includes(match.path) : match.path.test(path)
}

/** Decides faults per request; owns the PRNG, the rate-limit window and the one-off queue. */
export class FaultEngine {
  #initial: FaultOptions
  #options: FaultOptions
  #seed: number
  #random: () => number
  #queue: OneOffFault[] = []
  #windowStart: number | undefined
  #windowUsed = 0
  readonly controller: FaultController

  constructor(options: FaultOptions | undefined, seed: number) {
    this.#initial = options ?? {}
    this.#options = this.#initial
    this.#seed = seed
    this.#random = mulberry32(this.#options.seed ?? seed)
    const engine = this
    this.controller = {
      set: (next) => engine.#apply(next),
      clear: () => {
        engine.#queue = []
        engine.#apply({})
      },
      next: (fault) => {
        engine.#queue.push(fault)
      },
      get options() {
        return engine.#options
      },
      get pending() {
        return engine.#queue.length
      },
    }
  }

  /** Back to the options the simulator was created with, with a fresh PRNG and window. */
  reset(): void {
    this.#queue = []
    this.#apply(this.#initial)
  }

  #apply(options: FaultOptions): void {
    this.#options = options
    this.#random = mulberry32(options.seed ?? this.#seed)
    this.#windowStart = undefined
    this.#windowUsed = 0
  }

  #fires(trigger: FaultTrigger | undefined, n: number, method: string, path: string): boolean {
    if (!trigger) return false
    // Draw for every configured rate on every request so a run is reproducible from its request sequence.
    const roll = trigger.rate !== undefined ? this.#random() : 1
    if (!matches(trigger.match, method, path)) return false
    return (trigger.at?.includes(n) ?? false) || (trigger.rate !== undefined && roll < trigger.rate)
  }

  #latency(): number {
    const latency = this.#options.latencyMs
    if (latency === undefined) return 0
    if (typeof latency === 'number') return latency
    return Math.round(latency.min + this.#random() * (latency.max - latency.min))
  }

  #takeOneOff(method: string, path: string): OneOffFault | undefined {
    const index = this.#queue.findIndex((fault) => matches(fault.match, method, path))
    return index === -1 ? undefined : this.#queue.splice(index, 1)[0]
  }

  #window(now: number): FaultPlan['rate'] & { allowed: boolean } {
    const { limit, windowMs } = this.#options.rateLimit!
    if (this.#windowStart === undefined || now >= this.#windowStart + windowMs) {
      this.#windowStart = now
      this.#windowUsed = 0
    }
    const resetMs = this.#windowStart + windowMs - now
    if (this.#windowUsed >= limit) return { allowed: false, limit, remaining: 0, resetMs }
    this.#windowUsed += 1
    return { allowed: true, limit, remaining: limit - this.#windowUsed, resetMs }
  }

  /** Plans request number `n` (1-based) arriving at `now`. */
  plan(n: number, method: string, path: string, now: number): FaultPlan {
    const options = this.#options
    const baseLatency = this.#latency()
    const drop = this.#fires(options.drop, n, method, path)
    const error = this.#fires(options.error, n, method, path)
    const html = this.#fires(options.html, n, method, path)
    const truncate = this.#fires(options.truncate, n, method, path)
    const oneOff = this.#takeOneOff(method, path)
    const latencyMs = oneOff?.latencyMs ?? baseLatency

    if (oneOff?.drop || drop) return { latencyMs, outcome: { kind: 'drop' } }
    if (oneOff?.html) return { latencyMs, outcome: { kind: 'html', status: oneOff.status ?? 502 } }
    if (oneOff?.status !== undefined) {
      const outcome: FaultOutcome = { kind: 'error', status: oneOff.status, body: oneOff.body ?? 'json' }
      if (oneOff.retryAfterMs !== undefined) outcome.retryAfterMs = oneOff.retryAfterMs
      return { latencyMs, outcome }
    }
    let rate: FaultPlan['rate']
    if (options.rateLimit) {
      const { allowed, ...state } = this.#window(now)
      rate = state
      if (!allowed) return { latencyMs, rate, outcome: { kind: 'rateLimited', retryAfterMs: state.resetMs } }
    }
    if (error) {
      const outcome: FaultOutcome = {
        kind: 'error',
        status: options.error?.status ?? 503,
        body: options.error?.body ?? 'json',
      }
      return { latencyMs, rate, outcome }
    }
    if (html) return { latencyMs, rate, outcome: { kind: 'html', status: options.html?.status ?? 502 } }
    return { latencyMs, rate, outcome: { kind: 'pass', truncate: Boolean(oneOff?.truncate) || truncate } }
  }
}
