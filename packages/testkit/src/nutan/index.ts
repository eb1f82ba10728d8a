export type { NutanErrorDetail } from './errors'
export { type NutanHandlerOptions, nutanHandlers } from './handlers'
export type { NutanListEnvelope, NutanOverLimit } from './paging'
export { createPrng, type Prng } from './prng'
export { NUTAN_SYNC_BATCH_LIMIT } from './routes/sync'
export { createNutanState, resetNutanState } from './state'
export { Table } from './table'
export {
  grantNutanAuthCode,
  issueNutanTokens,
  NUTAN_TEST_AUTH_CODE,
  NUTAN_TEST_REFRESH_TOKEN,
  NUTAN_TEST_SUBJECT,
  type NutanTokenCheck,
  type NutanTokenResponse,
  verifyNutanAccessToken,
} from './tokens'
export * from './types'
