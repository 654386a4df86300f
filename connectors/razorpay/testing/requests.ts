import type { Clock } from '@interlock/core';
import type { FaultReply } from '@interlock/core/testing';
import type { SimulatorRequest } from '@interlock/testkit/simulator';
import type { RazorpayState } from './state.js';
import { badRequest, collection } from './wire-builders.js';

/** What every route handler works on besides the request. */
export interface SimulationContext {
  state: RazorpayState;
  clock: Clock;
}

export type RouteHandler = (request: SimulatorRequest, sim: SimulationContext) => FaultReply;

/** A path parameter (`:id`); empty when absent, which no entity id matches. */
export function param(request: SimulatorRequest, name: string): string {
  return request.params[name] ?? '';
}

/** A query integer, `fallback` when absent, or undefined when it is not a whole number. */
export function intParam(query: URLSearchParams, name: string, fallback?: number): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** One page by `count`/`skip`, Razorpay's limits enforced; a reply when the query is invalid. */
export function page<T>(items: readonly T[], query: URLSearchParams, maxCount: number): FaultReply {
  const count = intParam(query, 'count', 10);
  const skip = intParam(query, 'skip', 0);
  if (count === undefined || count < 1) return badRequest('The count must be at least 1.', 'count');
  if (count > maxCount) return badRequest(`The count may not be greater than ${maxCount}.`, 'count');
  if (skip === undefined) return badRequest('The skip must be an integer.', 'skip');
  return { status: 200, body: collection(items.slice(skip, skip + count)) };
}

/** Keeps what was created inside `from`/`to` (Unix seconds, both inclusive). */
export function inWindow<T extends { created_at: number }>(items: readonly T[], query: URLSearchParams): T[] {
  const from = intParam(query, 'from') ?? Number.NEGATIVE_INFINITY;
  const to = intParam(query, 'to') ?? Number.POSITIVE_INFINITY;
  return items.filter((item) => item.created_at >= from && item.created_at <= to);
}
