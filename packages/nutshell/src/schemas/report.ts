import * as z from 'zod/mini'
import { type Declared, NutshellIdSchema } from './common'

/** One bucket of a report: a name, its count and total, and the filters that select it. */
export interface ReportBucket extends Declared<z.infer<typeof reportBucketObject>> {}
const reportBucketObject = z.looseObject({
  bucket: z.nullish(z.string()),
  // `ReportCount` in the document; its shape varies by report.
  count: z.nullish(z.unknown()),
  total: z.nullish(z.unknown()),
  bucketType: z.nullish(z.string()),
  bucketSubtype: z.nullish(z.string()),
  filters: z.nullish(z.array(z.string())),
  segments: z.nullish(z.array(z.string())),
})
export const ReportBucketSchema: z.ZodMiniType<ReportBucket> = reportBucketObject

/** One generated report (`NutReportOnDemandReport`). */
export interface Report extends Declared<z.infer<typeof reportObject>> {}
const reportObject = z.looseObject({
  id: NutshellIdSchema,
  type: z.optional(z.string()),
  key: z.nullish(z.string()),
  name: z.nullish(z.string()),
  prefix: z.nullish(z.string()),
  data: z.nullish(z.array(z.looseObject({ bucket: z.nullish(ReportBucketSchema) }))),
  summary: z.nullish(ReportBucketSchema),
})
export const ReportSchema: z.ZodMiniType<Report> = reportObject

/** Body of `GET /leads/report` in JSON: `{ reports: [{ report }] }`. */
export const LeadReportResponseSchema = z.looseObject({
  reports: z.nullish(z.array(z.looseObject({ report: z.nullish(ReportSchema) }))),
})
export type LeadReportResponse = z.infer<typeof LeadReportResponseSchema>

/** Report kinds, bucket sizes, segmentations and formats `GET /leads/report` takes. */
export const REPORT_TYPES = ['sales', 'losses', 'newleads', 'forecast', 'attribution', 'custom'] as const
export const REPORT_GAPS = ['d', 'w', 'm', 'y', 'q'] as const
export const REPORT_SEGMENTS = [
  'outcomes',
  'competitors',
  'products',
  'productCategories',
  'assignees',
  'territories',
  'sources',
  'tags',
  'channels',
] as const
export const REPORT_FORMATS = ['json', 'csv', 'pdf', 'png', 'html'] as const
