import type { NutanRateWindow, NutanState } from './types'

export type RateTier = 'global' | 'strict'

/** The limits in force; `Infinity` switches a tier off. */
export interface NutanRateLimits {
  globalPerMinute: number
  strictPerMinute: number
  /** The window the limits count in: Nutan's minute, or shorter in a test that must not wait minutes. */
  windowMs: number
}

/** The outcome of admitting one request: headers to send, and whether it may proceed. */
export interface RateDecision {
  allowed: boolean
  headers: Record<string, string>
  retryAfterSeconds?: number
}

function liveWindow(current: NutanRateWindow | null, now: number, windowMs: number): NutanRateWindow {
  return current && now < current.start + windowMs ? current : { start: now, count: 0 }
}

function headersFor(
  limit: number,
  window: NutanRateWindow,
  now: number,
  windowMs: number,
): Record<string, string> {
  return {
    'RateLimit-Limit': String(limit),
    'RateLimit-Remaining': String(Math.max(0, limit - window.count)),
    'RateLimit-Reset': String(Math.max(1, Math.ceil((window.start + windowMs - now) / 1000))),
    'RateLimit-Policy': `${limit};w=${Math.max(1, Math.round(windowMs / 1000))}`,
  }
}

/**
 * Admits a request against the global tier and, for auth and sync, the strict tier too. Fixed windows (60 s,
 * or `windowMs`) start at the first request after the previous one ended. A refused request counts
 * against nothing. Headers describe the tightest tier that applies.
 */
export function admitRequest(
  state: NutanState,
  tier: RateTier,
  limits: NutanRateLimits,
  now: number,
): RateDecision {
  const tiers: Array<{ name: RateTier; limit: number }> = [{ name: 'global', limit: limits.globalPerMinute }]
  if (tier === 'strict') tiers.push({ name: 'strict', limit: limits.strictPerMinute })
  const active = tiers
    .filter((t) => Number.isFinite(t.limit))
    .map((t) => ({ ...t, window: liveWindow(state.rate[t.name], now, limits.windowMs) }))

  const exceeded = active.find((t) => t.window.count >= t.limit)
  if (exceeded) {
    state.rate[exceeded.name] = exceeded.window
    const retryAfterSeconds = Math.max(1, Math.ceil((exceeded.window.start + limits.windowMs - now) / 1000))
    const headers = headersFor(exceeded.limit, exceeded.window, now, limits.windowMs)
    return { allowed: false, retryAfterSeconds, headers }
  }

  for (const t of active) {
    t.window.count++
    state.rate[t.name] = t.window
  }
  const tightest = active.reduce<(typeof active)[number] | undefined>(
    (best, t) => (!best || t.limit - t.window.count < best.limit - best.window.count ? t : best),
    undefined,
  )
  return {
    allowed: true,
    headers: tightest ? headersFor(tightest.limit, tightest.window, now, limits.windowMs) : {},
  }
}
