/** Thrown for a schema node that cannot be described exactly; the caller then leaves the schema to zod. */
export const UNSUPPORTED = new Error('unsupported schema node')
