/**
 * Dotted provider paths (`address.city`). Segments are checked once, when a mapping is defined,
 * so a typo or a `__proto__` segment fails at startup rather than on the first request.
 */

const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits and validates a path; throws TypeError naming the path when it cannot be one. */
export function parseDottedPath(path: string): readonly string[] {
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment === '') throw new TypeError(`field path '${path}' has an empty segment`);
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new TypeError(`field path '${path}' uses the reserved segment '${segment}'`);
  }
  return segments;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at `segments`, or undefined when any step is absent. Only own properties count. */
export function readPath(source: unknown, segments: readonly string[]): unknown {
  let current = source;
  for (const segment of segments) {
    if (!isObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Sets `value` at `segments`, creating plain objects on the way. A step that exists but is not a
 * plain object is a TypeError: silently replacing it would lose data another field wrote.
 */
export function writePath(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  const parents = segments.slice(0, -1);
  const last = segments[segments.length - 1];
  // parseDottedPath never yields an empty path; this guard only satisfies the type checker.
  if (last === undefined) throw new TypeError('cannot write to an empty field path');
  let current = target;
  for (const [index, segment] of parents.entries()) {
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    } else if (isObject(next) && !Array.isArray(next)) {
      current = next;
    } else {
      throw new TypeError(`cannot write '${segments.join('.')}': '${segments.slice(0, index + 1).join('.')}' is not an object`);
    }
  }
  current[last] = value;
}
