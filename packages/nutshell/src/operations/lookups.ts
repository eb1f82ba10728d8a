import * as z from 'zod/mini'
import { LookupSchema } from '../schemas/lookup'
import { type OperationTable, operation } from './operation'

/** `GET /industries`, `GET /industries/{id}`: the industries accounts are filed under. */
export const INDUSTRIES = {
  list: operation({
    method: 'GET',
    path: '/industries',
    answer: z.array(LookupSchema),
    returns: { kind: 'list', paged: false },
    effect: 'read',
    description: 'Lists the industries accounts can be filed under.',
  }),
  get: operation({
    method: 'GET',
    path: '/industries/{id}',
    answer: LookupSchema,
    returns: { kind: 'record' },
    effect: 'read',
    description: 'Fetches one industry.',
  }),
}

/** `GET /accounttypes`: the account types an account can have. */
export const ACCOUNT_TYPES = {
  list: operation({
    method: 'GET',
    path: '/accounttypes',
    answer: z.array(LookupSchema),
    returns: { kind: 'list', paged: false },
    effect: 'read',
    description: 'Lists the account types an account can have.',
  }),
}

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const ACTIVITY_TYPES = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const TERRITORIES = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const MARKETS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const AUDIENCES = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const COMPETITORS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const COMPETITOR_MAPS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const EDITIONS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const EMAILS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const FILTERS = {} satisfies OperationTable

/** Operations of this group (filled from Nutshell's OpenAPI document). */
export const FORMS = {} satisfies OperationTable
