import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffPatch, InputValidationError, normalizeOperations, patchFromChanges } from '../src'

describe('JSON Patch in Nutshell path form', () => {
  it('a plain change object becomes replace ops at /<type>/0/<field>', () => {
    expect(patchFromChanges('contacts', { firstName: 'Nutty', jobTitle: null })).toEqual([
      { op: 'replace', path: '/contacts/0/firstName', value: 'Nutty' },
      { op: 'replace', path: '/contacts/0/jobTitle', value: null },
    ])
  })

  it('links go under /links: one id replaced, list edits as add /- and remove /<id> without a value', () => {
    expect(
      patchFromChanges('leads', {
        links: { owner: '2-users', contacts: { add: ['4-contacts'], remove: ['3-contacts'] } },
      }),
    ).toEqual([
      { op: 'replace', path: '/leads/0/links/owner', value: '2-users' },
      { op: 'remove', path: '/leads/0/links/contacts/3-contacts' },
      { op: 'add', path: '/leads/0/links/contacts/-', value: '4-contacts' },
    ])
  })

  it('a whole list of links and a multi-value field are replaced whole', () => {
    expect(
      patchFromChanges('accounts', {
        links: { contacts: ['3-contacts'] },
        phones: [{ value: '734-555-0100', name: 'Main' }],
      }),
    ).toEqual([
      { op: 'replace', path: '/accounts/0/links/contacts', value: ['3-contacts'] },
      { op: 'replace', path: '/accounts/0/phones', value: [{ value: '734-555-0100', name: 'Main' }] },
    ])
  })

  it('custom fields are set at /<type>/0/<field name>, escaped as JSON Pointer', () => {
    expect(patchFromChanges('leads', { customFields: { 'Favorite Number': 12, 'a/b~c': 'x' } })).toEqual([
      { op: 'replace', path: '/leads/0/Favorite Number', value: 12 },
      { op: 'replace', path: '/leads/0/a~1b~0c', value: 'x' },
    ])
  })

  it('refuses to change the id', () => {
    expect(() => patchFromChanges('leads', { id: '9-leads' })).toThrow(InputValidationError)
  })

  it('caller-written ops get the /<type>/0 prefix unless they have it already', () => {
    expect(
      normalizeOperations('contacts', [
        { op: 'replace', path: '/firstName', value: 'A' },
        { op: 'replace', path: 'lastName', value: 'B' },
        { op: 'remove', path: '/contacts/0/links/accounts/5-accounts' },
      ]),
    ).toEqual([
      { op: 'replace', path: '/contacts/0/firstName', value: 'A' },
      { op: 'replace', path: '/contacts/0/lastName', value: 'B' },
      { op: 'remove', path: '/contacts/0/links/accounts/5-accounts' },
    ])
  })

  it('rejects an op without a known verb, a path or a needed value', () => {
    expect(() => normalizeOperations('leads', [{ op: 'merge', path: '/x' }])).toThrow(InputValidationError)
    expect(() => normalizeOperations('leads', [{ op: 'replace', path: '/x' }])).toThrow(/value/)
    expect(() => normalizeOperations('leads', [])).toThrow(InputValidationError)
  })
})

