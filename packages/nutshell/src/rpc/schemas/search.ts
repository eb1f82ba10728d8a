import * as z from 'zod/mini'
import { RpcStubSchema } from './common'
import type { RpcUser } from './directory'
import type { RpcLead } from './lead'
import type { RpcAccount, RpcContact } from './party'

/**
 * What `searchUniversal` and `searchByEmail` answer: records grouped by kind
 * (`{"contacts":[...],"accounts":[...],"leads":[...]}`), or one list of stubs carrying `entityType`.
 */
export const RpcSearchGroupsSchema = z.union([
  z.array(RpcStubSchema),
  z.looseObject({
    leads: z.nullish(z.array(RpcStubSchema)),
    contacts: z.nullish(z.array(RpcStubSchema)),
    accounts: z.nullish(z.array(RpcStubSchema)),
    users: z.nullish(z.array(RpcStubSchema)),
  }),
])

/** Search hits grouped by kind, whichever form the service answered in. */
export interface RpcSearchResults {
  leads: RpcLead[]
  contacts: RpcContact[]
  accounts: RpcAccount[]
  users: RpcUser[]
  /** The service's answer as it came. */
  raw: unknown
}
