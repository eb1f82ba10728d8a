import { NUTAN_OPERATION_TABLES } from '@x/nutan'
import { objectsFromTables, toolsFromTables } from '../from-tables'
import type { ClientSurface } from '../types'

const isObject = (value: unknown) => typeof value === 'object' && value !== null

/** How `scoped()` and the tools see a NutanClient: its methods as the operation tables declare them. */
export const nutanSurface: ClientSurface = {
  name: 'nutan',
  resources: Object.keys(NUTAN_OPERATION_TABLES),
  objects: objectsFromTables(NUTAN_OPERATION_TABLES),
  tools: toolsFromTables('Nutan', NUTAN_OPERATION_TABLES),
  matches: (client) => {
    const c = client as Record<string, unknown>
    return isObject(c.sync) && isObject(c.deals) && isObject(c.meetings)
  },
}
