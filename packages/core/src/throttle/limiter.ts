import pThrottle from 'p-throttle'
import { abortable } from '../utils/abortable'
import { sleep } from '../utils/sleep'

/** Schedules calls under a budget. Share one between clients, or pass your own (e.g. backed by Redis). */
export interface Limiter {
  schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>
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

  async wait(signal?: AbortSignal): Promise<void> {
    for (let left = this.until - Date.now(); left > 0; left = this.until - Date.now())
      await sleep(left, signal)
  }
}

/**
 * A client-side budget of `limit` calls per `interval` ms (p-throttle), that also honours server pauses.
 * A pause starts a new window when it ends: the server's window opens then, and a client window left
 * running on its own phase would keep straddling the server's, drawing a 429 at every crossing.
 */
export function createRateLimiter(options: { limit: number; interval: number }): Limiter {
  const gate = new PauseGate()
  const freshWindow = () => windowOf(options.limit, options.interval)
  let takeSlot = freshWindow()
  let generation = 0
  return {
    async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      for (;;) {
        await gate.wait(signal)
        const current = generation
        // A call aborted while queued gives up its slot quietly; the caller already got the abort.
        await abortable(takeSlot(), signal)
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

/** A window of `limit` calls per `interval` ms; each call of the result waits for a slot. */
function windowOf(limit: number, interval: number): () => Promise<void> {
  return pThrottle({ limit, interval })(() => undefined) as unknown as () => Promise<void>
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
  let pace: { limit: number; interval: number; takeSlot: () => Promise<void> } | undefined

  // Run by the first caller through the gate after a pause. The pace's window is the longest wait the
  // server has named (at most its window: a 429 names the rest of one) and restarts now, as the
  // server's does. The first pace allows what succeeded before the pause; a later pause keeps the
  // limit, or halves it if nothing got through.
  function learnPace(): void {
    const limit = pace ? (served > 0 ? pace.limit : Math.floor(pace.limit / 2)) : served
    const interval = Math.max(pace?.interval ?? 0, longestWait)
    pace = limit > 0 ? { limit, interval, takeSlot: windowOf(limit, interval) } : undefined
    pacedFor = generation
    served = 0
  }

  async function waitTurn(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      await gate.wait(signal)
      const current = generation
      if (current !== pacedFor) learnPace()
      if (pace) await abortable(pace.takeSlot(), signal)
      // A pause that came while this call queued for a slot sends it back to the gate.
      if (current === generation) return
    }
  }

  return {
    async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      // Nothing running or queued, and a whole window since any pause: the next burst starts afresh. (Calls
      // sleeping out a 429 are outside the limiter, so a pause that just ended does not count as quiet.)
      if (busy === 0 && Date.now() > gate.until + longestWait) {
        served = 0
        pace = undefined
      }
      busy++
      try {
        await waitTurn(signal)
        const result = await fn()
        served++
        return result
      } finally {
        busy--
      }
    },
    pause(ms) {
      gate.pause(ms)
      longestWait = generation === pacedFor ? ms : Math.max(ms, longestWait)
      generation++
    },
  }
}
