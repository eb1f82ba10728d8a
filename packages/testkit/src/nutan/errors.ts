/** One field problem in a 400 body; messages describe the rule, never the value sent. */
export interface NutanErrorDetail {
  field: string
  message: string
}

/** Thrown inside a route to answer with Nutan's error body `{ error, message, details? }`. */
export class NutanHttpError extends Error {
  readonly status: number
  readonly code: string
  readonly details: NutanErrorDetail[] | undefined
  readonly headers: Record<string, string>

  constructor(
    status: number,
    code: string,
    message: string,
    details?: NutanErrorDetail[],
    headers: Record<string, string> = {},
  ) {
    super(message)
    this.status = status
    this.code = code
    this.details = details
    this.headers = headers
  }
}

/** A 400 listing every field problem at once. */
export function validationError(details: NutanErrorDetail[]): NutanHttpError {
  return new NutanHttpError(400, 'validation_error', 'Request validation failed', details)
}

/** A 404 naming the kind of record, not its id or contents. */
export function notFound(kind: string): NutanHttpError {
  return new NutanHttpError(404, 'not_found', `${kind} not found`)
}
