export {
  parseWebhook,
  REFETCHABLE_TYPES,
  type RefetchableType,
  toBatch,
  type WebhookBatch,
  type WebhookEvent,
} from './parse'
