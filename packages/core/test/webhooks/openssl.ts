import { execFileSync } from 'node:child_process';

/**
 * An HMAC computed by the openssl binary, not by node: test vectors must not come from the code
 * under test, nor from the same library it calls. The data goes in on stdin, byte for byte.
 * A text key is passed as is (`-hmac`); a byte key (Standard Webhooks) as hex (`-macopt hexkey:`).
 */
export function opensslHmacHex(algorithm: 'sha256' | 'sha1', key: string | Buffer, data: string | Buffer): string {
  const keyArgs = typeof key === 'string' ? ['-hmac', key] : ['-mac', 'HMAC', '-macopt', `hexkey:${key.toString('hex')}`];
  const output = execFileSync('openssl', ['dgst', `-${algorithm}`, ...keyArgs, '-hex'], { input: data }).toString('utf8').trim();
  // `HMAC-SHA2-256(stdin)= <hex>`: the digest is the last word, whatever the label says.
  const hex = output.slice(output.lastIndexOf(' ') + 1);
  if (!/^[0-9a-f]+$/.test(hex)) throw new Error(`Unexpected openssl output: ${output}`);
  return hex;
}

/** The same digest in base64, as Standard Webhooks sends it. */
export function opensslHmacBase64(algorithm: 'sha256' | 'sha1', key: string | Buffer, data: string | Buffer): string {
  return Buffer.from(opensslHmacHex(algorithm, key, data), 'hex').toString('base64');
}
