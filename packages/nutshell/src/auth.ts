/** The HTTP Basic credential for an email and API key (UTF-8, as browsers and servers expect). */
export function basicAuth(email: string, apiKey: string): string {
  const bytes = new TextEncoder().encode(`${email}:${apiKey}`)
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return `Basic ${btoa(binary)}`
}
