import {
  abortable,
  createAdaptiveLimiter,
  createRateLimiter,
  InputValidationError,
  type Limiter,
  LimiterUnavailableError,
  type ScheduleOptions,
  sleep,
  type Teller,
  tellerFor,
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
/** While Redis fails, calls go straight to the local budget; one call tries Redis again this often. */
const OUTAGE_RETRY_MS = 1000
/** The served counter's ceiling: rate-limiter-flexible counts in integer points, and this one never refuses. */
const NEVER_REFUSES = 2 ** 31 - 1

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

/**
 * The pace learned after a pause: `limit` calls per `seconds`. A `limit` of 0 says the pause was learned
 * from and nothing had got through: calls then go unpaced until the next 429.
 */
interface Pace {
  episode: string
  limit: number
  seconds: number
}

function readPace(value: string | null): Pace | undefined {
  const [episode, limit, seconds] = (value ?? '').split('/')
  if (!episode || !Number.isInteger(Number(limit)) || !Number.isInteger(Number(seconds))) return undefined
  return { episode, limit: Number(limit), seconds: Number(seconds) }
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

/** The window a call takes a slot of: which limiter, under which key (one per pause), paced or a budget. */
interface SharedWindow {
  limiter: RateLimiterRedis
  key: string
  paced: boolean
}

/** A call's turn: when its slot opened a window, the window's Redis key, length and when the slot was taken. */
interface Turn {
  opened?: { key: string; windowMs: number; at: number }
}

class RedisLimiter implements Limiter {
  readonly #o: Checked
  readonly #commands: Commands
  /** The budget this process keeps to while Redis is unreachable (`whenRedisFails: 'local'`). */
  readonly #local: Limiter
  /** The fixed budget's shared windows (numeric `limit`). */
  readonly #budget: RateLimiterRedis | undefined
  /** Calls that got through, reset when a pace is learned from them (`'adaptive'`). */
  readonly #served: RateLimiterRedis | undefined
  /** The paced windows, by pace (`'adaptive'`): each learned pace counts in windows of its own. */
  readonly #paced = new Map<string, RateLimiterRedis>()
  /** This process's own view of the latest pause, so its next calls wait before Redis has it. */
  #pausedUntil = 0
  /** While Redis fails: when to try it again, and why it failed (the fallback notice is given once). */
  #outage: { retryAt: number; failure: StoreFailure } | undefined

  constructor(o: Checked) {
    this.#o = o
    this.#commands = commandsFor(o.redis, o.redisTimeout)
    if (o.limit === 'adaptive') {
      this.#local = createAdaptiveLimiter()
      this.#served = this.#windows(`${o.key}:served`, NEVER_REFUSES, PACE_IDLE_MS / 1000)
    } else {
      this.#local = createRateLimiter({ limit: o.limit, interval: o.intervalMs })
      this.#budget = this.#windows(`${o.key}:budget`, o.limit, o.intervalMs / 1000)
    }
  }

  async schedule<T>(fn: () => Promise<T>, signal?: AbortSignal, options?: ScheduleOptions): Promise<T> {
    // During an outage calls skip Redis until it is time to try it again: a hung one would cost each of
    // them `redisTimeout`.
    if (this.#outage && Date.now() < this.#outage.retryAt) return this.#withoutRedis(fn, signal, options)
    let turn: Turn
    try {
      turn = await this.#takeTurn(signal, tellerFor(options))
    } catch (error) {
      if (!(error instanceof StoreFailure)) throw error
      const first = !this.#outage
      this.#outage = { retryAt: Date.now() + OUTAGE_RETRY_MS, failure: error }
      if (first && this.#o.whenRedisFails === 'local') tellFallback(options, this.#o.key, error)
      return this.#withoutRedis(fn, signal, options)
    }
    this.#outage = undefined
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

  /** Told of a 429's wait: every process sharing the key holds until it passes. */
  pause(ms: number): void {
    if (!(ms > 0)) return
    this.#pausedUntil = Math.max(this.#pausedUntil, Date.now() + ms)
    this.#local.pause?.(ms)
    this.#run(() => this.#sharePause(ms))
  }

  /** While Redis is out of reach: the local budget, or a refusal, as `whenRedisFails` says. */
  #withoutRedis<T>(
    fn: () => Promise<T>,
    signal: AbortSignal | undefined,
    options: ScheduleOptions | undefined,
  ): Promise<T> {
    if (this.#o.whenRedisFails === 'reject') {
      const reason = this.#outage?.failure.reason ?? 'unknown failure'
      throw new LimiterUnavailableError(
        `Redis is unreachable for the shared limiter "${this.#o.key}" (${reason}); the call was not sent`,
        { cause: new Error(reason) },
      )
    }
    return this.#local.schedule(fn, signal, options)
  }

  /**
   * The server's window opened when it received the first call of ours, before that call's answer came
   * back; ours opened when that call took its slot, a little earlier. Left so, the next window's first
   * calls could reach the server a moment before its window ends and draw a 429 (a whole second's wait
   * where the server names it in seconds). So the window is moved to end one window after that answer,
   * unless the answer came after the window had already ended (a later window may then hold the key).
   */
  #anchor(opened: NonNullable<Turn['opened']>): void {
    if (Date.now() - opened.at >= opened.windowMs) return
    this.#run(() => this.#commands.expireIn(opened.key, opened.windowMs))
  }

  /** Waits out any shared pause, then takes a slot of the shared window (if there is a budget or a pace). */
  async #takeTurn(signal: AbortSignal | undefined, tell: Teller | undefined): Promise<Turn> {
    for (;;) {
      signal?.throwIfAborted()
      const local = this.#pausedUntil - Date.now()
      const paused = Math.max(local, await this.#store(() => this.#commands.pttl(this.#pauseKey), signal))
      if (paused > 0) {
        tell?.(paused, 'server-pause')
        await sleep(paused, signal)
        continue
      }
      const window = await this.#window(signal)
      if (!window) return {}
      const at = Date.now()
      const taken = await this.#store(() => consume(window.limiter, window.key), signal)
      // A 429 that came while the slot was being taken: wait it out too (the slot belongs to a window
      // the pause has replaced). A pause another process sets in that moment is seen only by the server.
      if (this.#pausedUntil > Date.now()) continue
      if (!taken.granted) {
        tell?.(taken.waitMs, 'budget')
        await sleep(taken.waitMs, signal)
        continue
      }
      if (window.paced) this.#run(() => this.#commands.expireIn(this.#paceKey, PACE_IDLE_MS))
      if (!taken.opened) return {}
      const windowMs = window.limiter.duration * 1000
      return { opened: { key: window.limiter.getKey(window.key), windowMs, at } }
    }
  }

  /**
   * The window a call takes a slot of: the budget's, or the learned pace's (none before any 429). Each
   * pause has windows of its own (keyed by it), so the first call after a pause opens a fresh one, in
   * step with the server's window, which opens again then too.
   */
  async #window(signal: AbortSignal | undefined): Promise<SharedWindow | undefined> {
    const latest = readEpisode(await this.#store(() => this.#commands.get(this.#episodeKey), signal))
    if (this.#budget) return { limiter: this.#budget, key: latest?.id ?? 'start', paced: false }
    const pace = await this.#learnedPace(latest, signal)
    if (!pace || pace.limit === 0) return undefined
    const id = `${pace.limit}/${pace.seconds}`
    let limiter = this.#paced.get(id)
    if (!limiter) {
      limiter = this.#windows(`${this.#o.key}:paced:${id}`, pace.limit, pace.seconds)
      this.#paced.set(id, limiter)
    }
    return { limiter, key: pace.episode, paced: true }
  }

  /**
   * The pace after the latest pause. The first process through after a pause learns it for everyone (a
   * claim on the pause decides which); the others wait a moment for it rather than all sending at once.
   * A learner that fails leaves its claim to expire within a few `redisTimeout`s, and the next process
   * through claims it again.
   */
  async #learnedPace(
    latest: Episode | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Pace | undefined> {
    let pace = readPace(await this.#store(() => this.#commands.get(this.#paceKey), signal))
    if (!latest || pace?.episode === latest.id) return pace
    const claimKey = `${this.#o.key}:learning:${latest.id}`
    const claim = () =>
      this.#store(() => this.#commands.setFor(claimKey, '1', 4 * this.#o.redisTimeout, true), signal)
    // Not the caller's signal: an abandoned learning would hold every process until the claim expires.
    if (await claim()) return this.#learn(latest, pace)
    for (let waited = 0; waited < PACE_WAIT_MS && pace?.episode !== latest.id; waited += 10) {
      await sleep(10, signal)
      pace = readPace(await this.#store(() => this.#commands.get(this.#paceKey), signal))
    }
    if (pace?.episode !== latest.id && (await claim())) return this.#learn(latest, pace)
    return pace
  }

  /**
   * Learns the pace from what got through before the pause, as the in-process adaptive limiter does: the
   * first pace allows what succeeded; a later pause keeps the limit, or halves it if nothing got through.
   * The window is the longest wait named, in whole seconds (at most the server's window: a 429 names the rest).
   */
  async #learn(latest: Episode, previous: Pace | undefined): Promise<Pace> {
    const served = this.#served!
    const got = (await this.#store(() => served.get(this.#o.key), undefined))?.consumedPoints ?? 0
    const before = previous && previous.limit > 0 ? previous : undefined
    const limit = before ? (got > 0 ? before.limit : Math.floor(before.limit / 2)) : got
    const seconds = Math.max(before?.seconds ?? 1, Math.ceil(latest.longestWaitMs / 1000))
    await this.#store(() => served.delete(this.#o.key), undefined)
    const pace = { episode: latest.id, limit, seconds }
    await this.#store(
      () => this.#commands.setFor(this.#paceKey, `${latest.id}/${limit}/${seconds}`, PACE_IDLE_MS),
      undefined,
    )
    return pace
  }

  /**
   * Shares a 429's wait: a pause key every process reads, and the pause's id and longest wait, which key
   * the windows after it (see `#window`) and give an adaptive pace its length.
   */
  async #sharePause(ms: number): Promise<void> {
    const key = this.#pauseKey
    const id = newEpisode()
    const fresh = await this.#commands.setFor(key, id, ms, true)
    if (!fresh && ms > (await this.#commands.pttl(key))) await this.#commands.expireIn(key, ms)
    const episode = fresh ? id : ((await this.#commands.get(key)) ?? id)
    const known = readEpisode(await this.#commands.get(this.#episodeKey))
    const longest = known?.id === episode ? Math.max(known.longestWaitMs, ms) : ms
    // Kept past any window keyed by it: when it expires, calls go back to the 'start' window, which must
    // have expired by then too.
    const ttl = Math.max(PACE_IDLE_MS, 2 * this.#o.intervalMs)
    await this.#commands.setFor(this.#episodeKey, `${episode}/${Math.ceil(longest)}`, ttl)
  }

  /** A rate-limiter-flexible window of `points` per `seconds`, under `prefix`, on the user's client. */
  #windows(prefix: string, points: number, seconds: number): RateLimiterRedis {
    return new RateLimiterRedis({
      storeClient: this.#o.redis,
      useRedisPackage: this.#commands.nodeRedis,
      rejectIfRedisNotReady: true,
      keyPrefix: prefix,
      points,
      duration: seconds,
    })
  }

  /** Runs a store command for a call, which its signal can abandon. */
  async #store<T>(command: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    signal?.throwIfAborted()
    const answer = bounded(command, this.#o.redisTimeout)
    return signal ? abortable(answer, signal) : answer
  }

  /** Runs a store command nobody waits for (a count, a shared pause): a failure shows on the next call. */
  #run(command: () => Promise<unknown>): void {
    bounded(command, this.#o.redisTimeout).catch(() => {})
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

/** Tells the client, through the call's options, that calls now keep to this process's own budget. */
function tellFallback(options: ScheduleOptions | undefined, key: string, failure: StoreFailure): void {
  try {
    options?.onFallback?.({
      message:
        `Redis is unreachable for the shared limiter "${key}" (${failure.reason}): calls keep to this ` +
        "process's own budget until it answers again",
    })
  } catch {
    // A throwing listener never breaks a call.
  }
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
