import fc from 'fast-check'
import { describe, expect, it, test } from 'vitest'
import { InputValidationError, mergeSyncBatches, planSyncBatches, type SyncChangeSetInput } from '../src'

describe('planSyncBatches', () => {
  test('1,200 rows across tables become batches of 500, 500 and 200, spanning tables', () => {
    const changes: SyncChangeSetInput = {
      upserts: {
        contacts: Array.from({ length: 700 }, (_, i) => ({ id: `c${i}` })),
        deals: Array.from({ length: 300 }, (_, i) => ({ id: `d${i}` })),
      },
      deletes: { meetings: Array.from({ length: 200 }, (_, i) => `m${i}`) },
    }
    const batches = planSyncBatches(changes)
    expect(batches.map((b) => b.rows)).toEqual([500, 500, 200])
    expect(batches[0]!.upserts.contacts).toHaveLength(500)
    expect(batches[1]!.upserts.contacts!.map((r) => r.id).slice(0, 2)).toEqual(['c500', 'c501'])
    expect(batches[1]!.upserts.deals).toHaveLength(300)
    expect(batches[2]!.upserts).toEqual({})
    expect(batches[2]!.deletes.meetings).toHaveLength(200)
  })

  test('an empty change set plans no request', () => {
    expect(planSyncBatches({})).toEqual([])
    expect(planSyncBatches({ upserts: { contacts: [] }, deletes: {} })).toEqual([])
  })

  const tableName = fc.constantFrom('contacts', 'deals', 'meetings', 'participants', 'chats')
  const changeSets = fc.record({
    upserts: fc.dictionary(tableName, fc.array(fc.record({ id: fc.uuid() }), { maxLength: 1200 })),
    deletes: fc.dictionary(tableName, fc.array(fc.uuid(), { maxLength: 700 })),
  })

  test('property: no batch exceeds the limit, and the batches joined give back the change set in order', () => {
    fc.assert(
      fc.property(changeSets, fc.integer({ min: 1, max: 500 }), (changes, max) => {
        const batches = planSyncBatches(changes, max)
        for (const batch of batches) {
          const counted =
            Object.values(batch.upserts).flat().length + Object.values(batch.deletes).flat().length
          expect(counted).toBe(batch.rows)
          expect(batch.rows).toBeGreaterThan(0)
          expect(batch.rows).toBeLessThanOrEqual(max)
        }
        // Every batch but the last is full: no request is wasted.
        for (const batch of batches.slice(0, -1)) expect(batch.rows).toBe(max)
        const strip = (group: Record<string, unknown[]>) =>
          Object.fromEntries(Object.entries(group).filter(([, rows]) => rows.length > 0))
        const merged = mergeSyncBatches(batches)
        expect(merged.upserts).toEqual(strip(changes.upserts))
        expect(merged.deletes).toEqual(strip(changes.deletes))
      }),
      { numRuns: 60 },
    )
  })
})

describe('a batch size that is no batch size', () => {
  it('is an InputValidationError naming maxRows, never a bare RangeError', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      const error = (() => {
        try {
          planSyncBatches({ upserts: {} }, bad)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(InputValidationError)
      expect((error as InputValidationError).field).toBe('maxRows')
    }
  })
})
