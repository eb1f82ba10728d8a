export { REDACTED, Redactor, redactorFor } from './redactor'
export { sanitizeError } from './sanitize-error'
export { secretForms } from './secret-forms'
