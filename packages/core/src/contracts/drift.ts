/**
 * How a response differed from its contract:
 * - `unknown_field`: the provider sent a field the schema does not declare;
 * - `missing_optional`: an optional field was absent (informational on its own, see {@link hasDrift});
 * - `type_changed`: an optional field arrived with a type the schema rejects, so it was dropped;
 * - `unknown_enum`: an open enum received a value it does not list.
 */
export type DriftKind = 'unknown_field' | 'missing_optional' | 'type_changed' | 'unknown_enum';

/** The JSON type of a value: what a drift report may say about a new field's value instead of the value. */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** The JSON type of a parsed JSON value. */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'boolean' || type === 'number' || type === 'string' ? type : 'object';
}

/** One difference. `path` is schema-shaped (`data.items[].status`), never indexed per element. */
export interface DriftEntry {
  kind: DriftKind;
  path: string;
  /**
   * `expected number, got string` for `type_changed`, the raw value for `unknown_enum`.
   * Never a field's value for `unknown_field`: values can carry personal data or secrets.
   */
  detail?: string;
  /** For `unknown_field`: the JSON type of the first value seen there, an example of what is new. */
  exampleType?: JsonType;
}

/** Every difference seen in one parse, each distinct entry once. */
export interface DriftReport {
  entries: readonly DriftEntry[];
}

/**
 * True when the report holds something other than absent optional fields. Providers omit
 * optional fields all the time, so those alone raise no event and fail no strict contract; next
 * to an unknown field they are kept in the report because together they read as a rename.
 */
export function hasDrift(report: DriftReport): boolean {
  return report.entries.some((entry) => entry.kind !== 'missing_optional');
}

const MAX_RAW_IN_LINE = 64;

/**
 * One line per entry, as carried by the `contract.drift` event. With `includeRaw: false` (error
 * messages) an unknown enum's raw value is left out, since an error message must hold no values.
 */
export function driftLine(entry: DriftEntry, options: { includeRaw: boolean }): string {
  const line = `${entry.kind} ${entry.path}`;
  if (entry.detail === undefined) return line;
  if (entry.kind !== 'unknown_enum') return `${line} (${entry.detail})`;
  if (!options.includeRaw) return line;
  // The raw value is the provider's text; a misrouted field could make it arbitrarily long.
  const raw = entry.detail.length > MAX_RAW_IN_LINE ? `${entry.detail.slice(0, MAX_RAW_IN_LINE)}…` : entry.detail;
  return `${line} (${raw})`;
}
