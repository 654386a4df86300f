type Flat = Map<string, string>;

function flatten(value: unknown, path: string, into: Flat): Flat {
  if (value !== null && typeof value === 'object' && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) flatten(child, Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key, into);
  } else {
    into.set(path || '(root)', JSON.stringify(value));
  }
  return into;
}

/**
 * What a correction changes, field by field (`- amount: "twelve"`, `+ amount: 1200`) when both
 * payloads are JSON, else the two sizes.
 */
export function payloadDiff(before: string, after: string): string[] {
  let old: Flat;
  let next: Flat;
  try {
    old = flatten(JSON.parse(before), '', new Map());
    next = flatten(JSON.parse(after), '', new Map());
  } catch {
    return [`- ${Buffer.byteLength(before)} bytes`, `+ ${Buffer.byteLength(after)} bytes`];
  }
  const lines: string[] = [];
  for (const path of new Set([...old.keys(), ...next.keys()])) {
    const was = old.get(path);
    const is = next.get(path);
    if (was === is) continue;
    if (was !== undefined) lines.push(`- ${path}: ${was}`);
    if (is !== undefined) lines.push(`+ ${path}: ${is}`);
  }
  return lines;
}
