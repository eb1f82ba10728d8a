import type { AuthorisedUser, NutshellDb } from '../db'

/** What a JSON-RPC method runs with. */
export interface RpcContext {
  db: NutshellDb
  user: AuthorisedUser
  now: number
}

/** A JSON-RPC method: named params in, a result out (throws RpcError on failure). */
export type RpcMethod = (params: Record<string, unknown>, ctx: RpcContext) => unknown

/** Whether a method may answer 304 to `If-None-Match` (reads). */
export function isReadMethod(name: string): boolean {
  return /^(get|find|search)/.test(name)
}
