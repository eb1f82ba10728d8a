// Shared by the time-limit tests of core and the clients.
import { vi } from 'vitest'
import type { Limiter } from '../src'

/** A promise that never settles: a fetch, a limiter or a refresh that hangs. */
export const never = <T>() => new Promise<T>(() => {})

/** When (fake ms after the start) a call settled, and its error; fake timers drive it for up to 2 minutes. */
export async function timed(promise: PromiseLike<unknown>): Promise<{ at: number; error: unknown }> {
  const start = Date.now()
  const outcome = Promise.resolve(promise).then(
    () => ({ at: Date.now() - start, error: undefined }),
    (error: unknown) => ({ at: Date.now() - start, error }),
  )
  await vi.advanceTimersByTimeAsync(120_000)
  return outcome
}

/**
 * A limiter that bounds concurrency, not rate, so a refresh that waited for a slot its own callers hold
 * would deadlock.
 */
export function concurrencyLimiter(slots: number): Limiter {
  let free = slots
  const waiting: (() => void)[] = []
  return {
    async schedule(fn) {
      while (free === 0) await new Promise<void>((resolve) => waiting.push(resolve))
      free--
      try {
        return await fn()
      } finally {
        free++
        waiting.shift()?.()
      }
    },
  }
}
