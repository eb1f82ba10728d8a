import {
  createAdaptiveLimiter,
  createRateLimiter,
  InputValidationError,
  type Limiter,
  LimiterUnavailableError,
  type LimiterWaitReason,
  type ScheduleOptions,
  sleep,
  type ValidationIssue,
} from '@x/core'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'
import { bounded, type Commands, commandsFor, isRedisClient, type RedisClient, StoreFailure } from './store'

/** Options of `createRedisLimiter`. */
export interface RedisLimiterOptions {
  /** Your Redis client: an ioredis `Redis` (v5+) or a connected node-redis client (v4+). */
  redis: RedisClient
  /** Names what is shared: every process that uses the same key on the same Redis shares one budget. */
  key: string
  /**
   * Calls per `interval` for every process together (Nutan: 100 a minute global, 6 strict), or
   * `'adaptive'` where the service publishes none (Nutshell): calls run freely until a 429, and then the
   * processes go at the pace that got through, learned together.
   */
  limit: number | 'adaptive'
  /** The budget's window in ms, a whole number of seconds (Redis counts windows in seconds). */
  interval?: number
  /**
   * While Redis cannot be reached: `'local'` (default) keeps each process under its own in-process budget
   * (the same limit, or adaptive) and says so once per outage through the client's `onNotice`
   * (`limiter.fallback`); `'reject'` fails the calls with `LimiterUnavailableError`, unsent.
   */
  whenRedisFails?: 'local' | 'reject'
  /** How long one Redis command may take before Redis counts as unreachable, in ms. Default 500. */
  redisTimeout?: number
}

const DEFAULT_REDIS_TIMEOUT = 500
/** A learned pace is forgotten after this long without a paced call: the next burst learns afresh. */
const PACE_IDLE_MS = 60_000
/** How long a process that waited out a pause waits for the pace learned from it, at most. */
const PACE_WAIT_MS = 250
/** rate-limiter-flexible's points are integers; the served counter never refuses. */
const UNCOUNTED = 2 ** 31 - 1

/**
 * A Limiter whose budget and server pauses are shared through Redis by every process (and machine) that
 * uses the same `key`: pass it as a client's `limiter` (Nutan: per tier). A 429 with a wait pauses every
 * process; `signal` and `deadline` end a wait early. Node only.
 */
export function createRedisLimiter(options: RedisLimiterOptions): Limiter {
  return new RedisLimiter(checkOptions(options))
}

interface Checked {
  redis: RedisClient
  key: string
  limit: number | 'adaptive'
  intervalMs: number
  whenRedisFails: 'local' | 'reject'
  redisTimeout: number
}

function checkOptions(options: RedisLimiterOptions): Checked {
  const o = (options ?? {}) as Partial<RedisLimiterOptions>
  const issues: ValidationIssue[] = []
  const refuse = (path: string, message: string) => issues.push({ path, message })
  if (!isRedisClient(o.redis)) refuse('redis', 'must be an ioredis or node-redis client')
  if (typeof o.key !== 'string' || o.key.trim() === '') refuse('key', 'must be a non-empty string')
  if (o.limit !== 'adaptive' && !(Number.isInteger(o.limit) && (o.limit as number) > 0))
    refuse('limit', "must be a positive whole number of calls, or 'adaptive'")
  if (o.limit === 'adaptive' && o.interval !== undefined)
    refuse('interval', "is learned from the server's 429s with limit 'adaptive'; leave it out")
  if (o.limit !== 'adaptive' && !(Number.isInteger(o.interval) && (o.interval as number) >= 1000))
    refuse('interval', 'must be a whole number of ms of at least 1000')
  else if (o.interval !== undefined && (o.interval as number) % 1000 !== 0)
    refuse('interval', 'must be a whole number of seconds (Redis counts windows in seconds)')
  if (o.whenRedisFails !== undefined && o.whenRedisFails !== 'local' && o.whenRedisFails !== 'reject')
    refuse('whenRedisFails', "must be 'local' or 'reject'")
  if (o.redisTimeout !== undefined && !(Number.isFinite(o.redisTimeout) && o.redisTimeout > 0))
    refuse('redisTimeout', 'must be a positive number of ms')
  if (issues.length) throw new InputValidationError(issues, 'createRedisLimiter')
  return {
    redis: o.redis as RedisClient,
    key: o.key as string,
    limit: o.limit as number | 'adaptive',
    intervalMs: o.interval ?? 0,
    whenRedisFails: o.whenRedisFails ?? 'local',
    redisTimeout: o.redisTimeout ?? DEFAULT_REDIS_TIMEOUT,
  }
}

