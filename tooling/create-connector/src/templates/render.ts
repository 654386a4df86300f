/** Small helpers that write TypeScript and JSON text, so templates never hand-quote values. */

/** A single-quoted TypeScript string literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** An object key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** `{ a: 'x', 'b-c': 'y' }` over several lines at `indent`, for field maps and error tables. */
export function stringRecord(record: Readonly<Record<string, string>>, indent: string): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  return `{\n${entries.map(([key, value]) => `${inner}${propertyKey(key)}: ${quote(value)},`).join('\n')}\n${indent}}`;
}

/** A JSON file's text: two-space indentation and a final newline, as the repository writes them. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A plain value (what JSON holds, and undefined) as a one-line TypeScript literal. */
export function tsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${propertyKey(key)}: ${tsLiteral(item)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}
