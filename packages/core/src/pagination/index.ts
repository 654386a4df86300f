export type { ItemsOf, PageQuery, PageResponse, PaginationStrategy } from './strategy.js';
export {
  collectAll,
  DEFAULT_MAX_PAGES,
  paginate,
  paginatePages,
  type Page,
  type PaginateOptions,
} from './paginate.js';
export { paginateEndpoint, type PageCallOptions, type PaginateEndpointOptions } from './paginate-endpoint.js';
export { cursorPagination, type CursorPaginationOptions } from './cursor.js';
export { tokenPagination, type TokenPaginationOptions } from './token.js';
export { offsetPagination, type OffsetPaginationOptions } from './offset.js';
export { pageNumberPagination, type PageNumberPaginationOptions } from './page-number.js';
export {
  headerValue,
  linkHeaderPagination,
  nextLink,
  parseLinkHeader,
  queryOfUrl,
  type LinkHeaderPaginationOptions,
  type WebLink,
} from './link-header.js';
