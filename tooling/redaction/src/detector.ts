/**
 * The forms a secret is written in when code serialises it carelessly: as is, base64 (a Basic
 * header or a cookie built from it), base64url, and percent-encoded (a query string or form body).
 */
function formsOf(secret: string): ReadonlyMap<string, string> {
  const bytes = Buffer.from(secret);
  return new Map([
    ['plain', secret],
    ['base64', bytes.toString('base64').replace(/=+$/, '')],
    ['base64url', bytes.toString('base64url')],
    ['url-encoded', encodeURIComponent(secret)],
  ]);
}

/** One secret found in an output, and in which form. */
export interface Leak {
  secret: string;
  form: string;
}

/** Every secret of `secrets` found in `text`, in any of the forms above. */
export function findLeaks(text: string, secrets: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets) {
    const seen = new Set<string>();
    for (const [form, written] of formsOf(secret)) {
      // An alphanumeric secret is its own percent-encoding: one leak, reported once.
      if (seen.has(written)) continue;
      seen.add(written);
      if (text.includes(written)) leaks.push({ secret, form });
    }
  }
  return leaks;
}
