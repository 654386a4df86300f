const DELTA_SECONDS = /^\d+(?:\.\d+)?$/;
// IMF-fixdate and the obsolete RFC 850 form both open with a day name and a comma and end in GMT.
// asctime dates carry no zone and Date.parse would read them as local time, so they are refused,
// as is anything else Date.parse would guess at (it reads "1" as the year 2001).
const HTTP_DATE = /^[A-Za-z]{3,9}, .+ GMT$/;

/**
 * Reads a `Retry-After` header as milliseconds to wait from `nowMs`: delta-seconds (decimals
 * accepted, since some providers send them) or an HTTP-date, where a date in the past means 0.
 * Anything unreadable, negative or empty gives undefined, so the caller falls back to backoff.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (DELTA_SECONDS.test(text)) {
    const ms = Math.round(Number(text) * 1000);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (!HTTP_DATE.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil(at - nowMs));
}
