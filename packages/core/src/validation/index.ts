export { extraFields, fieldsOf } from './extra-fields'
export { formatPath, toIssues } from './issues'
export { openEnum } from './open-enum'
export { type OptionalFields, optionalFields } from './optional-fields'
export {
  checkResponse,
  parseBody,
  parseInput,
  type ResponseCheck,
  type Schema,
  type ValidationMode,
} from './validate'
