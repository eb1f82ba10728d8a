import * as z from 'zod/mini'
import { typedSchema } from '../schemas/common'
import type { RpcProduct, RpcUser } from './schemas/directory'
import { RpcProductSchema, RpcUserSchema } from './schemas/directory'
import { type RpcLead, type RpcLeadInput, RpcLeadInputSchema, RpcLeadSchema } from './schemas/lead'
import {
  type RpcEmail,
  RpcEmailSchema,
  type RpcStep,
  RpcStepSchema,
  type RpcTeam,
  RpcTeamSchema,
} from './schemas/lookups'
import {
  type RpcAccount,
  type RpcAccountChanges,
  RpcAccountChangesSchema,
  type RpcAccountInput,
  RpcAccountInputSchema,
  RpcAccountSchema,
  type RpcContact,
  type RpcContactChanges,
  RpcContactChangesSchema,
  type RpcContactInput,
  RpcContactInputSchema,
  RpcContactSchema,
} from './schemas/party'
import {
  type RpcActivity,
  type RpcActivityChanges,
  RpcActivityChangesSchema,
  type RpcActivityInput,
  RpcActivityInputSchema,
  RpcActivitySchema,
  type RpcNote,
  RpcNoteSchema,
  type RpcTask,
  type RpcTaskInput,
  RpcTaskInputSchema,
  RpcTaskSchema,
} from './schemas/work'

/** The fields `editNote` takes. */
export interface RpcNoteChanges {
  note?: string
}
export const RpcNoteChangesSchema = typedSchema<RpcNoteChanges>()(
  z.looseObject({ note: z.optional(z.string()) }),
)

/** Record, create-input and edit-input types of each entity the typed methods cover. */
export interface RpcEntityTypes {
  lead: { record: RpcLead; input: RpcLeadInput; changes: RpcLeadInput }
  contact: { record: RpcContact; input: RpcContactInput; changes: RpcContactChanges }
  account: { record: RpcAccount; input: RpcAccountInput; changes: RpcAccountChanges }
  activity: { record: RpcActivity; input: RpcActivityInput; changes: RpcActivityChanges }
  task: { record: RpcTask; input: RpcTaskInput; changes: RpcTaskInput }
  note: { record: RpcNote; input: never; changes: RpcNoteChanges }
  product: { record: RpcProduct; input: Record<string, unknown>; changes: Record<string, unknown> }
  user: { record: RpcUser; input: Record<string, unknown>; changes: Record<string, unknown> }
  team: { record: RpcTeam; input: Record<string, unknown>; changes: Record<string, unknown> }
  email: { record: RpcEmail; input: never; changes: never }
  step: { record: RpcStep; input: never; changes: Record<string, unknown> }
}

/** An entity name as the typed methods and `editWithRev` take it. */
export type RpcEntityName = keyof RpcEntityTypes
/** The entities `editWithRev` can edit. */
export type RpcEditableEntity = 'lead' | 'contact' | 'account' | 'activity' | 'task' | 'note'
export type RpcRecordOf<E extends RpcEntityName> = RpcEntityTypes[E]['record']
export type RpcChangesOf<E extends RpcEntityName> = RpcEntityTypes[E]['changes']

/** How an entity's methods are named and its params keyed (`getLead {leadId}`, `editLead {leadId, rev, lead}`). */
export interface RpcEntitySpec {
  /** The method suffix: `Lead` in `getLead`. */
  suffix: string
  /** The id param: `leadId`. */
  idKey: string
  /** The payload param of new/edit: `lead`. */
  key: string
  /** The REST type name: `leads`, for ids like `"1003-leads"`. */
  restType: string
  schema: z.ZodMiniType
  input: z.ZodMiniType | undefined
  changes: z.ZodMiniType
}

const loose = z.looseObject({})

/** The naming and schemas of every entity with typed methods. */
export const RPC_ENTITIES: Record<RpcEntityName, RpcEntitySpec> = {
  lead: {
    suffix: 'Lead',
    idKey: 'leadId',
    key: 'lead',
    restType: 'leads',
    schema: RpcLeadSchema,
    input: RpcLeadInputSchema,
    changes: RpcLeadInputSchema,
  },
  contact: {
    suffix: 'Contact',
    idKey: 'contactId',
    key: 'contact',
    restType: 'contacts',
    schema: RpcContactSchema,
    input: RpcContactInputSchema,
    changes: RpcContactChangesSchema,
  },
  account: {
    suffix: 'Account',
    idKey: 'accountId',
    key: 'account',
    restType: 'accounts',
    schema: RpcAccountSchema,
    input: RpcAccountInputSchema,
    changes: RpcAccountChangesSchema,
  },
  activity: {
    suffix: 'Activity',
    idKey: 'activityId',
    key: 'activity',
    restType: 'activities',
    schema: RpcActivitySchema,
    input: RpcActivityInputSchema,
    changes: RpcActivityChangesSchema,
  },
  task: {
    suffix: 'Task',
    idKey: 'taskId',
    key: 'task',
    restType: 'tasks',
    schema: RpcTaskSchema,
    input: RpcTaskInputSchema,
    changes: RpcTaskInputSchema,
  },
  note: {
    suffix: 'Note',
    idKey: 'noteId',
    key: 'note',
    restType: 'notes',
    schema: RpcNoteSchema,
    input: undefined,
    changes: RpcNoteChangesSchema,
  },
  product: {
    suffix: 'Product',
    idKey: 'productId',
    key: 'product',
    restType: 'products',
    schema: RpcProductSchema,
    input: undefined,
    changes: loose,
  },
  user: {
    suffix: 'User',
    idKey: 'userId',
    key: 'user',
    restType: 'users',
    schema: RpcUserSchema,
    input: undefined,
    changes: loose,
  },
  team: {
    suffix: 'Team',
    idKey: 'teamId',
    key: 'team',
    restType: 'teams',
    schema: RpcTeamSchema,
    input: undefined,
    changes: loose,
  },
  email: {
    suffix: 'Email',
    idKey: 'emailId',
    key: 'email',
    restType: 'emails',
    schema: RpcEmailSchema,
    input: undefined,
    changes: loose,
  },
  step: {
    suffix: 'Step',
    idKey: 'stepId',
    key: 'step',
    restType: 'steps',
    schema: RpcStepSchema,
    input: undefined,
    changes: loose,
  },
}