/** The pace learned from a pause: `limit` calls per `seconds`, for the pause (episode) it was learned from. */
interface Pace {
  episode: string
  limit: number
  seconds: number
}

/** The latest pause: its id, and the longest wait a 429 named in it. */
interface Episode {
  id: string
  longestWaitMs: number
}

function readEpisode(value: string | null): Episode | undefined {
  const [id, longest] = (value ?? '').split('/')
  return id ? { id, longestWaitMs: Number(longest) || 0 } : undefined
}

function readPace(value: string | null): Pace | undefined {
  const [episode, limit, seconds] = (value ?? '').split('/')
  if (!episode || !Number(limit) || !Number(seconds)) return undefined
  return { episode, limit: Number(limit), seconds: Number(seconds) }
}

class RedisLimiter implements Limiter {
  readonly #o: Checked
  readonly #commands: Commands
  /** The budget this process keeps to while Redis is unreachable (`whenRedisFails: 'local'`). */
  readonly #local: Limiter
  /** The fixed budget's shared window (numeric `limit`). */
  readonly #budget: RateLimiterRedis | undefined
  /** Calls that got through since the pace was last learned (`'adaptive'`). */
  readonly #served: RateLimiterRedis | undefined
  /** The paced windows, by pace (`'adaptive'`): each learned pace counts in a window of its own. */
  readonly #paced = new Map<string, RateLimiterRedis>()
  /** This process's own view of the latest pause, so its next calls wait before Redis has it. */
  #pausedUntil = 0
  /** Whether Redis is failing now (the fallback notice is given once per outage). */
  #outage = false

