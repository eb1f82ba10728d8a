import * as z from 'zod/mini'
import { parseInput } from '../validation'

const milliseconds = z.number().check(z.positive('must be a positive number of milliseconds'))
const retries = z.int().check(z.gte(0, 'must be a whole number, 0 or more'))
const wait = z.number().check(z.gte(0, 'must be 0 or more milliseconds'))
const headers = z.record(z.string(), z.string())
const validation = z.enum(['loose', 'strict', 'off'])
const concurrency = z
  .int('must be a whole number from 1 to 16')
  .check(z.gte(1, 'must be a whole number from 1 to 16'), z.lte(16, 'must be a whole number from 1 to 16'))
const signal = z.custom<AbortSignal>(
  (v) => typeof v === 'object' && v !== null && 'aborted' in v && 'addEventListener' in v,
  'must be an AbortSignal',
)

/** The per-call options every method accepts (methods may add their own, such as `returnRecord`). */
const RequestOptionsSchema = z.looseObject({
  signal: z.optional(signal),
  timeout: z.optional(milliseconds),
  deadline: z.optional(milliseconds),
  maxRetries: z.optional(retries),
  maxRetryAfter: z.optional(wait),
  headers: z.optional(headers),
  validation: z.optional(validation),
  concurrency: z.optional(concurrency),
})

/** The options both clients share, checked the same way in both. */
const ClientOptionsSchema = z.looseObject({
  baseUrl: z.optional(z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })),
  fetch: z.optional(z.custom<typeof fetch>((v) => typeof v === 'function', 'must be a function')),
  timeout: z.optional(milliseconds),
  deadline: z.optional(milliseconds),
  maxRetries: z.optional(retries),
  maxRetryAfter: z.optional(wait),
  backoff: z.optional(z.strictObject({ initialDelay: z.optional(wait), maxDelay: z.optional(wait) })),
  headers: z.optional(headers),
  validation: z.optional(validation),
  hooks: z.optional(
    z.record(
      z.string(),
      z.custom((v) => typeof v === 'function', 'must be a function'),
    ),
  ),
})

/** Checks a call's options before any request; an InputValidationError names the option (`options.timeout`). */
export function checkRequestOptions(options: unknown, context: string): void {
  if (options !== undefined) parseInput(RequestOptionsSchema, options, context, 'options')
}

/** Checks a client's shared options at construction; an InputValidationError names the option. */
export function checkClientOptions(options: unknown, context: string): void {
  parseInput(ClientOptionsSchema, options, context, undefined, 'options')
}
