import * as z from 'zod/mini'
import {
  type RecordBase,
  type RecordLinks,
  recordBase,
  type TimeValue,
  TimeValueSchema,
  typedSchema,
} from './common'
import { collectionResponse } from './response'

/** A Nutshell user on the account (a sales rep or admin). */
export interface User extends RecordBase {
  links?: RecordLinks
  /** The full name (the document leaves its shape open; a string on the live service). */
  name?: string | Readonly<Record<string, unknown>> | null
  firstName?: string | null
  /** Email addresses (strings; some answers carry entry objects). */
  emails?: (string | Readonly<Record<string, unknown>>)[] | null
  isEnabled?: boolean | null
  isAdministrator?: boolean | null
  hasSetPassword?: boolean | null
  isViewingRestricted?: boolean | null
  isHiddenFromFilters?: boolean | null
  canAccessEmailMarketing?: boolean | null
  permissions?: Record<string, unknown> | null
  modifiedTime?: TimeValue | null
  avatarUrl?: string | null
  initials?: string | null
}
const userObject = z.looseObject({
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
export const UserSchema = typedSchema<User>()(userObject)

/** Body of the user endpoints. */
export const UsersResponseSchema = collectionResponse('users', UserSchema)
export type UsersResponse = z.infer<typeof UsersResponseSchema>
