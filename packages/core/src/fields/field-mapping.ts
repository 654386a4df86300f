import { parseDottedPath, readPath, writePath } from './dotted-path.js';

/**
 * Canonical field names mapped to provider field paths, declared once per direction. Connectors
 * read and write through it instead of repeating provider names inline, and a misspelt canonical
 * name is a compile error because the keys are literal types.
 */
export interface FieldMapping<In extends Record<string, string>, Out extends Record<string, string>> {
  readonly provider: string;
  /** Canonical field -> where the provider puts it in what it sends us. */
  readonly inbound: In;
  /** Canonical field -> where the provider expects it in what we send. */
  readonly outbound: Out;
  /** The value at the field's provider path in `source`; undefined when any step is absent. */
  read<K extends keyof In & string>(source: unknown, field: K): unknown;
  /** Writes `value` at the field's provider path, creating nested objects; undefined is skipped. */
  write<K extends keyof Out & string>(target: Record<string, unknown>, field: K, value: unknown): void;
}

function compile(provider: string, direction: string, fields: Record<string, string>): Map<string, readonly string[]> {
  const compiled = new Map<string, readonly string[]>();
  for (const [canonical, path] of Object.entries(fields)) {
    try {
      compiled.set(canonical, parseDottedPath(path));
    } catch (error) {
      throw new TypeError(`${provider} ${direction} field '${canonical}': ${(error as Error).message}`);
    }
  }
  return compiled;
}

// Two outbound fields on the same path, or one inside another (`address` and `address.city`),
// would overwrite each other depending on write order.
function assertNoOverlap(provider: string, fields: Record<string, string>): void {
  const entries = Object.entries(fields);
  for (const [i, [canonicalA, pathA]] of entries.entries()) {
    for (const [canonicalB, pathB] of entries.slice(i + 1)) {
      if (pathA === pathB || pathA.startsWith(`${pathB}.`) || pathB.startsWith(`${pathA}.`)) {
        throw new TypeError(`${provider} outbound fields '${canonicalA}' and '${canonicalB}' overlap ('${pathA}', '${pathB}')`);
      }
    }
  }
}

function lookup(paths: ReadonlyMap<string, readonly string[]>, provider: string, direction: string, field: string): readonly string[] {
  const segments = paths.get(field);
  // Reachable only from untyped callers; a silent undefined would hide the mapping bug.
  if (segments === undefined) throw new TypeError(`${provider} has no ${direction} field '${field}'`);
  return segments;
}

/**
 * Declares a provider's field mapping. Paths are validated here: an empty segment, a reserved
 * segment (`__proto__`) or overlapping outbound paths throw TypeError at definition.
 */
export function defineFieldMapping<const In extends Record<string, string>, const Out extends Record<string, string>>(spec: {
  provider: string;
  inbound: In;
  outbound: Out;
}): FieldMapping<In, Out> {
  const { provider } = spec;
  const inbound = compile(provider, 'inbound', spec.inbound);
  const outbound = compile(provider, 'outbound', spec.outbound);
  assertNoOverlap(provider, spec.outbound);

  return Object.freeze({
    provider,
    inbound: Object.freeze({ ...spec.inbound }),
    outbound: Object.freeze({ ...spec.outbound }),
    read(source: unknown, field: string): unknown {
      return readPath(source, lookup(inbound, provider, 'inbound', field));
    },
    write(target: Record<string, unknown>, field: string, value: unknown): void {
      const segments = lookup(outbound, provider, 'outbound', field);
      if (value !== undefined) writePath(target, segments, value);
    },
  });
}
