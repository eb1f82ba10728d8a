import type { HttpHandler } from 'msw'
import { pageOf } from '../paging'
import { findLive, type NutanResource, resourceRoutes } from '../resource'
import { json, type NutanRoute } from '../router'
import { nextNutanId } from '../state'
import type { NutanMeeting, NutanParticipant } from '../types'
import { checkFields, readObjectBody } from '../validate'

/** Meetings: list (deal_id), create, hard delete (taking their participants along). */
export const meetingsResource: NutanResource<NutanMeeting> = {
  label: 'Meeting',
  collection: 'meetings',
  idPrefix: 'mtg',
  table: (state) => state.meetings,
  rules: {
    title: { type: 'string', required: true },
    started_at: { type: 'date' },
    ended_at: { type: 'date', nullable: true },
    duration_seconds: { type: 'integer', nullable: true, min: 0 },
    summary: { type: 'string', nullable: true },
    deal_id: { type: 'string', nullable: true },
  },
  blank: (id, now) => ({
    id,
    title: '',
    started_at: now,
    ended_at: null,
    duration_seconds: null,
    summary: null,
    deal_id: null,
    created_at: now,
  }),
  derive: (row) => {
    if (row.duration_seconds !== null || !row.ended_at) return row
    const seconds = Math.round((Date.parse(row.ended_at) - Date.parse(row.started_at)) / 1000)
    return Number.isFinite(seconds) && seconds >= 0 ? { ...row, duration_seconds: seconds } : row
  },
  filters: {
    deal_id: (row, value) => row.deal_id === value,
  },
  softDelete: false,
  afterDelete: (state, id) => {
    for (const p of [...state.participants.values()]) if (p.meeting_id === id) state.participants.delete(p.id)
  },
}

const participantRules = {
  name: { type: 'string', required: true },
  email: { type: 'email', nullable: true },
  role: { type: 'string', nullable: true },
  is_internal: { type: 'boolean' },
  talk_time_seconds: { type: 'integer', nullable: true, min: 0 },
} as const

/** The meeting handlers, with the participant list and add of a meeting. */
export function meetingRoutes(route: NutanRoute): HttpHandler[] {
  return [
    ...resourceRoutes(route, '*/v1/meetings', meetingsResource, ['list', 'create', 'delete']),
    route('get', '*/v1/meetings/:id/participants', (ctx) => {
      const meeting = findLive(meetingsResource, ctx.state, ctx.params.id)
      const rows = ctx.state.participants.select(`meeting:${meeting.id}`, (p) => p.meeting_id === meeting.id)
      return json(pageOf(rows, ctx.url, ctx.options.overLimit))
    }),
    route('post', '*/v1/meetings/:id/participants', async (ctx) => {
      const meeting = findLive(meetingsResource, ctx.state, ctx.params.id)
      const fields = checkFields(await readObjectBody(ctx.request), participantRules)
      const participant: NutanParticipant = {
        id: nextNutanId(ctx.state, 'par'),
        meeting_id: meeting.id,
        name: '',
        email: null,
        role: null,
        is_internal: false,
        talk_time_seconds: null,
        ...fields,
      }
      ctx.state.participants.set(participant.id, participant)
      return json(participant, 201)
    }),
  ]
}
