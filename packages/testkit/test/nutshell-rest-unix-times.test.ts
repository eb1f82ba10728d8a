// The REST API takes unix times in seconds; the simulator refuses milliseconds (10^11 or more) with a 400.
import { describe, expect, test } from 'vitest'
import { createNutshellSimulator } from '../src/index'
import { MILLISECONDS_FROM, millisecondsSent } from '../src/nutshell/time'
import { type Reply, rest } from './helpers'

const SECONDS = 1767225600 // 2026-01-01T00:00:00Z
const MS = SECONDS * 1000
const PATCH = 'application/json-patch+json'

function expectRefused(reply: Reply, type: string, field: string, ms = MS) {
  expect(reply.status).toBe(400)
  expect(reply.body).toMatchObject({ [type]: [], errors: [{ status: '400', title: 'Invalid time' }] })
  expect(reply.body.errors[0].detail).toBe(
    `${field} must be a unix timestamp in seconds, but ${ms} is in milliseconds (a time of 100000000000 or more is taken as milliseconds); send ${Math.floor(ms / 1000)}.`,
  )
}

describe('the rule: 10^11 or more is milliseconds', () => {
  test('numbers, digit strings and time objects', () => {
    expect(MILLISECONDS_FROM).toBe(1e11)
    expect(millisecondsSent(MS)).toBe(MS)
    expect(millisecondsSent(String(MS))).toBe(MS)
    expect(millisecondsSent({ timestamp: MS })).toBe(MS)
    expect(millisecondsSent(1e11)).toBe(1e11)
    // The largest accepted seconds value is the year 5138; every real millisecond time is above 1973.
    expect(millisecondsSent(1e11 - 1)).toBeUndefined()
    expect(millisecondsSent(SECONDS)).toBeUndefined()
    expect(millisecondsSent(String(SECONDS))).toBeUndefined()
    expect(millisecondsSent('2026-01-01T00:00:00Z')).toBeUndefined()
    expect(millisecondsSent(null)).toBeUndefined()
    expect(millisecondsSent({ timestamp: SECONDS })).toBeUndefined()
  })
})

