import * as z from 'zod/mini'
import { ActivityTypesResponseSchema } from '../schemas/activity-type'
import { AudienceCreateInputSchema, AudienceCreateResponseSchema, AudienceSchema } from '../schemas/audience'
import { CompetitorListInputSchema, CompetitorsResponseSchema } from '../schemas/competitor'
import { CompetitorMapPatchInputSchema, CompetitorMapsResponseSchema } from '../schemas/competitor-map'
import { FormFieldResponseSchema, FormsResponseSchema, FormWithFieldsResponseSchema } from '../schemas/form'
import { LookupSchema } from '../schemas/lookup'
import { MarketSchema } from '../schemas/market'
import { AccountTypeSchema, IndustrySchema, TerritorySchema } from '../schemas/related'
import { SavedFilterListInputSchema } from '../schemas/saved-filter'
import { getRecord, listAll } from './common'
import { operation } from './operation'

/** `GET /industries`, `GET /industries/{id}`: the industries accounts are filed under. */
export const INDUSTRIES = {
  list: listAll({
    path: '/industries',
    answer: z.array(IndustrySchema),
    description: 'Lists the industries accounts can be filed under.',
  }),
  get: getRecord({ path: '/industries/{id}', answer: IndustrySchema, noun: 'industry' }),
}

/** `GET /accounttypes`: the account types an account can have. */
export const ACCOUNT_TYPES = {
  list: listAll({
    path: '/accounttypes',
    answer: z.array(AccountTypeSchema),
    description: 'Lists the account types an account can have.',
  }),
}

/** `GET /activitytypes`: the types an activity can have. */
export const ACTIVITY_TYPES = {
  list: listAll({
    path: '/activitytypes',
    answer: ActivityTypesResponseSchema,
    key: 'activityTypes',
    description: 'Lists the types an activity can be logged as.',
  }),
}

/** `GET /territories`: the sales territories. */
export const TERRITORIES = {
  list: listAll({
    path: '/territories',
    answer: z.array(TerritorySchema),
    description: 'Lists the sales territories of the instance.',
  }),
}

/**
 * `GET /markets`, `GET /markets/{id}`: the markets (currencies) leads are valued in. The document gives
 * both answers as one `Market` record; a bare record is read as a one-record list.
 */
export const MARKETS = {
  list: listAll({
    path: '/markets',
    answer: MarketSchema,
    description: 'Lists the markets (currencies) leads can be valued in.',
  }),
  get: getRecord({ path: '/markets/{id}', answer: MarketSchema, noun: 'market' }),
}

/** `GET /audiences`, `POST /audiences`: email marketing audiences. */
export const AUDIENCES = {
  list: listAll({
    path: '/audiences',
    answer: z.array(AudienceSchema),
    description: 'Lists the email marketing audiences of the instance.',
  }),
  create: operation({
    method: 'POST',
    path: '/audiences',
    input: AudienceCreateInputSchema,
    answer: AudienceCreateResponseSchema,
    returns: { kind: 'record', key: 'emAudiences' },
    effect: 'create',
    description: 'Creates an email marketing audience with the given name and returns it.',
  }),
}

/** `GET /competitors`, `GET /competitors/{id}`: the competitors leads are contested with. */
export const COMPETITORS = {
  list: listAll({
    path: '/competitors',
    input: CompetitorListInputSchema,
    answer: CompetitorsResponseSchema,
    key: 'competitors',
    description: 'Lists competitors, optionally those whose name contains `q`.',
  }),
  get: getRecord({
    path: '/competitors/{id}',
    answer: CompetitorsResponseSchema,
    key: 'competitors',
    noun: 'competitor',
  }),
}

/** `/competitormaps`: the competitors set on leads (lead-competitor relationships). */
export const COMPETITOR_MAPS = {
  list: listAll({
    path: '/competitormaps',
    answer: CompetitorMapsResponseSchema,
    key: 'competitorMaps',
    description: 'Lists the competitors set on leads, with their status on each lead.',
  }),
  get: getRecord({
    path: '/competitormaps/{id}',
    answer: CompetitorMapsResponseSchema,
    key: 'competitorMaps',
    noun: 'lead-competitor relationship',
  }),
  update: operation({
    method: 'PATCH',
    path: '/competitormaps/{id}',
    input: CompetitorMapPatchInputSchema,
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'update',
    description:
      'Changes a lead-competitor relationship with JSON Patch operations (the service answers 204).',
  }),
  delete: operation({
    method: 'DELETE',
    path: '/competitormaps/{id}',
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'delete',
    description: 'Removes a competitor from a lead (the service answers 204).',
  }),
}

/**
 * `GET /editions`, `GET /editions/{id}`: the Nutshell editions (plans). The document gives both answers
 * as one `Edition` record; a bare record is read as a one-record list.
 */
export const EDITIONS = {
  list: listAll({
    path: '/editions',
    answer: LookupSchema,
    description: 'Lists the Nutshell editions (plans).',
  }),
  get: getRecord({ path: '/editions/{id}', answer: LookupSchema, noun: 'Nutshell edition' }),
}

/** `GET /emails/{id}`: one email; the document gives no schema for the answer, so it is returned whole. */
export const EMAILS = {
  get: operation({
    method: 'GET',
    path: '/emails/{id}',
    answer: z.looseObject({}),
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Fetches one logged email by id, as the whole answer (the document gives it no schema).',
  }),
}

/** `GET /filters`: saved filters; the document gives no schema for the answer, so it is returned whole. */
export const FILTERS = {
  list: operation({
    method: 'GET',
    path: '/filters',
    input: SavedFilterListInputSchema,
    answer: z.unknown(),
    returns: { kind: 'answer' },
    effect: 'read',
    description: 'Reads saved filters, by user and report or entity list type, as the whole answer.',
  }),
}

/**
 * `GET /forms`, `GET /forms/{id}`, `GET /forms/{fieldId}`: Nutshell forms and their fields. The document
 * has two templates of the same shape under `/forms/`: `get` sends a form's id, `field` a field's id.
 */
export const FORMS = {
  list: listAll({
    path: '/forms',
    answer: FormsResponseSchema,
    key: 'wfForms',
    description: 'Lists the non-archived forms, each with the ids of the fields it uses.',
  }),
  get: operation({
    method: 'GET',
    path: '/forms/{id}',
    answer: FormWithFieldsResponseSchema,
    returns: { kind: 'answer' },
    effect: 'read',
    description:
      'Fetches one form by form id: the whole answer, the form under wfForms and its fields under wfFields.',
  }),
  field: operation({
    method: 'GET',
    path: '/forms/{fieldId}',
    answer: FormFieldResponseSchema,
    returns: { kind: 'record', key: 'wfFields' },
    effect: 'read',
    description:
      'Fetches one form field by field id (same URL shape as get: /forms/<id>); returns the field.',
  }),
}
