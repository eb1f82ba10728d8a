import { nutanSurface } from './nutan'
import { nutshellSurface } from './nutshell'
import type { ClientSurface } from './types'

/** The clients `scoped()` and the tool helpers recognise without a `surface` option. */
export const knownSurfaces: readonly ClientSurface[] = [nutshellSurface, nutanSurface]
