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
  type PagingInput,
  type ResolvedListParams,
  type SearchListInput,
  type Sort,
} from './list-params'
