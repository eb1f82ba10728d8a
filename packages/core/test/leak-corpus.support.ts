// Shared by the leak-corpus tests of every package: hostile credentials, every form a server or a runtime can
// spell them in, hostile failures that echo those forms, and one detector that reads every channel an error,
// hook event, logged response or audit record exposes. Built from first principles: nothing here asks the
// SDK which forms it redacts, so a form the SDK forgot is caught.
import { Buffer } from 'node:buffer'
import { inspect } from 'node:util'
import fc from 'fast-check'
import { SdkError } from '../src'

// ---------------------------------------------------------------------------------------------- credentials

const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789']
const URL_SPECIAL = [..."/+=%:?#&@;,$!*()'~-_. "]
const HOSTILE = [...'"\\<>`{}|^[]']
const NON_ASCII = ['é', 'ü', 'ß', 'ñ', 'ø', '\u00a0', '€', 'ж', '中', '文', '😀', '🔑']

/** Key alphabets: base64-looking, token-looking, URL-special, everything hostile, and mostly non-ASCII. */
const ALPHABETS = [
  [...ALNUM, '+', '/', '='],
  [...ALNUM, '-', '_', '.', '~'],
  [...ALNUM, ...URL_SPECIAL],
  [...ALNUM, ...URL_SPECIAL, ...HOSTILE, ...NON_ASCII],
  [...ALNUM.slice(0, 16), ...NON_ASCII, '/', '+', '=', '%', ':'],
]

/**
 * A secret of 8 to 64 characters. Real keys have entropy, so degenerate strings (fewer than 5 distinct
 * characters, which could match a stack trace's indentation) and outer whitespace (which HTTP trims) are out.
 */
export function secretArb(minLength = 8, maxLength = 64): fc.Arbitrary<string> {
  return fc
    .oneof(
      ...ALPHABETS.map((alphabet) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength })),
    )
    .filter((s) => new Set(s).size >= 5 && !/^\s|\s$/u.test(s))
}

/** A Nutshell login: an email, with the characters (`+`, `.`, `'`) that encodings treat specially. */
export function emailArb(): fc.Arbitrary<string> {
  const local = fc.string({
    unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789._+-'"),
    minLength: 1,
    maxLength: 20,
  })
  const domain = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'),
    minLength: 1,
    maxLength: 15,
  })
  const tld = fc.constantFrom('com', 'io', 'co.uk', 'example')
  return fc.tuple(local, domain, tld).map(([l, d, t]) => `${l}@${d}.${t}`)
}

/** One credential as the client holds it; `user` makes it HTTP Basic (`user:secret`). */
export interface Credential {
  name: string
  secret: string
  user?: string | undefined
}

// -------------------------------------------------------------------------------------------------- forms

/** One way a credential can be written, named `<value>/<spelling>` (e.g. `basic/url-double`). */
export interface Form {
  label: string
  value: string
  spelling: string
  text: string
}

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}
const unpadded = (b: string) => b.replace(/=+$/, '')
const urlSafe = (b: string) => b.replaceAll('+', '-').replaceAll('/', '_')

function jsonBody(s: string): string {
  return JSON.stringify(s).slice(1, -1)
}
function unicodeEscapes(c: string, upper: boolean): string {
  let out = ''
  for (let i = 0; i < c.length; i++) {
    const hex = c.charCodeAt(i).toString(16).padStart(4, '0')
    out += `\\u${upper ? hex.toUpperCase() : hex}`
  }
  return out
}
/** PHP's `json_encode` default: `/` as `\/`, every non-ASCII character as `\uXXXX`. */
export function phpJson(s: string, upper = false): string {
  return [...jsonBody(s)]
    .map((c) => (c === '/' ? '\\/' : c.charCodeAt(0) > 0x7e ? unicodeEscapes(c, upper) : c))
    .join('')
}
const lowerPercent = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
function userinfoEncoded(s: string): string {
  const url = new URL('https://h.example/')
  url.password = s
  return url.password
}
function queryEncoded(s: string): string {
  const url = new URL('https://h.example/')
  url.search = `?k=${s}`
  return url.search.slice(3)
}
const formEncoded = (s: string) => new URLSearchParams({ k: s }).toString().slice(2)
const htmlEscaped = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')

