// The few plain Redis commands the shared pause needs, for either client. rate-limiter-flexible counts
// the budgets; its own writes are whole seconds (`EX`), and a server's pause is named in milliseconds.

/** Your Redis client: an ioredis `Redis` (v5+), or a connected node-redis client (v4+). */
export type RedisClient = object

/** Why a Redis command did not answer: the limiter then follows its `whenRedisFails` policy. */
export class StoreFailure extends Error {
  override name = 'StoreFailure'
  /** A short, address-free reason: an error code or name, or the timeout. */
  readonly reason: string
  constructor(reason: string) {
    super(`Redis did not answer (${reason})`)
    this.reason = reason
  }
}

interface IoRedisLike {
  status: string
  pttl(key: string): Promise<number>
  get(key: string): Promise<string | null>
  set(key: string, value: string, px: 'PX', ms: number, mode?: 'NX'): Promise<'OK' | null>
  pexpire(key: string, ms: number): Promise<number>
}

interface NodeRedisLike {
  isReady: boolean
  pTTL(key: string): Promise<number>
  get(key: string): Promise<string | null>
  set(key: string, value: string, options: { PX: number; NX?: true }): Promise<string | null>
  pExpire(key: string, ms: number): Promise<number | boolean>
}

/** The commands, each bounded by `timeoutMs` and failing fast while the client is not connected. */
export interface Commands {
  /** Whether the client is the node-redis package (rate-limiter-flexible's `useRedisPackage`). */
  readonly nodeRedis: boolean
  /** Ms left on `key`, 0 when it has none or no expiry. */
  pttl(key: string): Promise<number>
  get(key: string): Promise<string | null>
  /** Sets `key` for `ms`; with `onlyIfAbsent`, only when it does not exist (true when it was set). */
  setFor(key: string, value: string, ms: number, onlyIfAbsent?: boolean): Promise<boolean>
  /** Moves `key`'s expiry to `ms` from now. */
  expireIn(key: string, ms: number): Promise<void>
}

/** Tells the two clients apart: node-redis spells its commands in camel case (`pTTL`). */
export function isNodeRedis(client: RedisClient): boolean {
  return typeof (client as Partial<NodeRedisLike>).pTTL === 'function'
}

/** Whether `client` looks like a Redis client this package can drive. */
export function isRedisClient(client: unknown): client is RedisClient {
  if (typeof client !== 'object' || client === null) return false
  return isNodeRedis(client) || typeof (client as Partial<IoRedisLike>).pttl === 'function'
}

/** A short reason for a failed command that names no host, port or password. */
export function reasonOf(error: unknown): string {
  if (error instanceof StoreFailure) return error.reason
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') return code
  if (error instanceof Error && /not ready|closed|offline|writeable/i.test(error.message))
    return 'not connected'
  return error instanceof Error ? error.name : 'unknown failure'
}

/**
 * Runs a store command (a raw one or rate-limiter-flexible's), turning any failure, or no answer within
 * `timeoutMs`, into a StoreFailure. A client with an offline queue would otherwise hold it until Redis is back.
 */
export async function bounded<T>(command: () => Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreFailure(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([command(), timeout])
  } catch (error) {
    throw error instanceof StoreFailure ? error : new StoreFailure(reasonOf(error))
  } finally {
    clearTimeout(timer)
  }
}

/** The commands over the user's client. */
export function commandsFor(client: RedisClient, timeoutMs: number): Commands {
  const nodeRedis = isNodeRedis(client)
  const node = client as NodeRedisLike
  const io = client as IoRedisLike
  const ready = () => (nodeRedis ? node.isReady : io.status === 'ready')
  const run = <T>(command: () => Promise<T>) =>
    bounded(() => {
      if (!ready()) throw new StoreFailure('not connected')
      return command()
    }, timeoutMs)
  return {
    nodeRedis,
    async pttl(key) {
      const ms = await run(() => (nodeRedis ? node.pTTL(key) : io.pttl(key)))
      return Math.max(ms, 0)
    },
    get: (key) => run(() => (nodeRedis ? node.get(key) : io.get(key))),
    async setFor(key, value, ms, onlyIfAbsent = false) {
      const px = Math.max(1, Math.ceil(ms))
      const answer = await run(() =>
        nodeRedis
          ? node.set(key, value, onlyIfAbsent ? { PX: px, NX: true } : { PX: px })
          : onlyIfAbsent
            ? io.set(key, value, 'PX', px, 'NX')
            : io.set(key, value, 'PX', px),
      )
      return answer === 'OK'
    },
    async expireIn(key, ms) {
      const px = Math.max(1, Math.ceil(ms))
      await run(() => (nodeRedis ? node.pExpire(key, px) : io.pexpire(key, px)))
    },
  }
}
