import * as z from 'zod/mini'

/** The body of a successful token answer (code exchange or refresh), as the SDK assumes it. */
export const TokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.nullish(z.string()),
  token_type: z.nullish(z.string()),
  /** Lifetime of the access token in seconds. */
  expires_in: z.nullish(z.number()),
})
export type TokenResponse = z.infer<typeof TokenResponseSchema>

/** `NutanClient.exchangeCode` input: the OAuth/SSO callback's code and the redirect URI it used. */
export const ExchangeCodeParamsSchema = z.looseObject({
  code: z.string().check(z.minLength(1, 'must not be empty')),
  redirectUri: z.string().check(z.minLength(1, 'must not be empty')),
  /** The PKCE verifier, when the authorization request used a challenge. */
  codeVerifier: z.optional(z.string()),
})
