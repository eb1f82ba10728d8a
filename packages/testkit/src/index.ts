export { createNutanSimulator, type NutanSimulator, type NutanSimulatorOptions } from './nutan-simulator'
export { type AuthorisedUser, type EventChange, NutshellDb } from './nutshell/db'
export { DEFAULT_NUTSHELL_USER } from './nutshell/seed'
export type {
  NutshellRecord,
  NutshellSize,
  NutshellType,
  NutshellUserCredentials,
  RecordLinks,
} from './nutshell/types'
export {
  createNutshellSimulator,
  type NutshellSimulator,
  type NutshellSimulatorOptions,
} from './nutshell-simulator'
export type {
  FaultBodyKind,
  FaultController,
  FaultMatch,
  FaultOptions,
  FaultTrigger,
  OneOffFault,
} from './shared/faults'
export type { ListeningServer, ListenOptions } from './shared/listen'
export type { RequestLogEntry } from './shared/request-log'
export type { SimulatorBase } from './shared/simulator-base'
