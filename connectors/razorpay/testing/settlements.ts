import { inWindow, intParam, page, type RouteHandler } from './requests.js';
import { badRequest } from './wire-builders.js';

// India keeps +05:30 all year. Written here rather than taken from the connector, so that a
// connector reading the wrong days cannot agree with its own simulation.
const IST_OFFSET_S = 19_800;

export const listSettlements: RouteHandler = (request, { state }) => page(inWindow(state.allSettlements(), request.searchParams), request.searchParams, 100);

/** `GET /v1/settlements/recon/combined?year&month[&day]`: the lines settled on those calendar days in India. */
export const settlementRecon: RouteHandler = (request, { state }) => {
  const query = request.searchParams;
  const year = intParam(query, 'year');
  const month = intParam(query, 'month');
  const day = intParam(query, 'day');
  if (year === undefined) return badRequest('The year field is required.', 'year');
  if (month === undefined || month < 1 || month > 12) return badRequest('The month field is required.', 'month');
  const lines = state.reconLines().filter((line) => {
    const date = new Date((line.settled_at + IST_OFFSET_S) * 1000);
    return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && (day === undefined || date.getUTCDate() === day);
  });
  return page(lines, query, 1000);
};
