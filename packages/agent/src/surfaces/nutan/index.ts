import type { ClientSurface } from '../types'
import { NUTAN_RESOURCES, nutanObjects } from './rules'
import { nutanTools } from './tools'

const isObject = (value: unknown) => typeof value === 'object' && value !== null

/** How `scoped()` and the tools see a NutanClient. */
export const nutanSurface: ClientSurface = {
  name: 'nutan',
  resources: NUTAN_RESOURCES,
  objects: nutanObjects,
  tools: nutanTools,
  matches: (client) => {
    const c = client as Record<string, unknown>
    return isObject(c.sync) && isObject(c.deals) && isObject(c.meetings)
  },
}
