import {
  AccountCreateInputSchema,
  AccountListParamsSchema,
  ActivityCreateInputSchema,
  ActivityListParamsSchema,
  ActivityUpdateInputSchema,
  ContactCreateInputSchema,
  ContactListParamsSchema,
  EventListParamsSchema,
  LeadCloseInputSchema,
  LeadCreateInputSchema,
  LeadListParamsSchema,
  NoteCreateInputSchema,
  NoteListParamsSchema,
  ProductListParamsSchema,
  SourceCreateInputSchema,
  SourceListParamsSchema,
  TagCreateInputSchema,
  TagListParamsSchema,
  TaskCreateInputSchema,
  TaskListParamsSchema,
} from '@x/nutshell'
import * as z from 'zod/mini'
import { idTool, inputTool, noInputTool, ToolIdSchema } from '../../tools/build'
import type { ToolSpec } from '../../tools/tool-spec'

const changes = z.record(z.string(), z.unknown())
const paging =
  'Returns one page (`page` is 0-based, `limit` records per page, default 50) and whether more follow.'

function recordTools(object: string, noun: string, list: z.ZodMiniType, extra = ''): ToolSpec[] {
  return [
    inputTool(object, 'list', `List Nutshell ${noun}s. ${extra}${paging}`, list),
    idTool(object, 'get', `Fetch one Nutshell ${noun} by id (e.g. "12-${object}").`),
  ]
}

function deleteTools(object: string, noun: string): ToolSpec[] {
  return [
    idTool(object, 'delete', `Delete a Nutshell ${noun} (restorable for 30 days).`),
    idTool(object, 'undelete', `Restore a deleted Nutshell ${noun}.`),
  ]
}

function updateTool(object: string, noun: string): ToolSpec {
  return idTool(
    object,
    'update',
    `Change fields of a Nutshell ${noun}: \`changes\` maps field names to new values.`,
    {
      changes,
    },
  )
}

const search = 'Filter with `filter` (e.g. {"status":"open"}), search text with `q`, order with `sort`. '

/** The Nutshell REST methods offered to an LLM as tools. */
export const nutshellTools: readonly ToolSpec[] = [
  ...recordTools('leads', 'lead', LeadListParamsSchema, search),
  inputTool('leads', 'create', 'Create a Nutshell lead; `description` is its name.', LeadCreateInputSchema),
  updateTool('leads', 'lead'),
  idTool(
    'leads',
    'close',
    'Close a Nutshell lead as won, lost or canceled (or with an explicit outcomeId).',
    {
      outcome: LeadCloseInputSchema,
    },
  ),
  idTool('leads', 'reopen', 'Reopen a closed Nutshell lead.'),
  idTool('leads', 'products', 'List the products attached to a Nutshell lead.'),
  idTool('leads', 'setPipeline', 'Move a Nutshell lead to another pipeline.', { pipelineId: ToolIdSchema }),
  ...deleteTools('leads', 'lead'),
  ...recordTools('contacts', 'contact', ContactListParamsSchema, search),
  inputTool('contacts', 'create', 'Create a Nutshell contact (a person).', ContactCreateInputSchema),
  updateTool('contacts', 'contact'),
  ...deleteTools('contacts', 'contact'),
  ...recordTools('accounts', 'account', AccountListParamsSchema, search),
  inputTool('accounts', 'create', 'Create a Nutshell account (a company).', AccountCreateInputSchema),
  updateTool('accounts', 'account'),
  ...deleteTools('accounts', 'account'),
  ...recordTools('activities', 'activity', ActivityListParamsSchema),
  inputTool(
    'activities',
    'create',
    'Log or schedule a Nutshell activity; times are unix seconds.',
    ActivityCreateInputSchema,
  ),
  idTool('activities', 'update', 'Change fields of a Nutshell activity.', {
    changes: ActivityUpdateInputSchema,
  }),
  ...recordTools('tasks', 'task', TaskListParamsSchema),
  inputTool('tasks', 'create', 'Create a Nutshell task.', TaskCreateInputSchema),
  updateTool('tasks', 'task'),
  idTool('tasks', 'delete', 'Delete a Nutshell task.'),
  ...recordTools('notes', 'note', NoteListParamsSchema),
  inputTool(
    'notes',
    'create',
    'Add a note to a Nutshell lead, contact or account (`links.parent` is its id).',
    NoteCreateInputSchema,
  ),
  ...deleteTools('notes', 'note'),
  inputTool('products', 'list', 'List Nutshell products.', ProductListParamsSchema),
  idTool('products', 'get', 'Fetch one Nutshell product by id.'),
  ...deleteTools('products', 'product'),
  inputTool('tags', 'list', 'List Nutshell tags.', TagListParamsSchema),
  inputTool('tags', 'create', 'Create a Nutshell tag.', TagCreateInputSchema),
  ...deleteTools('tags', 'tag'),
  inputTool('sources', 'list', 'List Nutshell lead sources.', SourceListParamsSchema),
  inputTool('sources', 'create', 'Create a Nutshell lead source.', SourceCreateInputSchema),
  ...deleteTools('sources', 'source'),
  noInputTool('users', 'list', 'List the Nutshell users.'),
  idTool('users', 'get', 'Fetch one Nutshell user by id.'),
  noInputTool('pipelines', 'list', 'List the Nutshell pipelines (stagesets).'),
  noInputTool('stages', 'list', 'List the Nutshell pipeline stages.'),
  noInputTool('outcomes', 'list', 'List the Nutshell lead outcomes (won, lost, canceled).'),
  inputTool(
    'events',
    'list',
    'Read the Nutshell change feed (what changed, by whom, when).',
    EventListParamsSchema,
  ),
]