/**
 * Spellings of any value. `brief: true` are the forms the README promises by name; the others are what real
 * servers and runtimes also write (PHP's default JSON, RFC 3986, a URL's userinfo and query, HTML).
 */
export const SPELLINGS: readonly { name: string; brief: boolean; spell: (s: string) => string }[] = [
  { name: 'as-is', brief: true, spell: (s) => s },
  { name: 'json', brief: true, spell: jsonBody },
  { name: 'json-slash', brief: true, spell: (s) => jsonBody(s).replaceAll('/', '\\/') },
  { name: 'url', brief: true, spell: encodeURIComponent },
  { name: 'url-lower', brief: true, spell: (s) => lowerPercent(encodeURIComponent(s)) },
  { name: 'url-double', brief: true, spell: (s) => encodeURIComponent(encodeURIComponent(s)) },
  {
    name: 'url-double-lower',
    brief: true,
    spell: (s) => lowerPercent(encodeURIComponent(encodeURIComponent(s))),
  },
  { name: 'form', brief: true, spell: formEncoded },
  { name: 'form-double', brief: false, spell: (s) => formEncoded(formEncoded(s)) },
  { name: 'json-php', brief: false, spell: (s) => phpJson(s) },
  { name: 'json-php-upper', brief: false, spell: (s) => phpJson(s, true) },
  { name: 'url-rfc3986', brief: false, spell: rfc3986 },
  { name: 'url-userinfo', brief: false, spell: userinfoEncoded },
  { name: 'url-query', brief: false, spell: queryEncoded },
  { name: 'html', brief: false, spell: htmlEscaped },
]

/** The values a credential stands for: itself, its base64 (4 ways), and for Basic `user:secret`, its base64 and the header. */
function valuesOf(c: Credential): [string, string][] {
  const base64s = (prefix: string, text: string): [string, string][] => {
    const padded = b64(text)
    return [
      [`${prefix}b64`, padded],
      [`${prefix}b64-nopad`, unpadded(padded)],
      [`${prefix}b64url`, urlSafe(unpadded(padded))],
      [`${prefix}b64url-pad`, urlSafe(padded)],
    ]
  }
  const out: [string, string][] = [[c.name, c.secret], ...base64s(`${c.name}-`, c.secret)]
  if (c.user !== undefined) {
    const pair = `${c.user}:${c.secret}`
    out.push(['pair', pair], ...base64s('pair-', pair), ['basic', `Basic ${b64(pair)}`])
  }
  return out
}

/** Every form of every credential, each value in each spelling (duplicates kept, so every label is picked as often). */
export function echoForms(credentials: readonly Credential[]): Form[] {
  return credentials.flatMap((c) =>
    valuesOf(c).flatMap(([value, text]) =>
      SPELLINGS.map((s) => ({ label: `${value}/${s.name}`, value, spelling: s.name, text: s.spell(text) })),
    ),
  )
}

// ----------------------------------------------------------------------------------------------- exposure

/** One channel's text: where a user or a logger can read it. */
export interface Part {
  channel: string
  text: string
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch (error) {
    return `[JSON.stringify threw ${(error as Error).message}]`
  }
}
function show(value: unknown, options: Parameters<typeof inspect>[1] = {}): string {
  try {
    return inspect(value, {
      depth: Number.POSITIVE_INFINITY,
      maxArrayLength: null,
      maxStringLength: null,
      ...options,
    })
  } catch (error) {
    return `[inspect threw ${(error as Error).message}]`
  }
}

/**
 * Every string reachable from a value: own keys (enumerable or not, symbols too) and their values, getters
 * included, Headers/Map/Set entries, at any depth. What a logger that walks an error's fields would print.
 */
export function walk(root: unknown): string {
  const lines: string[] = []
  const seen = new Set<object>()
  const visit = (value: unknown, path: string, depth: number): void => {
    if (typeof value === 'string') lines.push(`${path}=${value}`)
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
      lines.push(`${path}=${String(value)}`)
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 400) return
    seen.add(value)
    if (value instanceof Headers || value instanceof Map) {
      for (const [k, v] of value.entries()) {
        lines.push(`${path} key ${String(k)}`)
        visit(v, `${path}[${String(k)}]`, depth + 1)
      }
    }
    if (value instanceof Set) for (const v of value) visit(v, `${path}{}`, depth + 1)
    if (value instanceof URL) lines.push(`${path}=${value.href}`)
    for (const key of Reflect.ownKeys(value)) {
      const name = String(key)
      lines.push(`${path} key ${name}`)
      let child: unknown
      try {
        child = Reflect.get(value, key)
      } catch {
        continue
      }
      visit(child, `${path}.${name}`, depth + 1)
    }
  }
  visit(root, '$', 0)
  return lines.join('\n')
}

