/** Sets `value` at a form key such as `metadata[order]` or `items[0][price]`. */
function assignFormKey(target: Record<string, unknown>, key: string, value: string): void {
  const parts = key.replace(/\]/g, '').split('[');
  let node: Record<string, unknown> = target;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  });
}

/** Decodes a request body the way the provider would: JSON, or form fields with bracket nesting. */
export function parseRequestBody(body: string, contentType: string | undefined): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    const decoded: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(body)) assignFormKey(decoded, key, value);
    return decoded;
  }
  const parsed: unknown = JSON.parse(body);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
}