  constructor(o: Checked) {
    this.#o = o
    this.#commands = commandsFor(o.redis, o.redisTimeout)
    const shared = {
      storeClient: o.redis,
      useRedisPackage: this.#commands.nodeRedis,
      rejectIfRedisNotReady: true,
    }
    if (o.limit === 'adaptive') {
      this.#local = createAdaptiveLimiter()
      this.#served = new RateLimiterRedis({
        ...shared,
        keyPrefix: `${o.key}:served`,
        points: UNCOUNTED,
        duration: PACE_IDLE_MS / 1000,
      })
    } else {
      this.#local = createRateLimiter({ limit: o.limit, interval: o.intervalMs })
      this.#budget = new RateLimiterRedis({
        ...shared,
        keyPrefix: `${o.key}:budget`,
        points: o.limit,
        duration: o.intervalMs / 1000,
      })
    }
  }

  async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal, options?: ScheduleOptions): Promise<T> {
    const tell = once(options)
    let turn: Turn
    try {
      turn = await this.#takeTurn(signal, tell)
    } catch (error) {
      if (!(error instanceof StoreFailure)) throw error
      if (this.#o.whenRedisFails === 'reject') {
        throw new LimiterUnavailableError(
          `Redis is unreachable for the shared limiter "${this.#o.key}" (${error.reason}); the call was not sent`,
          { cause: new Error(error.reason) },
        )
      }
      this.#fellBack(error, options)
      return this.#local.schedule(fn, signal, options)
    }
    this.#outage = false
    let result: T
    try {
      result = await fn()
    } finally {
      if (turn.opened) this.#anchor(turn.opened)
    }
    // Counted after the answer, as the in-process adaptive limiter counts: a 429 throws before this.
    if (this.#served) this.#run(() => this.#served!.consume(this.#o.key))
    return result
  }

  /**
   * The server's window opened when it received the first call of ours, before that call's answer came
   * back; ours opened when that call took its slot, a little earlier. Left so, the next window's first
   * calls could reach the server a moment before its window ends and draw a 429 (a whole second's wait
   * where the server names it in seconds). So the window is moved to end one window after that answer.
   */
  #anchor(opened: NonNullable<Turn['opened']>): void {
    if (Date.now() - opened.at >= opened.windowMs) return // the answer came after the window: leave it
    this.#run(() => this.#commands.expireIn(opened.key, opened.windowMs))
  }

  /** Told of a 429's wait: every process sharing the key holds until it passes. */
  pause(ms: number): void {
    if (!(ms > 0)) return
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms)
    this.#local.pause?.(ms)
    this.#run(() => this.#sharePause(ms))
  }

  /** Waits out any shared pause, then takes a slot of the shared window (if there is a budget or a pace). */
  async #takeTurn(signal: AbortSignal | undefined, tell: Teller): Promise<Turn> {
    for (;;) {
      signal?.throwIfAborted()
      const local = this.#pausedUntil - Date.now()
      const paused = Math.max(local, await this.#store(() => this.#commands.pttl(this.#pauseKey), signal))
      if (paused > 0) {
        tell(paused, 'server-pause')
        await sleep(paused, signal)
        continue
      }
      const window = await this.#window(signal)
      if (!window) return {}
      const at = Date.now()
      const taken = await this.#store(() => consume(window.limiter, window.key), signal)
      if (taken.granted) {
        if (window.paced) this.#run(() => this.#commands.expireIn(this.#paceKey, PACE_IDLE_MS))
        if (!taken.opened) return {}
        return {
          opened: { key: window.limiter.getKey(window.key), windowMs: window.limiter.duration * 1000, at },
        }
      }
      tell(taken.waitMs, 'budget')
      await sleep(taken.waitMs, signal)
    }
  }

  /** The shared window a call takes a slot of: the budget, or the learned pace (none before any 429). */
  async #window(
    signal: AbortSignal | undefined,
  ): Promise<{ limiter: RateLimiterRedis; key: string; paced: boolean } | undefined> {
    if (this.#budget) return { limiter: this.#budget, key: this.#o.key, paced: false }
    const pace = await this.#learnedPace(signal)
    if (!pace) return undefined
    const id = `${pace.limit}/${pace.seconds}`
    let limiter = this.#paced.get(id)
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.#o.redis,
        useRedisPackage: this.#commands.nodeRedis,
        rejectIfRedisNotReady: true,
        keyPrefix: `${this.#o.key}:paced:${id}`,
        points: pace.limit,
        duration: pace.seconds,
      })
      this.#paced.set(id, limiter)
    }
    // One window per pause: the first call after it opens a window in step with the server's.
    return { limiter, key: pace.episode, paced: true }
  }

  /**
   * The pace after the latest pause. The first process through after a pause learns it for everyone (a
   * claim on the pause decides which); the others wait a moment for it rather than all sending at once.
   */
  async #learnedPace(signal: AbortSignal | undefined): Promise<Pace | undefined> {
    const latest = readEpisode(await this.#store(() => this.#commands.get(this.#episodeKey), signal))
    let pace = readPace(await this.#store(() => this.#commands.get(this.#paceKey), signal))
    if (!latest || pace?.episode === latest.id) return pace
    const episode = latest.id
    const claimed = await this.#store(
      () => this.#commands.setFor(`${this.#o.key}:learning:${episode}`, '1', PACE_IDLE_MS, true),
      signal,
    )
    if (claimed) return this.#learn(latest, pace, signal)
    for (let waited = 0; waited < PACE_WAIT_MS && pace?.episode !== episode; waited += 10) {
      await sleep(10, signal)
      pace = readPace(await this.#store(() => this.#commands.get(this.#paceKey), signal))
    }
    return pace
  }

  /**
   * Learns the pace from what got through before the pause, as the in-process adaptive limiter does: the
   * first pace allows what succeeded; a later pause keeps the limit, or halves it if nothing got through.
   * The window is the longest wait named, in whole seconds (at most the server's window: a 429 names the rest).
   */
  async #learn(
    latest: Episode,
    previous: Pace | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Pace | undefined> {
    const served = this.#served!
    const got = (await this.#store(() => served.get(this.#o.key), signal))?.consumedPoints ?? 0
    const limit = previous ? (got > 0 ? previous.limit : Math.floor(previous.limit / 2)) : got
    const seconds = Math.max(previous?.seconds ?? 1, Math.ceil(latest.longestWaitMs / 1000))
    await this.#store(() => served.delete(this.#o.key), signal)
    const pace = limit > 0 ? { episode: latest.id, limit, seconds } : undefined
    const value = pace ? `${latest.id}/${limit}/${seconds}` : `${latest.id}/0/0`
    await this.#store(() => this.#commands.setFor(this.#paceKey, value, PACE_IDLE_MS), signal)
    return pace
  }

  /** Shares a 429's wait: a pause key every process reads, and (a budget) a fresh window when it ends. */
  async #sharePause(ms: number): Promise<void> {
    const key = this.#pauseKey
    const id = newEpisode()
    const fresh = await this.#commands.setFor(key, id, ms, true)
    if (!fresh && ms > (await this.#commands.pttl(key))) await this.#commands.expireIn(key, ms)
    // Adaptive: which pause this is, and the longest wait named in it (the window the pace will use).
    if (this.#served) {
      const episode = fresh ? id : ((await this.#commands.get(key)) ?? id)
      const known = readEpisode(await this.#commands.get(this.#episodeKey))
      const longest = known?.id === episode ? Math.max(known.longestWaitMs, ms) : ms
      await this.#commands.setFor(this.#episodeKey, `${episode}/${Math.ceil(longest)}`, PACE_IDLE_MS)
    }
    // The server's window opens again when the pause ends; a client window left on its own phase would
    // keep straddling it. (The paced windows start afresh per pause by their key.)
    if (this.#budget) await bounded(() => this.#budget!.delete(this.#o.key), this.#o.redisTimeout)
  }

  /** Runs a store command for a call, which its signal can abandon. */
  async #store<T>(command: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted()
    const answer = bounded(command, this.#o.redisTimeout)
    if (!signal) return answer
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason)
      signal.addEventListener('abort', onAbort, { once: true })
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
    })
  }

  /** Runs a store command nobody waits for (a count, a shared pause): a failure shows on the next call. */
  #run(command: () => Promise<unknown>): void {
    bounded(command, this.#o.redisTimeout).catch(() => {})
  }

  #fellBack(error: StoreFailure, options: ScheduleOptions | undefined): void {
    if (this.#outage) return
    this.#outage = true
    try {
      options?.onFallback?.({
        message:
          `Redis is unreachable for the shared limiter "${this.#o.key}" (${error.reason}): calls keep to ` +
          "this process's own budget until it answers again",
      })
    } catch {
      // A throwing listener never breaks a call.
    }
  }

  get #pauseKey(): string {
    return `${this.#o.key}:pause`
  }
  get #episodeKey(): string {
    return `${this.#o.key}:episode`
  }
  get #paceKey(): string {
    return `${this.#o.key}:pace`
  }
}

/** A call's turn: when its slot opened a window, the window's key, length and when the slot was taken. */
interface Turn {
  opened?: { key: string; windowMs: number; at: number }
}

type Taken = { granted: true; opened: boolean } | { granted: false; waitMs: number }

/** Takes one point of `limiter`'s window, or says how long until its window opens again. */
async function consume(limiter: RateLimiterRedis, key: string): Promise<Taken> {
  try {
    const res = await limiter.consume(key)
    return { granted: true, opened: res.isFirstInDuration }
  } catch (refused) {
    if (refused instanceof RateLimiterRes)
      return { granted: false, waitMs: Math.max(1, refused.msBeforeNext) }
    throw refused
  }
}

function newEpisode(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`
}

type Teller = (waitMs: number, reason: LimiterWaitReason) => void

/** Tells a call's `onWait` about its first wait only. */
function once(options: ScheduleOptions | undefined): Teller {
  let told = false
  return (waitMs, reason) => {
    if (told || waitMs <= 0 || !options?.onWait) return
    told = true
    try {
      options.onWait({ waitMs, reason })
    } catch {
      // A throwing listener never breaks a call.
    }
  }
}
