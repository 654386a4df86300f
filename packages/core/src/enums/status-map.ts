import type { OpenEnum, OpenEnumValue } from './open-enum.js';
import type { UnknownValueTracker } from './unknown-value-tracker.js';

/** What a status map returns: a canonical status, or `unknown` with the provider's code kept. */
export type MappedStatus<C extends string> = { status: C; raw: string } | { status: 'unknown'; raw: string };

/** Canonical status -> the provider codes that mean it, one line per status. */
export type StatusTable<C extends string, K extends string> = { readonly [S in C]: readonly K[] };

/** A provider's codes folded onto canonical statuses, with no fallback guess for a code it lacks. */
export interface StatusMap<C extends string> {
  /** The source enum's name, used when an unmapped code is recorded. */
  readonly source: string;
  readonly table: { readonly [S in C]: readonly string[] };
  /**
   * Maps a code. A code the table lacks is `{ status: 'unknown', raw }` and is recorded with the
   * tracker; an `OpenEnumValue` that is already `known: false` was recorded when it was parsed,
   * so it is not counted a second time here.
   */
  map(value: OpenEnumValue<string> | string, tracker?: UnknownValueTracker): MappedStatus<C>;
}

/**
 * Declares a Karrio-style status map (`delivered: ['DL']`). A code listed under two statuses is a
 * TypeError at definition, because which one wins would otherwise depend on key order. The codes
 * are `NoInfer` so that a code the source enum does not list is a compile error, not a wider enum.
 */
export function statusMap<const C extends string, K extends string>(
  source: OpenEnum<K>,
  table: StatusTable<C, NoInfer<K>>,
): StatusMap<C> {
  const byCode = new Map<string, C>();
  for (const status of Object.keys(table) as C[]) {
    for (const code of table[status]) {
      const earlier = byCode.get(code);
      if (earlier !== undefined && earlier !== status) {
        throw new TypeError(`statusMap ${source.name}: '${code}' is listed under both '${earlier}' and '${status}'`);
      }
      byCode.set(code, status);
    }
  }

  return {
    source: source.name,
    table,
    map(value, tracker) {
      // A raw string is parsed here, so this is where it is reported if unknown.
      const parsed = typeof value === 'string' ? source.parse(value, tracker) : value;
      if (!parsed.known) return { status: 'unknown', raw: parsed.raw };
      const status = byCode.get(parsed.value);
      if (status !== undefined) return { status, raw: parsed.value };
      // A value the enum lists but the table does not: still never a guess.
      tracker?.record(source.name, parsed.value);
      return { status: 'unknown', raw: parsed.value };
    },
  };
}
