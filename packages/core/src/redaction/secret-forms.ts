/** Secrets shorter than this are not redacted: every short word would match. */
const MIN_SECRET_LENGTH = 4

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** A base64 value also appears without padding and in the URL-safe alphabet. */
function base64Forms(text: string): string[] {
  const padded = base64(text)
  const unpadded = padded.replace(/=+$/, '')
  return [padded, unpadded, unpadded.replaceAll('+', '-').replaceAll('/', '_')]
}

/** The base64 of `text`'s first bytes, cut to the groups they fully decide (what a truncated copy shows). */
function base64Head(text: string): string[] {
  const whole = Math.floor(new TextEncoder().encode(text).length / 3) * 4
  return base64Forms(text).map((form) => form.slice(0, whole))
}

/** A secret's first characters are redacted on their own too: a server may echo a truncated copy. */
const PREFIX_LENGTH = 12

/**
 * The values a credential can come back as: each secret itself and its base64, and, for HTTP Basic,
 * `user:secret` and its base64 (the `Authorization` header's value); also what a truncated copy of each
 * shows of the secret's first `PREFIX_LENGTH` characters. How each may be spelled (URL- or JSON-escaped, in any mix) is the redactor's concern. Longest
 * first, so the whole of a secret is replaced before a prefix of it is looked for.
 */
export function secretForms(secrets: readonly (string | undefined)[], basicUser?: string): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue
    const head = secret.slice(0, PREFIX_LENGTH)
    for (const form of [secret, head, ...base64Forms(secret), ...base64Head(head)]) forms.add(form)
    if (basicUser !== undefined) {
      const pair = `${basicUser}:${secret}`
      for (const form of [pair, ...base64Forms(pair), ...base64Head(`${basicUser}:${head}`)]) forms.add(form)
    }
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}
