import pThrottle from 'p-throttle'
import { InputValidationError } from '../errors'
import { abortable } from '../utils/abortable'
import { sleep } from '../utils/sleep'

/** Why a limiter holds a call: its client-side budget, or a pause the server asked for (a 429's wait). */
export type LimiterWaitReason = 'budget' | 'server-pause'

/** A limiter's word that it holds a call, and for about how long. */
export interface LimiterWait {
  /** About how long the call will wait, in ms (a later server pause can lengthen it). */
  waitMs: number
  reason: LimiterWaitReason
}

/** A shared limiter's word that its store failed and it keeps calls under a budget of this process's own. */
export interface LimiterFallback {
  /** What happened, without the store's address or credentials. */
  message: string
}

/** What a caller of `schedule` may ask to be told. */
export interface ScheduleOptions {
  /** Called when the call has to wait for its turn; at most once per `schedule` call. */
  onWait?(wait: LimiterWait): void
  /** Called when a shared limiter falls back to an in-process budget (once per outage). */
  onFallback?(fallback: LimiterFallback): void
}

/** Schedules calls under a budget. Share one between clients, or pass your own (e.g. backed by Redis). */
export interface Limiter {
  /**
   * Runs `fn` when the budget allows; rejects with the signal's reason if it aborts first. A limiter
   * that holds a call should say so once through `options.onWait` (the transport turns it into a notice).
   */
  schedule<T>(fn: () => Promise<T>, signal?: AbortSignal, options?: ScheduleOptions): Promise<T>
  /** Told when the server answered 429 with a wait; a limiter may hold every caller until then. */
  pause?(ms: number): void
}

/** A gate that holds callers while the server has asked everyone to wait. */
class PauseGate {
  /** When the latest pause ends (ms since the epoch). */
  until = 0

  pause(ms: number): void {
    this.until = Math.max(this.until, Date.now() + ms)
  }

  async wait(signal?: AbortSignal, told?: Teller): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now()) {
      told?.(left, 'server-pause')
      await sleep(left, signal)
    }
  }
}

/** Tells a call's `onWait` about its first wait only (a call may wait at the gate, then for a slot). */
export type Teller = (waitMs: number, reason: LimiterWaitReason) => void

/** A call's teller: passes its first wait to `options.onWait`, never throws (for limiters of your own too). */
export function tellerFor(options: ScheduleOptions | undefined): Teller | undefined {
  const onWait = options?.onWait
  if (!onWait) return undefined
  let told = false
  return (waitMs, reason) => {
    if (told || waitMs <= 0) return
    told = true
    try {
      onWait({ waitMs, reason })
    } catch {
      // A throwing listener never breaks a call.
    }
  }
}

/** A client-side budget: `limit` calls per `interval` ms. */
export interface RateBudget {
  limit: number
  interval: number
}

/**
 * A client-side budget of `limit` calls per `interval` ms, that also honours server pauses. A pause
 * starts a new window when it ends: the server's window opens then, and a client window left running on
 * its own phase would keep straddling the server's, drawing a 429 at every crossing.
 *
 * `false` (or a `limit` of `Infinity`) means no client-side budget: calls run at once, and only a
 * server pause (a 429's wait) holds them.
 */
export function createRateLimiter(budget: RateBudget | false): Limiter {
  const gate = new PauseGate()
  const unlimited = budget === false || budget?.limit === Number.POSITIVE_INFINITY
  if (!unlimited) checkBudget(budget)
  const freshWindow = () => (unlimited ? undefined : windowOf(budget.limit, budget.interval))
  let takeSlot = freshWindow()
  let generation = 0
  return {
    async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal, options?: ScheduleOptions): Promise<T> {
      const tell = tellerFor(options)
      for (;;) {
        await gate.wait(signal, tell)
        const current = generation
        // A call aborted while queued gives up its slot quietly; the caller already got the abort.
        if (takeSlot) await abortable(takeSlot(tell), signal)
        signal?.throwIfAborted()
        // A slot from the window a pause replaced belongs to the old phase: queue in the new window.
        if (current === generation) return await fn()
      }
    },
    pause(ms) {
      gate.pause(ms)
      generation++
      takeSlot = freshWindow()
    },
  }
}

function checkBudget(budget: RateBudget): void {
  const { limit, interval } = budget ?? {}
  const issues = []
  if (typeof limit !== 'number' || !(limit > 0))
    issues.push({ path: 'limit', message: 'must be a positive number, or Infinity for no budget' })
  if (typeof interval !== 'number' || !Number.isFinite(interval) || interval <= 0)
    issues.push({ path: 'interval', message: 'must be a positive number of ms' })
  if (issues.length) throw new InputValidationError(issues, 'createRateLimiter')
}

