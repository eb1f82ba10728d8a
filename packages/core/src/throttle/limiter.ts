import pThrottle from 'p-throttle'
import { sleep } from '../utils/sleep'

/** Schedules calls under a budget. Share one between clients, or pass your own (e.g. backed by Redis). */
export interface Limiter {
  schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Told when the server answered 429 with a wait; a limiter may hold every caller until then. */
  pause?(ms: number): void
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      },
    )
  })
}

/** A gate that holds callers while the server has asked everyone to wait. */
class PauseGate {
  private until = 0

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
  const freshWindow = () => pThrottle({ limit: options.limit, interval: options.interval })(async () => {})
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
        if (current === generation) return fn()
      }
    },
    pause(ms) {
      gate.pause(ms)
      generation++
      takeSlot = freshWindow()
    },
  }
}

/**
 * No fixed budget (for APIs that publish none): calls run at once until a 429 names a wait, then every
 * caller sharing this limiter holds until it passes, so a burst does not hammer a throttled server.
 */
export function createAdaptiveLimiter(): Limiter {
  const gate = new PauseGate()
  return {
    async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      await gate.wait(signal)
      return fn()
    },
    pause: (ms) => gate.pause(ms),
  }
}
