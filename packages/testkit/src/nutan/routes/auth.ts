import type { HttpHandler } from 'msw'
import { NutanHttpError } from '../errors'
import { json, type NutanRoute, type NutanRouteContext } from '../router'
import { issueNutanTokens } from '../tokens'
import { readObjectBody } from '../validate'

function required(body: Record<string, unknown>, field: string): string {
  const value = body[field]
  if (typeof value === 'string' && value !== '') return value
  throw new NutanHttpError(400, 'invalid_request', 'Request validation failed', [
    { field, message: 'Required' },
  ])
}

const invalidGrant = (message: string): NutanHttpError => new NutanHttpError(401, 'invalid_grant', message)

function exchangeCode(ctx: NutanRouteContext, body: Record<string, unknown>): Response {
  const code = required(body, 'code')
  const { tokens } = ctx.state
  if (!tokens.authCodes.has(code)) throw invalidGrant('Authorization code is invalid or was already used')
  tokens.authCodes.delete(code)
  tokens.usedAuthCodes.add(code)
  return json(issueNutanTokens(ctx.state, ctx.now, ctx.options.accessTokenTtlMs))
}

function refresh(ctx: NutanRouteContext, body: Record<string, unknown>): Response {
  const token = required(body, 'refresh_token')
  const { tokens } = ctx.state
  if (!tokens.refreshTokens.has(token)) throw invalidGrant('Refresh token is invalid or was rotated out')
  // Rotation: the presented refresh token dies the moment its successor is issued.
  tokens.refreshTokens.delete(token)
  tokens.rotatedRefreshTokens.add(token)
  return json(issueNutanTokens(ctx.state, ctx.now, ctx.options.accessTokenTtlMs))
}

/** `POST /v1/auth/token`: code exchange and refresh, in the strict rate tier, without a bearer token. */
export function authRoutes(route: NutanRoute): HttpHandler[] {
  return [
    route(
      'post',
      '*/v1/auth/token',
      async (ctx) => {
        const body = await readObjectBody(ctx.request)
        const grant = required(body, 'grant_type')
        if (grant === 'authorization_code') return exchangeCode(ctx, body)
        if (grant === 'refresh_token') return refresh(ctx, body)
        throw new NutanHttpError(
          400,
          'unsupported_grant_type',
          'grant_type must be authorization_code or refresh_token',
        )
      },
      { tier: 'strict', auth: false },
    ),
  ]
}
