// Type-level tests. `tsc` (`pnpm typecheck`, which includes test/) checks them: every `// @ts-expect-error`
// line must fail to compile, and every `expectTypeOf` must hold. `typeChecks` is never called; the one
// runtime test only makes vitest count the file.

import type { Page, PagePromise } from '@x/core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod/mini'
import {
  type Account,
  type Activity,
  type Contact,
  fieldsOf,
  type Invoice,
  type Lead,
  type Note,
  type NutshellClient,
  type NutshellEvent,
  type Outcome,
  type Pipeline,
  type Product,
  type Quote,
  type RecordChanges,
  type Source,
  type Stage,
  type Tag,
  type Task,
  type TimeValue,
  typedSchema,
  type User,
} from '../src'
import type { ListPageParams } from '../src/operations/list-query'
import type { RecordPromise } from '../src/operations/record-promise'
import type {
  RpcAccount,
  RpcActivity,
  RpcClient,
  RpcContact,
  RpcLead,
  RpcNote,
  RpcRev,
  RpcStub,
  RpcTask,
  RpcUser,
} from '../src/rpc'

declare const ns: NutshellClient
declare const rpc: RpcClient
declare const lead: Lead
declare const account: Account

/** True when `T` has a string index signature (`[x: string]: unknown`). */
type HasIndex<T> = string extends keyof T ? true : false

