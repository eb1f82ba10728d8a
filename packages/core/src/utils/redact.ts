const MIN_SECRET_LENGTH = 4

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Every form in which a secret could appear in text: itself, URL-encoded, and inside Basic auth. */
export function secretForms(secrets: readonly (string | undefined)[], basicUser?: string): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue
    forms.add(secret)
    forms.add(encodeURIComponent(secret))
    if (basicUser !== undefined) forms.add(base64(`${basicUser}:${secret}`))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

/** Replaces every occurrence of a secret in a string with `[REDACTED]`. */
export function redactText(text: string, forms: readonly string[]): string {
  let out = text
  for (const form of forms) if (out.includes(form)) out = out.split(form).join('[REDACTED]')
  return out
}
