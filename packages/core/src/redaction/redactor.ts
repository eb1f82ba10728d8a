/** Deeper than this, `deep()` drops content instead of recursing (it is never shown unscrubbed). */
const MAX_DEPTH = 256

/** How many layers of `\uXXXX` escapes `text()` looks through. */
const MAX_ESCAPE_LAYERS = 3
const UNICODE_ESCAPES = /\\u([0-9a-f]{4})/gi

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]'

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0')

/**
 * Extra spellings of characters that escaping changes: HTML's named references, and JSON's escapes of
 * `/`, `"` and `\`, escaped once or several times over (JSON inside JSON).
 */
const EXTRA_SPELLINGS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '\\\\*"|&quot;',
  "'": '&apos;',
  '/': '\\\\*/',
  '\\': '\\\\+',
  ' ': '\\+|%(?:25)?2b',
}

/**
 * A pattern for one character however a server, a URL or a JSON encoder may have written it: itself,
 * percent-encoded (once or twice: `%3D`, `%253D`), JSON-escaped (`\u0041`, `\/`, also escaped again),
 * an HTML character reference, or `+` for a form-encoded space. Servers mix these within one string.
 */
function anySpelling(char: string): string {
  const code = char.codePointAt(0) ?? 0
  const bytes = [...new TextEncoder().encode(char)].map((b) => `%(?:25)?${hex(b, 2)}`).join('')
  const units = code > 0xffff ? [char.charCodeAt(0), char.charCodeAt(1)] : [code]
  const json = units.map((u) => `\\\\+u${hex(u, 4)}`).join('')
  const html = `&#(?:x0*${hex(code, 1)}|0*${code});`
  const extra = EXTRA_SPELLINGS[char]
  return `(?:${escapeRegExp(char)}|${bytes}|${json}|${html}${extra ? `|${extra}` : ''})`
}

/** A pattern for a secret form in any mix of spellings (see `anySpelling`). */
function spelledAnyWay(form: string): string {
  return [...form].map(anySpelling).join('')
}

/**
 * Scrubs secrets out of text and data, in any spelling (see `anySpelling`). Matching ignores case, so
 * `%3d` and `%3D` are both caught; the price is that a string differing from a secret only in case is
 * redacted too.
 */
export class Redactor {
  readonly #pattern: RegExp | undefined

  constructor(forms: readonly string[]) {
    const longestFirst = [...forms].sort((a, b) => b.length - a.length)
    this.#pattern = longestFirst.length
      ? new RegExp(longestFirst.map(spelledAnyWay).join('|'), 'gi')
      : undefined
  }

  /**
   * The text with every secret form replaced by `[REDACTED]`. Text holding `\uXXXX` escapes is also read
   * with them decoded, layer by layer (JSON inside JSON); the first layer in which a secret shows is
   * returned, redacted. Text with no secret comes back as it was.
   */
  text(text: string): string {
    const pattern = this.#pattern
    if (!pattern) return text
    let layer = text
    for (let depth = 0; depth <= MAX_ESCAPE_LAYERS; depth++) {
      const redacted = layer.replace(pattern, REDACTED)
      if (redacted !== layer) return redacted
      const decoded = layer.replace(UNICODE_ESCAPES, (_, code: string) =>
        String.fromCharCode(Number.parseInt(code, 16)),
      )
      if (decoded === layer) break
      layer = decoded
    }
    return text
  }

  /**
   * A response header's value, scrubbed. Header values arrive as bytes, one character each; a server that
   * writes UTF-8 there is read back as UTF-8 first, so a non-ASCII secret is recognised in it too.
   */
  header(value: string): string {
    const bytes = [...value].map((c) => c.charCodeAt(0))
    const utf8Bytes = bytes.some((b) => b > 0x7f) && bytes.every((b) => b <= 0xff)
    return this.text(utf8Bytes ? new TextDecoder().decode(Uint8Array.from(bytes)) : value)
  }

  /**
   * A scrubbed copy of any value, at any depth: strings redacted (object keys too), arrays and objects
   * copied as plain data, a cycle replaced by `'[Circular]'`. Errors become `{ name, message }`. Nesting
   * deeper than any real body (a hostile one, built to exhaust the stack) is dropped, not copied.
   */
  deep(value: unknown): unknown {
    return this.#copy(value, new Set())
  }

  #copy(value: unknown, path: Set<object>): unknown {
    if (typeof value === 'string') return this.text(value)
    if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value
    if (value instanceof Date) return new Date(value.getTime())
    if (path.has(value)) return '[Circular]'
    if (path.size >= MAX_DEPTH) return '[Too deep]'
    path.add(value)
    try {
      if (Array.isArray(value)) return value.map((item) => this.#copy(item, path))
      if (value instanceof Error) return { name: value.name, message: this.text(value.message) }
      const entries = value instanceof Headers ? [...value.entries()] : Object.entries(value)
      const out: Record<string, unknown> = {}
      for (const [key, item] of entries) out[this.text(key)] = this.#copy(item, path)
      return out
    } finally {
      path.delete(value)
    }
  }
}

const cache = new WeakMap<readonly string[], Redactor>()

/** The redactor for a list of secret forms, built once per list. */
export function redactorFor(forms: readonly string[]): Redactor {
  let redactor = cache.get(forms)
  if (!redactor) {
    redactor = new Redactor(forms)
    cache.set(forms, redactor)
  }
  return redactor
}