function errorParts(error: unknown, at: string): Part[] {
  const parts: Part[] = [
    { channel: `${at} String()`, text: safe(() => String(error)) },
    { channel: `${at} JSON.stringify`, text: json(error) },
    { channel: `${at} util.inspect`, text: show(error) },
    {
      channel: `${at} util.inspect(showHidden, customInspect:false)`,
      text: show(error, { showHidden: true, customInspect: false }),
    },
    { channel: `${at} fields (walked)`, text: walk(error) },
  ]
  if (error instanceof Error) {
    parts.push(
      { channel: `${at}.message`, text: error.message },
      { channel: `${at}.stack`, text: error.stack ?? '' },
    )
    const toJSON = (error as { toJSON?: () => unknown }).toJSON
    if (typeof toJSON === 'function')
      parts.push({ channel: `${at}.toJSON()`, text: json(safe(() => toJSON.call(error))) })
    let cause: unknown = error.cause
    for (let depth = 1; cause !== undefined && depth <= 20; depth++) {
      const name = `${at}${'.cause'.repeat(depth)}`
      parts.push(
        { channel: `${name} String()`, text: safe(() => String(cause)) },
        { channel: `${name} util.inspect`, text: show(cause) },
        { channel: `${name} JSON.stringify`, text: json(cause) },
      )
      if (cause instanceof Error)
        parts.push(
          { channel: `${name}.message`, text: cause.message },
          { channel: `${name}.stack`, text: cause.stack ?? '' },
        )
      cause = cause instanceof Error ? cause.cause : undefined
    }
  }
  return parts
}

function safe(compute: () => unknown): string {
  try {
    return String(compute())
  } catch (error) {
    return `[threw ${(error as Error).message}]`
  }
}

/** What else a caller can log beside the error: `.withResponse()` responses and agent audit records. */
export interface MoreExposure {
  /** `.withResponse()`'s `response`: logged with JSON.stringify / console.log (its raw `headers` are the caller's). */
  responses?: readonly unknown[]
  /** Audit records of a scoped agent client. */
  records?: readonly unknown[]
}

/** Every channel: the error (message, stack, toJSON, JSON, inspect, String, every field, the cause chain), every hook event, and more. */
export function exposedParts(error: unknown, events: readonly unknown[], more: MoreExposure = {}): Part[] {
  const parts = error === undefined ? [] : errorParts(error, 'error')
  events.forEach((event, i) => {
    const type = (event as { hook?: string }).hook ?? `event ${i}`
    parts.push(
      { channel: `${type}#${i} JSON.stringify`, text: json(event) },
      { channel: `${type}#${i} util.inspect`, text: show(event) },
      { channel: `${type}#${i} fields (walked)`, text: walk(event) },
    )
  })
  for (const [i, response] of (more.responses ?? []).entries()) {
    parts.push(
      { channel: `withResponse().response#${i} JSON.stringify`, text: json(response) },
      { channel: `withResponse().response#${i} util.inspect`, text: show(response) },
    )
  }
  for (const [i, record] of (more.records ?? []).entries()) {
    parts.push(
      { channel: `audit record#${i} JSON.stringify`, text: json(record) },
      { channel: `audit record#${i} util.inspect`, text: show(record) },
      { channel: `audit record#${i} fields (walked)`, text: walk(record) },
    )
  }
  return parts
}

/** All of `exposedParts` as one text, each channel under its name. */
export function exposedText(error: unknown, events: readonly unknown[], more: MoreExposure = {}): string {
  return exposedParts(error, events, more)
    .map((p) => `── ${p.channel}\n${p.text}`)
    .join('\n')
}

/** Records every hook event, tagged with the hook's name. */
export function recordingHooks() {
  const events: { hook: string; [key: string]: unknown }[] = []
  const record = (hook: string) => (event: object) => {
    coverage.kinds.add(`hook:${hook}`)
    events.push({ hook, ...event })
  }
  return {
    events,
    hooks: {
      onRequest: record('onRequest'),
      onResponse: record('onResponse'),
      onRetry: record('onRetry'),
      onError: record('onError'),
      onNotice: record('onNotice'),
    },
  }
}

