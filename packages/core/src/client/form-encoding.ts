type FormValue = string | number | boolean | null | undefined | readonly FormValue[] | { readonly [key: string]: FormValue };

function append(params: URLSearchParams, prefix: string, value: FormValue): void {
  if (value === undefined) return;
  if (value === null) {
    // An empty value is how form APIs (Stripe) unset a field.
    params.append(prefix, '');
  } else if (Array.isArray(value)) {
    value.forEach((item: FormValue, index: number) => append(params, `${prefix}[${index}]`, item));
  } else if (typeof value === 'object') {
    for (const [key, nested] of Object.entries(value)) append(params, `${prefix}[${key}]`, nested);
  } else {
    params.append(prefix, String(value));
  }
}

/**
 * Encodes nested objects the way form-encoded APIs expect: `metadata[order]=1`,
 * `items[0][price]=p_1`. Keys keep their insertion order.
 */
export function encodeForm(body: Readonly<Record<string, unknown>>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) append(params, key, value as FormValue);
  return params;
}
