// The one table of REST routes: every operation of Nutshell's OpenAPI document, keyed as
// `packages/nutshell/openapi-manifest.json` spells it (`"GET /leads/{id}"`), to the handler that serves it.
// The router matches requests against these keys; a test checks the keys against the manifest.

import type { RestTable } from './router'
import { customFieldAttributes, customFieldValues, defineCustomField } from './routes-custom-fields'
import { installments, leadStages, setInstallments, watch } from './routes-lead-extras'
import { close, reopen, stageset } from './routes-leads'
import { leadReport, listView } from './routes-list-views'
import {
  createNamed,
  formOrField,
  forms,
  lookupGet,
  lookupList,
  outcome,
  savedFilters,
} from './routes-lookups'
import { competitorMap, competitorMaps, patchMap, removeMap } from './routes-maps'
import {
  bareList,
  deletedEvents,
  events,
  exportStageset,
  getMany,
  leadProducts,
  list,
  listFields,
} from './routes-read'
import { invoiceFromQuote, salesList, setSalesStatus } from './routes-sales'
import { create, patch, putActivity, remove, undelete } from './routes-write'

/** Every operation of the document (112), by `"METHOD /path"`. */
export const REST_OPERATIONS: RestTable = {
  // Accounts
  'GET /accounts': list('accounts'),
  'POST /accounts': create('accounts'),
  'GET /accounts/{id}': getMany('accounts'),
  'PATCH /accounts/{id}': patch('accounts'),
  'DELETE /accounts/{id}': remove('accounts'),
  'POST /accounts/{id}/undelete': undelete('accounts'),
  'GET /accounts/{id}/customfields': customFieldValues('accounts'),
  'GET /accounts/customfields/attributes': customFieldAttributes('accounts'),
  'POST /accounts/customfield': defineCustomField('accounts'),
  'GET /accounts/list': listView('accounts'),
  'GET /accounts/list/fields': listFields('accounts'),
  'GET /accounttypes': lookupList('accountTypes', 'array'),

  // Activities
  'GET /activities': list('activities'),
  'POST /activities': create('activities'),
  'GET /activities/{id}': getMany('activities'),
  'PUT /activities/{id}': putActivity,
  'GET /activitytypes': list('activityTypes'),

  // Audiences, competitors
  'GET /audiences': lookupList('emAudiences', 'array'),
  'POST /audiences': createNamed('emAudiences', { isWebFX: false }),
  'GET /competitors': lookupList('competitors', 'envelope'),
  'GET /competitors/{id}': lookupGet('competitors', 'envelope'),
  'GET /competitormaps': competitorMaps,
  'GET /competitormaps/{id}': competitorMap,
  'PATCH /competitormaps/{id}': patchMap('competitorMaps'),
  'DELETE /competitormaps/{id}': removeMap('competitorMaps'),

  // Contacts
  'GET /contacts': list('contacts'),
  'POST /contacts': create('contacts'),
  'GET /contacts/{id}': getMany('contacts'),
  'PATCH /contacts/{id}': patch('contacts'),
  'DELETE /contacts/{id}': remove('contacts'),
  'POST /contacts/{id}/undelete': undelete('contacts'),
  'GET /contacts/{id}/customfields': customFieldValues('contacts'),
  'GET /contacts/customfields/attributes': customFieldAttributes('contacts'),
  'POST /contacts/customfield': defineCustomField('contacts'),
  'GET /contacts/list': listView('contacts'),
  'GET /contacts/list/fields': listFields('contacts'),

  // Editions, emails, events, saved filters, forms
  'GET /editions': lookupList('editions', 'record', (edition) => edition.isCurrent === true),
  'GET /editions/{id}': lookupGet('editions', 'record'),
  'GET /emails/{id}': lookupGet('emails', 'envelope'),
  'GET /events': events,
  'GET /events/deleted': deletedEvents,
  'GET /filters': savedFilters,
  'GET /forms': forms,
  'GET /forms/{id}': formOrField,
  'GET /forms/{fieldId}': formOrField,

  // Industries, markets, territories
  'GET /industries': lookupList('industries', 'array'),
  'GET /industries/{id}': lookupGet('industries', 'record'),
  'GET /markets': lookupList('markets', 'record', (market) => market.isDefault === true),
  'GET /markets/{id}': lookupGet('markets', 'record'),
  'GET /territories': lookupList('territories', 'array'),

  // Quotes and invoices
  'GET /quotes': salesList('quotes'),
  'GET /quotes/{id}': getMany('quotes'),
  'POST /quotes/{id}/status': setSalesStatus('quotes'),
  'POST /quotes/{id}/invoice': invoiceFromQuote,
  'GET /invoices': salesList('invoices'),
  'GET /invoices/{id}': getMany('invoices'),
  'POST /invoices/{id}/status': setSalesStatus('invoices'),

  // Leads
  'GET /leads': list('leads'),
  'POST /leads': create('leads'),
  'GET /leads/{id}': getMany('leads'),
  'PATCH /leads/{id}': patch('leads'),
  'DELETE /leads/{id}': remove('leads'),
  'POST /leads/{id}/undelete': undelete('leads'),
  'GET /leads/{id}/customfields': customFieldValues('leads'),
  'GET /leads/customfields/attributes': customFieldAttributes('leads'),
  'POST /leads/customfield': defineCustomField('leads'),
  'GET /leads/list': listView('leads'),
  'GET /leads/list/fields': listFields('leads'),
  'GET /leads/report': leadReport,
  'GET /leads/{id}/installments': installments,
  'POST /leads/{id}/installments': setInstallments,
  'GET /leads/{id}/stages': leadStages,
  'POST /leads/{id}/reopen': reopen,
  'POST /leads/{id}/status': close,
  'POST /leads/{id}/stageset': stageset,
  'POST /leads/{id}/watch': watch,

  // Notes, outcomes
  'GET /notes': list('notes'),
  'POST /notes': create('notes'),
  'GET /notes/{id}': getMany('notes'),
  'DELETE /notes/{id}': remove('notes'),
  'POST /notes/{id}/undelete': undelete('notes'),
  'GET /outcomes': list('outcomes'),
  'GET /outcomes/{id}': outcome,

  // Products, product categories, product maps
  'GET /products': list('products'),
  'GET /products/{id}': getMany('products'),
  'DELETE /products/{id}': remove('products'),
  'POST /products/{id}/undelete': undelete('products'),
  'GET /productcategories': lookupList('productCategories', 'envelope'),
  'POST /productcategories': createNamed('productCategories', {}),
  'GET /productcategories/{id}': lookupGet('productCategories', 'envelope'),
  'GET /productmaps': list('productMaps'),
  'GET /productmaps/{id}': getMany('productMaps'),
  'PATCH /productmaps/{id}': patchMap('productMaps'),
  'DELETE /productMaps/{id}': removeMap('productMaps'),

  // Sources, pipelines (stagesets) and stages, tags, tasks, users
  'GET /sources': list('sources'),
  'POST /sources': create('sources'),
  'DELETE /sources/{id}': remove('sources'),
  'POST /sources/{id}/undelete': undelete('sources'),
  'GET /stages': bareList('stages'),
  'GET /stagesets': bareList('stagesets'),
  'GET /stagesets/{id}/export': exportStageset,
  'GET /tags': list('tags'),
  'POST /tags': create('tags'),
  'DELETE /tags/{id}': remove('tags'),
  'POST /tags/{id}/undelete': undelete('tags'),
  'GET /tasks': list('tasks'),
  'POST /tasks': create('tasks'),
  'GET /tasks/{id}': getMany('tasks'),
  'PATCH /tasks/{id}': patch('tasks'),
  'DELETE /tasks/{id}': remove('tasks'),
  'GET /users': list('users'),
  'GET /users/{id}': getMany('users'),
}

/**
 * Routes the simulator served before the table and keeps, though the document does not list them: single
 * reads of records it lists, `/pipelines` (the SDK's name for stagesets), and a lead's products.
 */
export const EXTRA_ROUTES: RestTable = {
  'GET /activitytypes/{id}': getMany('activityTypes'),
  'GET /leads/{id}/products': leadProducts,
  'POST /leads/{id}/pipeline': stageset,
  'GET /pipelines': list('stagesets'),
  'GET /pipelines/{id}': getMany('stagesets'),
  'GET /sources/{id}': getMany('sources'),
  'GET /stages/{id}': getMany('stages'),
  'GET /stagesets/{id}': getMany('stagesets'),
  'GET /tags/{id}': getMany('tags'),
}
