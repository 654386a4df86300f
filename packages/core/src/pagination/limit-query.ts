import { requireOption } from '../internal/require-option.js';
import type { PageQuery } from './strategy.js';

/**
 * The page-size part of a first query, for strategies where the size is optional. The parameter
 * and its value come as a pair: a size with nowhere to send it, or a parameter with no size, is a
 * wiring mistake that should fail where the strategy is built.
 */
export function limitQuery(limitParam: string | undefined, limit: number | undefined): PageQuery {
  requireOption('limitParam', limitParam, (limitParam === undefined) === (limit === undefined), 'to be given together with limit');
  if (limitParam === undefined || limit === undefined) return {};
  requireOption('limit', limit, Number.isInteger(limit) && limit >= 1, 'an integer >= 1');
  return { [limitParam]: limit };
}
