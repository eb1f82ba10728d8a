import type { Schema } from '@x/core'
import * as z from 'zod/mini'
import { recordSchema } from './common'

/** The body of a successful token answer (code exchange or refresh), as the SDK assumes it. */
export interface TokenResponse {
  access_token: string
  refresh_token?: string | null | undefined
  token_type?: string | null | undefined
  /** Lifetime of the access token in seconds. */
  expires_in?: number | null | undefined
}
export const TokenResponseSchema: Schema<TokenResponse> = recordSchema({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.nullish(z.string()),
  token_type: z.nullish(z.string()),
  /** Lifetime of the access token in seconds. */
  expires_in: z.nullish(z.number()),
})

/** `NutanClient.exchangeCode` input: the OAuth/SSO callback's code and the redirect URI it used. */
export const ExchangeCodeParamsSchema = z.looseObject({
  code: z.string().check(z.minLength(1, 'must not be empty')),
  redirectUri: z.string().check(z.minLength(1, 'must not be empty')),
  /** The PKCE verifier, when the authorization request used a challenge. */
  codeVerifier: z.optional(z.string()),
})
