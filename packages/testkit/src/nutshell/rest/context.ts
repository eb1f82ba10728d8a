import type { AuthorisedUser, NutshellDb } from '../db'
import { badRequest } from '../responses'

/** Everything a REST route needs about the request it answers. */
export interface RestContext {
  request: Request
  url: URL
  params: Record<string, string>
  db: NutshellDb
  user: AuthorisedUser
  /** The REST base URL as the caller addressed it, e.g. `http://127.0.0.1:5000/rest`. */
  base: string
  /** The app's base URL (for `htmlUrl`), e.g. `http://127.0.0.1:5000`. */
  appBase: string
  now: number
}

/** Reads the JSON body; a malformed one is a 400 in Nutshell's error shape. */
export async function readJson(ctx: RestContext, errorType: string): Promise<unknown> {
  const text = await ctx.request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return badRequest(errorType, 'The request body is not valid JSON.')
  }
}