/**
 * A window of `limit` calls per `interval` ms (p-throttle): each call of the result waits for a slot,
 * telling `tell` first when it has to wait. p-throttle says that a call waits, not for how long; each
 * window ahead of it lasts at most `interval`, which bounds the estimate.
 */
function windowOf(limit: number, interval: number): (tell?: Teller) => Promise<void> {
  const throttled = pThrottle({
    limit,
    interval,
    onDelay: (tell?: Teller) => tell?.(Math.ceil(throttled.queueSize / limit) * interval, 'budget'),
  })(async (_tell?: Teller) => {})
  return throttled
}

/**
 * No fixed budget (for APIs that publish none): calls run at once until a 429 names a wait, then every
 * caller sharing this limiter holds until it passes. When it passes, the callers still queued go at the
 * pace the server just allowed (as many per window as succeeded before the 429) instead of all at once,
 * which drew a 429 for nearly every one of them in every window of a burst. The pace lasts until a quiet
 * moment (no call queued or running for a window); the next call then runs at once.
 */
export function createAdaptiveLimiter(): Limiter {
  const gate = new PauseGate()
  let busy = 0 // calls waiting or running
  let served = 0 // calls that succeeded since the last quiet moment or since the pace was last set
  let generation = 0 // counts pauses
  let pacedFor = 0 // the pause the current pace was learned from
  let longestWait = 0 // the longest wait named since then
  let windowSeen = 0 // the server's window as measured while pacing (see `pause`)
  let pace:
    | { limit: number; interval: number; since: number; takeSlot: (tell?: Teller) => Promise<void> }
    | undefined

  // Run by the first caller through the gate after a pause. The pace's window is the longest wait the
  // server has named (at most its window: a 429 names the rest of one), or the window measured while
  // pacing, and restarts now, as the server's does. The first pace allows what succeeded before the
  // pause; a later pause keeps the limit, or halves it if nothing got through.
  function learnPace(): void {
    const limit = pace ? (served > 0 ? pace.limit : Math.floor(pace.limit / 2)) : served
    const interval = Math.max(pace?.interval ?? 0, longestWait, windowSeen)
    pace = limit > 0 ? { limit, interval, since: Date.now(), takeSlot: windowOf(limit, interval) } : undefined
    pacedFor = generation
    served = 0
  }

  async function waitTurn(signal: AbortSignal | undefined, tell: Teller | undefined): Promise<void> {
    for (;;) {
      await gate.wait(signal, tell)
      const current = generation
      if (current !== pacedFor) learnPace()
      if (pace) await abortable(pace.takeSlot(tell), signal)
      signal?.throwIfAborted()
      // A pause that came while this call queued for a slot sends it back to the gate.
      if (current === generation) return
    }
  }

  return {
    async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal, options?: ScheduleOptions): Promise<T> {
      // Nothing running or queued, and a whole window since any pause: the next burst starts afresh. (Calls
      // sleeping out a 429 are outside the limiter, so a pause that just ended does not count as quiet.)
      if (busy === 0 && Date.now() > gate.until + longestWait) {
        served = 0
        pace = undefined
        windowSeen = 0
      }
      busy++
      try {
        await waitTurn(signal, tellerFor(options))
        const result = await fn()
        served++
        return result
      } finally {
        busy--
      }
    },
    pause(ms) {
      // A 429 in the pace's second window means the first one was shorter than the server's: the
      // server's window opened when this pace did (its first calls opened it) and ends when the wait
      // named ends. The first wait a burst draws names only the rest of a window, so it falls short.
      // Only the round's first 429 counts: later ones reach a busy client later, and would stretch it.
      const windowEnd = Date.now() + ms
      if (pace && generation === pacedFor && windowEnd - pace.since < 2 * pace.interval)
        windowSeen = Math.max(windowSeen, windowEnd - pace.since)
      gate.pause(ms)
      longestWait = generation === pacedFor ? ms : Math.max(ms, longestWait)
      generation++
    },
  }
}

/**
 * A limiter that takes a slot from `outer`, then from `inner` (e.g. a strict tier that also spends the
 * global budget). Signals and `onWait` reach both; a server pause pauses `outer`.
 */
export function chainLimiters(outer: Limiter, inner: Limiter): Limiter {
  return {
    schedule: (fn, signal, options) =>
      outer.schedule(() => inner.schedule(fn, signal, options), signal, options),
    pause: (ms) => outer.pause?.(ms),
  }
}
