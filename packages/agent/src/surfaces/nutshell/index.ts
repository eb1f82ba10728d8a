import type { ClientSurface } from '../types'
import { NUTSHELL_RESOURCES, nutshellRestObjects } from './rest-rules'
import { rpcCallRule, rpcHelperRule } from './rpc-rules'
import { nutshellTools } from './tools'

const isObject = (value: unknown) => typeof value === 'object' && value !== null

/** How `scoped()` and the tools see a NutshellClient: REST resources, and JSON-RPC checked per record type. */
export const nutshellSurface: ClientSurface = {
  name: 'nutshell',
  resources: NUTSHELL_RESOURCES,
  objects: {
    ...nutshellRestObjects,
    rpc: { resource: 'rpc', methods: { call: rpcCallRule }, fallback: rpcHelperRule },
  },
  tools: nutshellTools,
  matches: (client) => {
    const c = client as Record<string, unknown>
    return isObject(c.leads) && isObject(c.accounts) && isObject(c.notes)
  },
}
