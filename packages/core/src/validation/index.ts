export { formatPath, toIssues } from './issues'
export { openEnum } from './open-enum'
export { checkResponse, parseInput, type ResponseCheck, type Schema, type ValidationMode } from './validate'
