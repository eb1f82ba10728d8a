import * as z from 'zod/mini'
import { recordBase, TimeValueSchema } from './common'
import { collectionResponse } from './response'

/** A Nutshell user on the account (a sales rep or admin). */
export const UserSchema = z.looseObject({
  ...recordBase,
  name: z.nullish(z.union([z.string(), z.looseObject({})])),
  firstName: z.nullish(z.string()),
  emails: z.nullish(z.array(z.union([z.string(), z.looseObject({})]))),
  isEnabled: z.nullish(z.boolean()),
  isAdministrator: z.nullish(z.boolean()),
  hasSetPassword: z.nullish(z.boolean()),
  isViewingRestricted: z.nullish(z.boolean()),
  isHiddenFromFilters: z.nullish(z.boolean()),
  canAccessEmailMarketing: z.nullish(z.boolean()),
  permissions: z.nullish(z.record(z.string(), z.unknown())),
  modifiedTime: z.nullish(TimeValueSchema),
  avatarUrl: z.nullish(z.string()),
  initials: z.nullish(z.string()),
})
export type User = z.infer<typeof UserSchema>

/** Body of the user endpoints. */
export const UsersResponseSchema = collectionResponse('users', UserSchema)
export type UsersResponse = z.infer<typeof UsersResponseSchema>
