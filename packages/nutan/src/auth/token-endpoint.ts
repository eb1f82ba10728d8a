import { assertSafeForCredentials, joinUrl, type RequestOptions, type Transport } from '@x/core'
import { TokenResponseSchema } from '../schemas/auth'
import type { NutanAuthOptions } from './options'

/** A token pair as the SDK hands it to `onTokens` and returns it from `exchangeCode`. */
export interface NutanTokens {
  accessToken: string
  /** The refresh token to keep; the previous one when the server did not rotate it. */
  refreshToken: string | undefined
  tokenType: string | undefined
  /** Seconds the access token lives, as the server said. */
  expiresIn: number | undefined
  /** Epoch ms when the access token expires, by this machine's clock. */
  expiresAt: number | undefined
}

/** Posts one grant to the token endpoint (strict tier, no bearer token, never refreshed on 401). */
export async function requestTokens(
  transport: Transport,
  path: string,
  grant: Record<string, string | undefined>,
  auth: NutanAuthOptions,
  options?: RequestOptions,
): Promise<NutanTokens> {
  const url = new URL(joinUrl(transport.options.baseUrl, path))
  // The transport only checks calls that carry an Authorization header; these carry secrets in the body.
  assertSafeForCredentials(url)
  const fields: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...grant, client_id: auth.clientId })) {
    if (value !== undefined) fields[key] = value
  }
  const form = auth.bodyFormat === 'form'
  const sentAt = Date.now()
  const body = await transport.request({
    method: 'POST',
    path,
    body: form ? new URLSearchParams(fields).toString() : fields,
    contentType: form ? 'application/x-www-form-urlencoded' : undefined,
    tier: 'strict',
    auth: false,
    refreshOn401: false,
    schema: TokenResponseSchema,
    issuesSecrets: (tokens) => [tokens.access_token, tokens.refresh_token ?? undefined],
    // The SDK cannot work with a token answer it does not understand.
    options: { ...options, validation: 'strict' },
  })
  const expiresIn = body.expires_in ?? undefined
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? grant.refresh_token,
    tokenType: body.token_type ?? undefined,
    expiresIn,
    expiresAt: expiresIn === undefined ? undefined : sentAt + expiresIn * 1000,
  }
}
