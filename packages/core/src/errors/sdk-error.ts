/** Fields every SDK error can serialize; never holds a credential. */
export interface ErrorJson {
  name: string
  message: string
  [key: string]: unknown
}

/** Base class of every error the SDKs throw. */
export class SdkError extends Error {
  override name = 'SdkError'

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }

  /** A plain, credential-free view of the error for logs and JSON. */
  toJSON(): ErrorJson {
    return { name: this.name, message: this.message }
  }
}
