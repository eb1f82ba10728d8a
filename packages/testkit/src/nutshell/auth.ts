import type { AuthorisedUser, NutshellDb } from './db'

/** The user whose HTTP Basic credentials (email + API key) the request carries, if they are valid. */
export function authenticate(db: NutshellDb, request: Request): AuthorisedUser | undefined {
  const header = request.headers.get('authorization')
  const match = header ? /^Basic\s+(.+)$/i.exec(header.trim()) : null
  if (!match) return undefined
  let decoded: string
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]!), (char) => char.charCodeAt(0)))
  } catch {
    return undefined
  }
  const colon = decoded.indexOf(':')
  if (colon === -1) return undefined
  const email = decoded.slice(0, colon).toLowerCase()
  const apiKey = decoded.slice(colon + 1)
  return db.credentials.find((user) => user.email.toLowerCase() === email && user.apiKey === apiKey)
}