// ----------------------------------------------------------------------------------------------- detector

/** Undo the encodings, one layer at a time, so any spelling of a credential shows it again. */
function jsonUnescape(t: string): string {
  return t.replace(/\\(u[0-9a-fA-F]{4}|["\\/'bfnrt])/g, (_m, e: string) =>
    e.length === 5
      ? String.fromCharCode(Number.parseInt(e.slice(1), 16))
      : (({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e),
  )
}
function percentDecode(t: string): string {
  return t.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) =>
    Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'),
  )
}
function htmlDecode(t: string): string {
  return t.replace(/&(amp|lt|gt|quot|apos|#39|#x[0-9a-fA-F]+|#[0-9]+);/g, (m, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" }
    if (named[e]) return named[e]
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}
/** A UTF-8 header value as undici hands it over (each byte a Latin-1 character), read back as UTF-8. */
function latin1AsUtf8(t: string): string {
  return t.replace(/[\x80-\xff]+/g, (run) => Buffer.from(run, 'latin1').toString('utf8'))
}

const VIEWS: readonly [string, (t: string) => string][] = [
  ['as written', (t) => t],
  ['JSON-unescaped', jsonUnescape],
  ['JSON-unescaped twice', (t) => jsonUnescape(jsonUnescape(t))],
  ['URL-decoded', percentDecode],
  ['URL-decoded twice', (t) => percentDecode(percentDecode(t))],
  ['form-decoded', (t) => percentDecode(t.replaceAll('+', ' '))],
  ['HTML-decoded', htmlDecode],
  ['read as UTF-8 from Latin-1 bytes', latin1AsUtf8],
]

const PREFIX = 12

/** What must never be readable: each secret, its base64 forms, and 12-character prefixes of both (partial leaks). */
function needlesOf(c: Credential): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = []
  const add = (label: string, text: string) => {
    out.push({ label, text })
    if (text.length > PREFIX)
      out.push({ label: `first ${PREFIX} characters of ${label}`, text: text.slice(0, PREFIX) })
  }
  const base64s = (label: string, text: string) => {
    add(`base64(${label})`, unpadded(b64(text)))
    add(`URL-safe base64(${label})`, urlSafe(unpadded(b64(text))))
  }
  add(c.name, c.secret)
  base64s(c.name, c.secret)
  if (c.user !== undefined) {
    // Whole, and the part of it that shows the secret's first PREFIX characters (the user alone is no secret).
    const pair = `${c.user}:${c.secret}`
    out.push({ label: `base64(${c.user}:${c.name})`, text: unpadded(b64(pair)) })
    out.push({ label: `URL-safe base64(${c.user}:${c.name})`, text: urlSafe(unpadded(b64(pair))) })
    const head = `${c.user}:${c.secret.slice(0, PREFIX)}`
    const whole = Math.floor(new TextEncoder().encode(head).length / 3) * 4
    if (c.secret.length > PREFIX) {
      out.push({ label: `base64 of ${c.user}:first ${PREFIX} of ${c.name}`, text: b64(head).slice(0, whole) })
    }
  }
  return out
}

/**
 * The first readable credential in any channel, in any view (as written, or with one or two layers of JSON,
 * URL, form or HTML encoding undone), described precisely; undefined when there is none.
 */
export function findLeak(parts: readonly Part[], credentials: readonly Credential[]): string | undefined {
  const needles = credentials.flatMap(needlesOf)
  // As written, every whole form counts (some spellings, such as a URL's userinfo, cannot be decoded back
  // unambiguously); decoded, the secret, its base64 and their 12-character prefixes.
  const forms = echoForms(credentials).map((f) => ({ label: f.label, text: f.text }))
  const whole = parts.map((p) => p.text).join('\n\u0000\n')
  for (const [view, decode] of VIEWS) {
    const text = decode(whole)
    const needle =
      needles.find((n) => text.includes(n.text)) ??
      (view === 'as written' ? forms.find((f) => text.includes(f.text)) : undefined)
    if (needle) return describeLeak(parts, credentials, needle, view, decode)
  }
  return undefined
}

function describeLeak(
  parts: readonly Part[],
  credentials: readonly Credential[],
  needle: { label: string; text: string },
  view: string,
  decode: (t: string) => string,
): string {
  const part = parts.find((p) => decode(p.text).includes(needle.text))
  const decoded = part ? decode(part.text) : ''
  const at = decoded.indexOf(needle.text)
  const excerpt = JSON.stringify(decoded.slice(Math.max(0, at - 80), at + needle.text.length + 80))
  const raw = part?.text ?? ''
  const written = echoForms(credentials)
    .filter((f) => f.text.length >= 4 && raw.includes(f.text))
    .map((f) => f.label)
  return [
    `LEAK: ${needle.label} (${JSON.stringify(needle.text)}) is readable in ${part?.channel ?? '?'} (${view}).`,
    `  forms written there verbatim: ${written.length ? [...new Set(written)].join(', ') : 'none whole (a partial or re-encoded form)'}`,
    `  around it: ${excerpt}`,
  ].join('\n')
}

/** Throws a precise description of the first leak found. */
export function assertNoLeak(parts: readonly Part[], credentials: readonly Credential[]): void {
  const leak = findLeak(parts, credentials)
  if (leak) throw new Error(leak)
}

// ---------------------------------------------------------------------------------------- hostile failures

/** What an echo needs: the forms to pick from, the URL being called, and the raw credentials (for URLs a runtime quotes). */
export interface EchoContext {
  forms: readonly Form[]
  url: string
  credentials: readonly Credential[]
}

/** Which forms and spellings a run actually wrote, so a test can prove the corpus covered them all. */
export const coverage = {
  spellings: new Set<string>(),
  values: new Set<string>(),
  kinds: new Set<string>(),
  headers: new Set<string>(),
}

/** The form `pick` selects (uniform over the list for a uniform pick). */
export function formAt(ctx: EchoContext, pick: number): string {
  const form = ctx.forms[pick % ctx.forms.length]!
  coverage.spellings.add(form.spelling)
  coverage.values.add(form.value)
  return form.text
}

export const pickArb = fc.nat({ max: 1_000_000 })

/** A value nested up to 20 levels deep, the credential as a key at any level (`number`) and as the leaf. */
export interface DeepSpec {
  steps: (number | null | 'array')[]
  leaf: number
}
export const deepArb: fc.Arbitrary<DeepSpec> = fc.record({
  steps: fc.array(fc.oneof(pickArb, fc.constant(null), fc.constant('array' as const)), { maxLength: 20 }),
  leaf: pickArb,
})
export function renderDeep(spec: DeepSpec, ctx: EchoContext): unknown {
  let value: unknown = formAt(ctx, spec.leaf)
  for (const step of [...spec.steps].reverse()) {
    if (step === 'array') value = ['filler', value]
    else value = { [step === null ? 'nested' : formAt(ctx, step)]: value, other: 1 }
  }
  return value
}

/** An error body's fields, each echoing the credential where servers put text: message, error, code, errors[].detail, details[].field, data. */
export interface JsonSpec {
  message?: number
  error?: number
  code?: number
  errorsDetail?: number[]
  detailsField?: number[]
  data?: DeepSpec
  context?: DeepSpec
  /** `{ error: { ... } }` (Nutan, JSON-RPC) or the fields at the top (Nutshell REST). */
  nested: boolean
}
export const jsonSpecArb: fc.Arbitrary<JsonSpec> = fc.record(
  {
    message: pickArb,
    error: pickArb,
    code: pickArb,
    errorsDetail: fc.array(pickArb, { minLength: 1, maxLength: 3 }),
    detailsField: fc.array(pickArb, { minLength: 1, maxLength: 3 }),
    data: deepArb,
    context: deepArb,
    nested: fc.boolean(),
  },
  { requiredKeys: ['nested'] },
)
export function renderJson(spec: JsonSpec, ctx: EchoContext): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  if (spec.message !== undefined)
    fields.message = `Invalid credentials ${formAt(ctx, spec.message)} for this account`
  if (spec.code !== undefined) fields.code = formAt(ctx, spec.code)
  if (spec.errorsDetail)
    fields.errors = spec.errorsDetail.map((p) => ({
      detail: `bad key ${formAt(ctx, p)}`,
      status: '401',
      code: 'auth',
    }))
  if (spec.detailsField)
    fields.details = spec.detailsField.map((p) => ({
      field: formAt(ctx, p),
      message: 'is not valid',
      code: 'invalid',
    }))
  if (spec.data) fields.data = renderDeep(spec.data, ctx)
  if (spec.context) fields.context = renderDeep(spec.context, ctx)
  if (spec.nested) return { error: fields }
  if (spec.error !== undefined) fields.error = formAt(ctx, spec.error)
  return fields
}

/** How a JSON body is written: JSON.stringify, PHP's default (`\/`, `\uXXXX`), or every string character as `\uXXXX`. */
export type JsonStyle = 'plain' | 'php' | 'all-unicode'
export const jsonStyleArb = fc.constantFrom<JsonStyle>('plain', 'php', 'all-unicode')
export function serialize(value: unknown, style: JsonStyle): string {
  if (style === 'plain') return JSON.stringify(value)
  if (style === 'php')
    return [...JSON.stringify(value)]
      .map((c) => (c === '/' ? '\\/' : c.charCodeAt(0) > 0x7e ? unicodeEscapes(c, false) : c))
      .join('')
  const str = (s: string) => `"${unicodeEscapes(s, false)}"`
  const write = (v: unknown): string => {
    if (typeof v === 'string') return str(v)
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`
    if (v && typeof v === 'object')
      return `{${Object.entries(v)
        .map(([k, x]) => `${str(k)}:${write(x)}`)
        .join(',')}}`
    return JSON.stringify(v) ?? 'null'
  }
  return write(value)
}

const LOREM =
  'The request could not be completed because the server encountered an unexpected condition while it was processing the credentials that were supplied with it; please retry later or contact support with the details below. '

export type BodySpec =
  | { kind: 'json'; json: JsonSpec; style: JsonStyle }
  | { kind: 'json-string'; pick: number; style: JsonStyle }
  | { kind: 'html'; title: number; h1: number }
  | { kind: 'text'; pad: number; pick: number }
  | { kind: 'truncated'; json: JsonSpec; style: JsonStyle; cut: number }
  | { kind: 'empty'; whitespace: boolean }

export const bodyArb: fc.Arbitrary<BodySpec> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('json' as const), json: jsonSpecArb, style: jsonStyleArb }),
  },
  fc.record({ kind: fc.constant('json-string' as const), pick: pickArb, style: jsonStyleArb }),
  fc.record({ kind: fc.constant('html' as const), title: pickArb, h1: pickArb }),
  fc.record({ kind: fc.constant('text' as const), pad: fc.integer({ min: 150, max: 250 }), pick: pickArb }),
  fc.record({
    kind: fc.constant('truncated' as const),
    json: jsonSpecArb,
    style: jsonStyleArb,
    cut: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('empty' as const), whitespace: fc.boolean() }),
)

/** The body text and its content type. */
export function renderBody(spec: BodySpec, ctx: EchoContext): { text: string; type: string } {
  coverage.kinds.add(`body:${spec.kind}${'style' in spec ? `:${spec.style}` : ''}`)
  switch (spec.kind) {
    case 'json':
      return { text: serialize(renderJson(spec.json, ctx), spec.style), type: 'application/json' }
    case 'json-string':
      return {
        text: serialize(`Invalid API key: ${formAt(ctx, spec.pick)}`, spec.style),
        type: 'application/json',
      }
    case 'html': {
      const text = `<!DOCTYPE html>\n<html><head><title>401 ${formAt(ctx, spec.title)}</title></head><body><h1>Unauthorized ${formAt(ctx, spec.h1)}</h1></body></html>`
      return { text, type: 'text/html; charset=UTF-8' }
    }
    case 'text': {
      // The credential starts after 150-250 characters: a 200-character excerpt taken before redaction would cut it.
      const pad = LOREM.repeat(2).slice(0, spec.pad)
      return { text: `${pad}${formAt(ctx, spec.pick)} (see logs)`, type: 'text/plain' }
    }
    case 'truncated': {
      // Cut inside a trailing filler field, so every echoed form is whole: the body is malformed, not the echo.
      const full = serialize({ ...renderJson(spec.json, ctx), zz: 'x'.repeat(48) }, spec.style)
      return { text: full.slice(0, full.length - 2 - spec.cut), type: 'application/json' }
    }
    case 'empty':
      return { text: spec.whitespace ? ' \n ' : '', type: 'application/json' }
  }
}

/** Response headers a hostile server echoes the credential in. */
export const HEADER_TEMPLATES: Record<string, (v: string) => string> = {
  'www-authenticate': (v) => `Basic realm="${v}", Bearer error="invalid_token", error_description="${v}"`,
  'x-request-id': (v) => v,
  'x-nutshell-request-id': (v) => `req_${v}`,
  'request-id': (v) => v,
  'ratelimit-policy': (v) => `100;w=60;comment="${v}"`,
  'set-cookie': (v) => `session=${v}; Path=/; HttpOnly`,
  location: (v) => `https://app.nutshell.com/login?api_key=${v}&next=%2F`,
  'retry-after': (v) => v,
  link: (v) => `<https://app.nutshell.com/rest/leads?key=${v}>; rel="next"`,
  'x-debug-authorization': (v) => v,
}
export interface HeaderEcho {
  name: string
  pick: number
}
export const headersArb: fc.Arbitrary<HeaderEcho[]> = fc.array(
  fc.record({ name: fc.constantFrom(...Object.keys(HEADER_TEMPLATES)), pick: pickArb }),
  { maxLength: 6 },
)

/** A header value as it arrives through fetch: a UTF-8 server's bytes, each read as one Latin-1 character. */
export function onTheWire(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1')
}

/** An HTTP error answer: status, status text, headers and body, each echoing the credential. */
export interface HttpFailure {
  kind: 'http'
  status: number
  statusText?: number
  headers: HeaderEcho[]
  body: BodySpec
  /** Seconds, on a 429. */
  retryAfter?: number
}
export function httpFailureArb(
  status: fc.Arbitrary<number> = fc.integer({ min: 400, max: 599 }),
): fc.Arbitrary<HttpFailure> {
  return fc
    .record(
      {
        status,
        statusText: pickArb,
        headers: headersArb,
        body: bodyArb,
        retryAfter: fc.integer({ min: 1, max: 120 }),
      },
      { requiredKeys: ['status', 'headers', 'body'] },
    )
    .map((f) => ({
      ...f,
      kind: 'http' as const,
      retryAfter: f.status === 429 ? (f.retryAfter ?? 30) : undefined,
    }))
}

export function echoHeaders(
  echoes: readonly HeaderEcho[],
  ctx: EchoContext,
  headers = new Headers(),
): Headers {
  for (const echo of echoes) {
    coverage.headers.add(echo.name)
    headers.append(echo.name, onTheWire(HEADER_TEMPLATES[echo.name]!(formAt(ctx, echo.pick))))
  }
  return headers
}

export function httpResponse(f: HttpFailure, ctx: EchoContext): Response {
  const body = renderBody(f.body, ctx)
  const headers = new Headers({ 'content-type': body.type })
  echoHeaders(f.headers, ctx, headers)
  if (f.retryAfter !== undefined) headers.set('retry-after', String(f.retryAfter))
  const statusText = f.statusText === undefined ? '' : onTheWire(`Denied ${formAt(ctx, f.statusText)}`)
  if (f.statusText !== undefined) coverage.kinds.add('status-text')
  return new Response(body.text || null, { status: f.status, statusText, headers })
}

/** A connection failure whose causes (1 to 10 deep) quote the URL with the credential in its userinfo or query. */
export interface NetworkFailure {
  kind: 'network'
  /** `fetch failed` (undici), node-fetch's `request to <url> failed`, a plain Error quoting the URL, or a bare string. */
  top: 'fetch-failed' | 'node-fetch' | 'plain' | 'string'
  depth: number
  /** Where each level's URL carries the credential. */
  where: ('userinfo' | 'searchParams' | 'search' | 'concatenated')[]
  code: string
  /** Axios-style fields on the causes: `config.headers.Authorization`, `request._header`. */
  props: boolean
  headerPick: number
  /** Fails while connecting, or mid-body after the headers arrived. */
  stage: 'connect' | 'body'
}
export const networkFailureArb: fc.Arbitrary<NetworkFailure> = fc.record({
  kind: fc.constant('network' as const),
  top: fc.constantFrom('fetch-failed' as const, 'node-fetch' as const, 'plain' as const, 'string' as const),
  depth: fc.integer({ min: 1, max: 10 }),
  where: fc.array(
    fc.constantFrom('userinfo' as const, 'searchParams' as const, 'search' as const, 'concatenated' as const),
    { minLength: 1, maxLength: 10 },
  ),
  code: fc.constantFrom('ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'ENOTFOUND'),
  props: fc.boolean(),
  headerPick: pickArb,
  stage: fc.constantFrom('connect' as const, 'body' as const),
})

/** The URL a runtime would quote, the credential in it the way `where` says. */
function hostileUrl(ctx: EchoContext, where: NetworkFailure['where'][number], i: number): string {
  const c = ctx.credentials[i % ctx.credentials.length]!
  const url = new URL(ctx.url)
  switch (where) {
    case 'userinfo':
      url.username = c.user ?? 'token'
      url.password = c.secret
      return url.href
    case 'searchParams':
      url.searchParams.set(c.user === undefined ? 'access_token' : 'api_key', c.secret)
      return url.href
    case 'search':
      url.search = `?token=${c.secret}`
      return url.href
    case 'concatenated':
      return `${ctx.url}${ctx.url.includes('?') ? '&' : '?'}key=${c.secret}`
  }
}

/** The rejection the custom fetch throws (or the error its body stream fails with). */
export function networkError(f: NetworkFailure, ctx: EchoContext): unknown {
  coverage.kinds.add(`network:${f.top}:${f.stage}`)
  let cause: Error | undefined
  for (let level = 0; level < f.depth; level++) {
    const url = hostileUrl(ctx, f.where[level % f.where.length]!, level)
    const error = new Error(
      `${level % 2 ? 'read' : 'connect'} ${f.code} ${url}`,
      cause ? { cause } : undefined,
    )
    Object.assign(error, { code: f.code, errno: -104, syscall: 'read', url })
    if (f.props) {
      const authorization = formAt(ctx, f.headerPick)
      Object.assign(error, {
        config: { url, headers: { Authorization: authorization } },
        request: { _header: `GET ${url} HTTP/1.1\r\nAuthorization: ${authorization}\r\n\r\n` },
      })
    }
    cause = error
  }
  const url = hostileUrl(ctx, f.where[0]!, 0)
  switch (f.top) {
    case 'fetch-failed':
      return new TypeError('fetch failed', { cause })
    case 'node-fetch':
      return Object.assign(new Error(`request to ${url} failed, reason: ${cause?.message}`, { cause }), {
        name: 'FetchError',
        type: 'system',
        code: f.code,
        errno: f.code,
      })
    case 'plain':
      return Object.assign(new Error(`${url}: ${f.code}`, { cause }), { code: f.code })
    case 'string':
      return `request to ${url} failed (${f.code})`
  }
}

/** For `stage: 'body'`: a 200 whose body stream fails part-way with the network error. */
export function failingBodyResponse(f: NetworkFailure, ctx: EchoContext): Response {
  const error = networkError(f, ctx)
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"items":[{"id":'))
      controller.error(error)
    },
  })
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } })
}

/** The custom fetch's answer to one hostile failure. */
export async function answer(f: HttpFailure | NetworkFailure, ctx: EchoContext): Promise<Response> {
  if (f.kind === 'http') return httpResponse(f, ctx)
  if (f.stage === 'body') return failingBodyResponse(f, ctx)
  throw networkError(f, ctx)
}

export const failureArb = (status?: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 3, arbitrary: httpFailureArb(status) }, { weight: 1, arbitrary: networkFailureArb })

/**
 * The rejection of a call; fails when it resolves, or rejects with anything but an SdkError (a raw runtime
 * error escaping the SDK would skip its redaction, and a TypeError from the test itself would pass unseen).
 */
export async function rejectionOf(call: () => PromiseLike<unknown>): Promise<SdkError> {
  try {
    await call()
  } catch (error) {
    if (error instanceof SdkError) return error
    throw new Error(`expected an SdkError, got ${error instanceof Error ? error.name : typeof error}`)
  }
  throw new Error('expected the call to fail')
}

/** Spellings and body kinds every run must have exercised (proves the corpus covers what it claims). */
export function missingCoverage(): string[] {
  return SPELLINGS.map((s) => s.name).filter((s) => !coverage.spellings.has(s))
}
