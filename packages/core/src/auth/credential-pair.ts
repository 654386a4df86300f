/** A credential issued in two halves: a label safe to log (a public key, a client id) and its secret. */
export interface CredentialPair {
  id: string;
  secret: string;
}

/**
 * Reads a credential pair kept in one value as `<id>:<secret>` (an API key pair, an OAuth2
 * client, as an environment variable holds it). It splits at the first colon, since ids carry
 * none and a secret may. A value without both halves is a configuration mistake: the TypeError
 * says `<provider>: <shape>` and never repeats the value, which may hold half a secret.
 */
export function parseCredentialPair(value: string, provider: string, shape: string): CredentialPair {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new TypeError(`${provider}: ${shape}`);
  return { id: value.slice(0, colon), secret: value.slice(colon + 1) };
}
