export {
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorDetail,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from './api-error'
export { brandErrorClass, errorBrand } from './brand'
export { apiErrorFromResponse, apiErrorFromStatus, type ErrorBodyReader } from './from-response'
export {
  AbortError,
  ConnectionError,
  LimiterUnavailableError,
  type RequestPlace,
  TimeoutError,
} from './local-errors'
export { type ErrorJson, SdkError } from './sdk-error'
export { InputValidationError, ResponseValidationError, type ValidationIssue } from './validation-errors'
