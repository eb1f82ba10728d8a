import type { RpcUser } from './schemas/directory'
import type { RpcLead } from './schemas/lead'
import type { RpcAccount, RpcContact } from './schemas/party'
import type { RpcSearchResults } from './schemas/search'

const GROUP_BY_ENTITY_TYPE: Record<string, keyof Omit<RpcSearchResults, 'raw'>> = {
  Leads: 'leads',
  Contacts: 'contacts',
  Accounts: 'accounts',
  Users: 'users',
}

function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v) => !!v && typeof v === 'object') : []
}

/** Groups a universal or by-email search answer by kind, whether it came grouped or as one list. */
export function groupSearchResults(raw: unknown): RpcSearchResults {
  const out: RpcSearchResults = { leads: [], contacts: [], accounts: [], users: [], raw }
  if (Array.isArray(raw)) {
    for (const hit of list(raw)) {
      const group = GROUP_BY_ENTITY_TYPE[String(hit.entityType)]
      if (group) (out[group] as unknown[]).push(hit)
    }
    return out
  }
  if (raw && typeof raw === 'object') {
    const groups = raw as Record<string, unknown>
    out.leads = list(groups.leads) as unknown as RpcLead[]
    out.contacts = list(groups.contacts) as unknown as RpcContact[]
    out.accounts = list(groups.accounts) as unknown as RpcAccount[]
    out.users = list(groups.users) as unknown as RpcUser[]
  }
  return out
}
