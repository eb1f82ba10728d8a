// Once per `vitest run`, before any test file: Debian's redis-server, for the tests of @x/redis-limiter
// and the shared-budget example. Installing it here, once, keeps the files that start a server from
// racing each other for apt-get's lock on a machine that does not have it yet.
import { ensureRedisServer } from './packages/redis-limiter/test/redis-server.ts'

export default async function setup(): Promise<void> {
  await ensureRedisServer()
}
