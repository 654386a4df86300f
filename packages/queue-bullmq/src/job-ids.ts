/**
 * How our ids become BullMQ ids. Two keys live side by side in Redis for every event:
 *
 * - the job id is our own event id, so `get(id)` is one lookup with no mapping to keep in step;
 * - the deduplication id is (provider, eventId), which BullMQ records in the same script that
 *   stores the job, so "seen" and "queued" can never be split by a crash.
 */

/** BullMQ rejects custom job ids that parse as integers; this is its own test. */
function looksLikeInteger(value: string): boolean {
  return `${Number.parseInt(value, 10)}` === value;
}

/**
 * The BullMQ job id for our event id. BullMQ forbids ':' (its key separator) and integer-looking
 * ids, so '%' and ':' are percent-escaped and an integer gets a `%I` mark. Every other id is used
 * as is (a sortable UUID stays readable in Redis), and the mapping is one-to-one: after the
 * escaping every '%' is followed by `25` or `3A`, so `%I` cannot come from any other id.
 */
export function jobIdFor(id: string): string {
  if (id.length === 0) throw new TypeError('An event id must not be empty');
  const escaped = id.replaceAll('%', '%25').replaceAll(':', '%3A');
  return looksLikeInteger(escaped) ? `%I${escaped}` : escaped;
}

/**
 * The BullMQ deduplication id for a (provider, eventId) pair. Each part is URI-encoded so that
 * the ':' between them is unambiguous ("a:b" + "c" differs from "a" + "b:c").
 */
export function dedupeIdFor(provider: string, eventId: string): string {
  return `${encodeURIComponent(provider)}:${encodeURIComponent(eventId)}`;
}
