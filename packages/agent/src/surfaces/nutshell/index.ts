import { OPERATION_TABLES } from '@x/nutshell'
import { objectsFromTables, toolsFromTables } from '../from-tables'
import type { ClientSurface } from '../types'
import { RPC_RESOURCES, rpcCallRule, rpcHelperRule } from './rpc-rules'

const isObject = (value: unknown) => typeof value === 'object' && value !== null

/**
 * How `scoped()` and the tools see a NutshellClient: its REST methods as the operation tables declare
 * them, and JSON-RPC as its method table declares it, checked per record type.
 */
export const nutshellSurface: ClientSurface = {
  name: 'nutshell',
  // The REST tables' record types, and the ones only JSON-RPC reaches (teams, settings, backups, ...).
  resources: [...new Set([...Object.keys(OPERATION_TABLES), ...RPC_RESOURCES])],
  objects: {
    ...objectsFromTables(OPERATION_TABLES),
    rpc: { resource: 'rpc', methods: { call: rpcCallRule }, fallback: rpcHelperRule },
  },
  tools: toolsFromTables('Nutshell', OPERATION_TABLES),
  matches: (client) => {
    const c = client as Record<string, unknown>
    return isObject(c.leads) && isObject(c.accounts) && isObject(c.notes)
  },
}
