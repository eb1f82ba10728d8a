export {
  type Filter,
  type FilterCondition,
  type FilterOperator,
  type FilterRange,
  type FilterScalar,
  type FilterSubValue,
  filterQuery,
  isOperator,
  isRange,
} from './filter'
export {
  FilterSchema,
  listParamsSchema,
  MAX_PAGE_LIMIT,
  type PagingInput,
  type ResolvedListParams,
  type SearchListInput,
  type Sort,
} from './list-params'
