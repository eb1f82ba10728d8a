import type { MethodClass } from '../../policy/method-class'
import type { MethodRule, ObjectSurface } from '../types'
import { touchesOutcome } from './close-fields'

type Table = Readonly<Record<string, MethodClass | MethodRule>>

/** A lead update that sets the status or outcome closes the lead, so it needs `close` as well. */
const leadUpdate: MethodRule = {
  needs: (args) => [
    { resource: 'leads', class: 'update' },
    ...(touchesOutcome(args[1]) ? [{ resource: 'leads', class: 'close' } as const] : []),
  ],
  inputs: 2,
}

const read = { list: 'read', get: 'read' } as const
// These lists take only per-call options, which never belong in an audit record.
const listOnly = { list: { needs: 'read', inputs: 0 } } as const
// Deleting and restoring both change what the whole team sees, so both need the `delete` grant.
const removable = { delete: 'delete', undelete: 'delete' } as const

/** How each REST resource method of a NutshellClient is classified. */
const tables: Record<string, Table> = {
  leads: {
    ...read,
    products: 'read',
    create: 'create',
    update: leadUpdate,
    setPipeline: { needs: 'update', inputs: 2 },
    reopen: 'update',
    close: { needs: 'close', inputs: 2 },
    ...removable,
  },
  contacts: { ...read, create: 'create', update: { needs: 'update', inputs: 2 }, ...removable },
  accounts: { ...read, create: 'create', update: { needs: 'update', inputs: 2 }, ...removable },
  activities: { ...read, create: 'create', update: { needs: 'update', inputs: 2 } },
  tasks: { ...read, create: 'create', update: { needs: 'update', inputs: 2 }, delete: 'delete' },
  notes: { ...read, create: 'create', ...removable },
  products: { ...read, ...removable },
  tags: { list: 'read', create: 'create', ...removable },
  sources: { list: 'read', create: 'create', ...removable },
  users: { ...read, ...listOnly },
  pipelines: listOnly,
  stages: listOnly,
  outcomes: listOnly,
  events: { list: 'read' },
}

/** The REST resources of a NutshellClient, as a scoped client exposes them. */
export const nutshellRestObjects: Record<string, ObjectSurface> = Object.fromEntries(
  Object.entries(tables).map(([name, methods]) => [name, { methods }]),
)

/** The record types a Nutshell policy may name. */
export const NUTSHELL_RESOURCES = Object.keys(tables)