async function typeChecks() {
  // Records are named interfaces without index signatures.
  expectTypeOf<HasIndex<Lead>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Contact>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Account>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Activity>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Task>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Note>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<User>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Product>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Quote>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Invoice>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Tag>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Source>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Stage>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Pipeline>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<Outcome>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<NutshellEvent>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<RpcLead>>().toEqualTypeOf<false>()
  expectTypeOf<HasIndex<RpcContact>>().toEqualTypeOf<false>()

  // Hovers name the record: RecordPromise<Lead>, PagePromise<Lead>, Page<Lead>.
  expectTypeOf(ns.leads.get('1-leads')).toEqualTypeOf<RecordPromise<Lead>>()
  expectTypeOf(ns.leads.get(['1-leads', '2-leads'])).toEqualTypeOf<RecordPromise<Lead[]>>()
  expectTypeOf(ns.leads.list()).toEqualTypeOf<PagePromise<Lead, ListPageParams>>()
  const page = await ns.leads.list()
  expectTypeOf(page).toEqualTypeOf<Page<Lead, ListPageParams>>()
  expectTypeOf(ns.contacts.get('3-contacts')).toEqualTypeOf<RecordPromise<Contact>>()
  expectTypeOf(ns.accounts.create({ name: 'Acme' })).toEqualTypeOf<RecordPromise<Account>>()
  expectTypeOf(ns.activities.get('1-activities')).toEqualTypeOf<RecordPromise<Activity>>()
  expectTypeOf(ns.tasks.get('1-tasks')).toEqualTypeOf<RecordPromise<Task>>()
  expectTypeOf(ns.leads.update('1-leads', { confidence: 50 })).toEqualTypeOf<
    RecordPromise<Lead | undefined>
  >()

  // A misspelt field does not compile; undeclared fields are reachable through fieldsOf().
  // @ts-expect-error `staus` is not a field of Lead
  void lead.staus
  expectTypeOf(fieldsOf(lead).someNewField).toEqualTypeOf<unknown>()

  // Precise field types.
  expectTypeOf(account.name).toEqualTypeOf<string | null | undefined>()
  expectTypeOf(lead.confidence).toEqualTypeOf<number | null | undefined>()
  expectTypeOf(lead.links?.owner).toEqualTypeOf<string | null | undefined>()
  expectTypeOf(lead.links?.contacts).toEqualTypeOf<string[] | null | undefined>()
  expectTypeOf(account.links?.contacts).toEqualTypeOf<string[] | null | undefined>()
  expectTypeOf(lead.createdTime).toEqualTypeOf<TimeValue | null | undefined>()
  // @ts-expect-error `ownr` is not a link of a lead
  void lead.links?.ownr

  // Update changes are typed field by field.
  ns.leads.update('1-leads', {
    confidence: 50,
    dueTime: new Date(),
    links: { owner: '1-users', contacts: { add: ['3-contacts'] } },
    customFields: { 'Favorite Number': 12 },
  })
  // @ts-expect-error confidence is a number
  ns.leads.update('1-leads', { confidence: 'high' })
  // @ts-expect-error unknown field (custom fields go under `customFields`)
  ns.leads.update('1-leads', { staus: 'open' })
  // @ts-expect-error unknown link
  ns.leads.update('1-leads', { links: { ownr: '1-users' } })
  // @ts-expect-error id cannot be changed
  ns.leads.update('1-leads', { id: '2-leads' })
  // @ts-expect-error a contact's name is a string
  ns.contacts.update('3-contacts', { name: { first: 'Andy' } })
  const changes: RecordChanges<Lead> = { priority: 1 }
  // @ts-expect-error not a number
  const wrong: RecordChanges<Lead> = { confidence: 'high' }
  // JSON Patch operations are still accepted.
  ns.leads.update('1-leads', [{ op: 'replace', path: '/leads/0/confidence', value: 50 }])

  // Create inputs refuse unknown fields.
  ns.leads.create({ description: 'Car wash', dueTime: new Date(), links: { contacts: ['3-contacts'] } })
  // @ts-expect-error `descripton` is misspelt
  ns.leads.create({ descripton: 'Car wash' })
  // @ts-expect-error a contact needs a name
  ns.contacts.create({ jobTitle: 'CEO' })
  // @ts-expect-error `revenue` is not a create field
  ns.accounts.create({ name: 'Acme', revenue: 1 })

  // Times take a Date where the service takes a time (converted to the service's unit).
  ns.activities.create({ name: 'Call', startTime: new Date(), endTime: 1716903600 })
  ns.activities.update('1-activities', { startTime: new Date() })
  // @ts-expect-error REST activity times are a Date or unix seconds, not a string
  ns.activities.create({ name: 'Call', startTime: '2024-05-28T10:00:00Z' })
  ns.tasks.create({ title: 'Follow up', dueTime: new Date() })
  ns.tasks.update('1-tasks', { dueTime: new Date(), title: 'Call back' })
  ns.leads.setInstallments('1-leads', [{ dueTime: new Date(), value: '1000', isFailed: false }])
  // @ts-expect-error an installment's dueTime is a Date or an ISO string, not unix seconds
  ns.leads.setInstallments('1-leads', [{ dueTime: 1767225600, value: '1000', isFailed: false }])

  // JSON-RPC records always carry a rev (nested stubs may not).
  const rpcLead = await rpc.getLead(1)
  expectTypeOf(rpcLead).toEqualTypeOf<RpcLead>()
  const rpcPage = await rpc.findLeads({ query: { status: 0 } })
  expectTypeOf(rpcPage.items).toEqualTypeOf<RpcLead[]>()
  expectTypeOf(rpcLead.rev).toEqualTypeOf<RpcRev>()
  expectTypeOf<RpcRev>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcContact['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcAccount['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcActivity['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcTask['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcNote['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcUser['rev']>().toEqualTypeOf<string | number>()
  expectTypeOf<RpcStub['rev']>().toEqualTypeOf<string | number | undefined>()
  await rpc.editLead(1, rpcLead.rev, { confidence: 80, dueTime: new Date() })
  // @ts-expect-error confidence is a number
  await rpc.editLead(1, rpcLead.rev, { confidence: 'high' })
  await rpc.newActivity({ name: 'Call', startTime: new Date(), endTime: '2024-05-28T10:30:00Z' })
  // @ts-expect-error misspelt field
  await rpc.newActivity({ name: 'Call', strtTime: new Date() })

  // An interface and its schema must name the same fields.
  interface Pair {
    a: string
    b?: number | null
  }
  typedSchema<Pair>()(z.looseObject({ a: z.string(), b: z.nullish(z.number()) }))
  // @ts-expect-error the schema has a field the interface lacks
  typedSchema<Pair>()(z.looseObject({ a: z.string(), b: z.nullish(z.number()), c: z.string() }))
  // @ts-expect-error the interface has a field the schema lacks
  typedSchema<Pair>()(z.looseObject({ a: z.string() }))
  // @ts-expect-error a field's type differs
  typedSchema<Pair>()(z.looseObject({ a: z.number(), b: z.nullish(z.number()) }))

  return { changes, wrong }
}

describe('types', () => {
  it('are checked by tsc (pnpm typecheck)', () => {
    expect(typeof typeChecks).toBe('function')
  })
})