describe('diffPatch', () => {
  const before = {
    id: '3-contacts',
    type: 'contacts',
    href: 'https://app.nutshell.com/rest/contacts/3-contacts',
    name: 'Gus Grill',
    jobTitle: 'Chef',
    emails: [{ value: 'gus@acme.test', isPrimary: true }],
    phones: [],
    createdTime: 1716890000,
    links: { owner: '1-users', accounts: ['5-accounts', '6-accounts'], tags: [] },
  }

  it('gives no ops for equal records', () => {
    expect(diffPatch(before, structuredClone(before))).toEqual([])
  })

  it('produces the minimal ops: changed fields only, type taken from the record', () => {
    const after = { ...structuredClone(before), jobTitle: 'Owner' }
    expect(diffPatch(before, after)).toEqual([
      { op: 'replace', path: '/contacts/0/jobTitle', value: 'Owner' },
    ])
  })

  it('replaces a multi-value field whole when one entry changes', () => {
    const after = structuredClone(before)
    after.emails[0]!.value = 'gus@grill.test'
    expect(diffPatch(before, after)).toEqual([
      { op: 'replace', path: '/contacts/0/emails', value: [{ value: 'gus@grill.test', isPrimary: true }] },
    ])
  })

  it('turns link-list edits into remove of dropped ids and add /- of new ones', () => {
    const after = structuredClone(before)
    after.links.accounts = ['6-accounts', '7-accounts']
    after.links.owner = '2-users'
    expect(diffPatch(before, after)).toEqual([
      { op: 'replace', path: '/contacts/0/links/owner', value: '2-users' },
      { op: 'remove', path: '/contacts/0/links/accounts/5-accounts' },
      { op: 'add', path: '/contacts/0/links/accounts/-', value: '7-accounts' },
    ])
  })

  it('ignores read-only fields and fields missing from a partial after; null clears', () => {
    expect(diffPatch(before, { id: '3-contacts', href: 'x', createdTime: 1, jobTitle: null })).toEqual([
      { op: 'replace', path: '/contacts/0/jobTitle', value: null },
    ])
  })

  it('infers the type from a typed id, or takes it from options', () => {
    expect(diffPatch({ id: '1003-leads', name: 'a' }, { id: '1003-leads', name: 'b' })).toEqual([
      { op: 'replace', path: '/leads/0/name', value: 'b' },
    ])
    expect(diffPatch({ name: 'a' }, { name: 'b' }, { type: 'accounts' })).toEqual([
      { op: 'replace', path: '/accounts/0/name', value: 'b' },
    ])
    expect(() => diffPatch({ name: 'a' }, { name: 'b' })).toThrow(InputValidationError)
  })

  const field = fc
    .stringMatching(/^[a-z][A-Za-z0-9 /~]{0,10}$/)
    .filter((k) => !['id', 'type', 'links'].includes(k))
  const value = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null))
  const ids = fc.uniqueArray(
    fc.integer({ min: 1, max: 50 }).map((n) => `${n}-contacts`),
    { maxLength: 6 },
  )

  it('property: applying the ops to before yields after (fields and link lists)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(field, value, { maxKeys: 5 }),
        fc.dictionary(field, value, { maxKeys: 5 }),
        ids,
        ids,
        (a, b, linksA, linksB) => {
          const rec1 = { id: '1-leads', ...a, links: { contacts: linksA } }
          const rec2 = { id: '1-leads', ...a, ...b, links: { contacts: linksB } }
          const ops = diffPatch(rec1, rec2)
          // Every path is in Nutshell's form.
          for (const op of ops) expect(op.path).toMatch(/^\/leads\/0\/.+/)
          // Replay the ops the way the service reads them.
          const fields: Record<string, unknown> = { ...a }
          let contacts = [...linksA]
          for (const op of ops) {
            const parts = op.path
              .split('/')
              .slice(3)
              .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
            if (parts[0] === 'links') {
              if (op.op === 'add') contacts.push((op as { value: string }).value)
              else if (op.op === 'remove') contacts = contacts.filter((id) => id !== parts[2])
            } else fields[parts.join('/')] = (op as { value: unknown }).value
          }
          expect(fields).toEqual({ ...a, ...b })
          expect([...contacts].sort()).toEqual([...linksB].sort())
          // Minimal: one op per changed field, one per changed link.
          const changedFields = Object.keys(b).filter((k) => !Object.is(a[k], b[k]) || !(k in a)).length
          const added = linksB.filter((id) => !linksA.includes(id)).length
          const removed = linksA.filter((id) => !linksB.includes(id)).length
          expect(ops).toHaveLength(changedFields + added + removed)
        },
      ),
    )
  })
})