describe('Nutshell REST refuses unix times in milliseconds', () => {
  test.each(['startTime', 'endTime'])(
    'POST /activities with %s in milliseconds is a 400; nothing is created',
    async (field) => {
      const sim = createNutshellSimulator()
      const before = (await rest(sim, 'GET', '/activities')).body.meta.total
      const times = { startTime: SECONDS, endTime: SECONDS + 1800, [field]: MS }
      const reply = await rest(sim, 'POST', '/activities', {
        body: { activities: [{ name: 'Call', ...times, links: { participants: ['3-contacts'] } }] },
      })
      expectRefused(reply, 'activities', field)
      expect((await rest(sim, 'GET', '/activities')).body.meta.total).toBe(before)
    },
  )

  test('POST /activities in seconds is stored as given', async () => {
    const sim = createNutshellSimulator()
    const reply = await rest(sim, 'POST', '/activities', {
      body: {
        activities: [
          {
            name: 'Call',
            startTime: SECONDS,
            endTime: SECONDS + 1800,
            links: { participants: ['3-contacts'] },
          },
        ],
      },
    })
    expect(reply.status).toBe(201)
    expect(reply.body.activities[0]).toMatchObject({ startTime: SECONDS, endTime: SECONDS + 1800 })
  })

  test('PUT /activities/{id} with startTime or endTime in milliseconds is a 400 and changes nothing', async () => {
    const sim = createNutshellSimulator()
    const id = (await rest(sim, 'GET', '/activities?limit=1')).body.activities[0].id
    const before = (await rest(sim, 'GET', `/activities/${id}`)).body.activities[0]
    expectRefused(
      await rest(sim, 'PUT', `/activities/${id}`, { body: { activities: [{ startTime: MS }] } }),
      'activities',
      'startTime',
    )
    expectRefused(
      await rest(sim, 'PUT', `/activities/${id}`, { body: { activities: [{ endTime: String(MS) }] } }),
      'activities',
      'endTime',
    )
    expect((await rest(sim, 'GET', `/activities/${id}`)).body.activities[0]).toEqual(before)
    const moved = await rest(sim, 'PUT', `/activities/${id}`, {
      body: { activities: [{ startTime: SECONDS, endTime: SECONDS + 60 }] },
    })
    expect(moved.status).toBe(200)
    expect((await rest(sim, 'GET', `/activities/${id}`)).body.activities[0]).toMatchObject({
      startTime: SECONDS,
      endTime: SECONDS + 60,
    })
  })

  test('POST /tasks with dueTime in milliseconds (number or digit string) is a 400', async () => {
    const sim = createNutshellSimulator()
    for (const dueTime of [MS, String(MS)]) {
      expectRefused(
        await rest(sim, 'POST', '/tasks', { body: { title: 'Send quote', dueTime } }),
        'tasks',
        'dueTime',
      )
    }
    const ok = await rest(sim, 'POST', '/tasks', { body: { title: 'Send quote', dueTime: String(SECONDS) } })
    expect(ok.status).toBe(200)
    expect(ok.body.tasks[0].dueTime).toBe(SECONDS)
  })

  test('PATCH /tasks/{id} with dueTime in milliseconds is a 400 (JSON Patch and plain object)', async () => {
    const sim = createNutshellSimulator()
    const id = (await rest(sim, 'POST', '/tasks', { body: { title: 'Send quote' } })).body.tasks[0].id
    expectRefused(
      await rest(sim, 'PATCH', `/tasks/${id}`, {
        body: [{ op: 'replace', path: '/tasks/0/dueTime', value: MS }],
        contentType: PATCH,
      }),
      'tasks',
      'dueTime',
    )
    expectRefused(await rest(sim, 'PATCH', `/tasks/${id}`, { body: { dueTime: MS } }), 'tasks', 'dueTime')
    const ok = await rest(sim, 'PATCH', `/tasks/${id}`, { body: { dueTime: SECONDS } })
    expect(ok.status).toBe(204)
    expect((await rest(sim, 'GET', `/tasks/${id}`)).body.tasks[0].dueTime).toBe(SECONDS)
  })

  test('POST /leads with dueTime in milliseconds (bare or as a time object) is a 400', async () => {
    const sim = createNutshellSimulator()
    for (const dueTime of [MS, { timestamp: MS }]) {
      expectRefused(
        await rest(sim, 'POST', '/leads', { body: { leads: [{ description: 'Car Wash Inc.', dueTime }] } }),
        'leads',
        'dueTime',
      )
    }
    const ok = await rest(sim, 'POST', '/leads', {
      body: { leads: [{ description: 'Car Wash Inc.', dueTime: { timestamp: SECONDS } }] },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.dueTime.timestamp).toBe(SECONDS)
  })

  test('PATCH /leads/{id} writing dueTime or dueTime/timestamp in milliseconds is a 400', async () => {
    const sim = createNutshellSimulator()
    for (const [path, value] of [
      ['/leads/0/dueTime', MS],
      ['/leads/0/dueTime', { timestamp: MS }],
      ['/leads/0/dueTime/timestamp', MS],
    ] as const) {
      expectRefused(
        await rest(sim, 'PATCH', '/leads/1001-leads', {
          body: [{ op: 'replace', path, value }],
          contentType: PATCH,
        }),
        'leads',
        'dueTime',
      )
    }
    const ok = await rest(sim, 'PATCH', '/leads/1001-leads', {
      body: [{ op: 'replace', path: '/leads/0/dueTime', value: SECONDS }],
      contentType: PATCH,
    })
    expect(ok.status).toBe(204)
    expect((await rest(sim, 'GET', '/leads/1001-leads')).body.leads[0].dueTime.timestamp).toBe(SECONDS)
  })
})
