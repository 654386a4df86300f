import { REDACTED, Redactor, type Environment } from '@interlock/core';
import type { HubLog, LogFields, LogValue } from './log.js';

// Whatever a header was called, a credential in an Authorization-style value follows its scheme.
const SCHEME_TOKEN = /\b(Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=:-]+)/gi;

// After a scheme word, prose ("token expired", "basic auth") is one plain lowercase or capitalised
// word; a credential is long, or mixes cases, digits or punctuation. Hiding prose would leave a log
// line that says nothing about what failed.
const PLAIN_WORD = /^[A-Za-z][a-z]*$/;
const ALWAYS_CREDENTIAL_FROM = 20;

function looksLikeCredential(candidate: string): boolean {
  return candidate.length >= ALWAYS_CREDENTIAL_FROM || !PLAIN_WORD.test(candidate);
}

// A field named like a credential (x-refresh-token, dhl-api-key) may hold one the hub never read,
// which no rule on values can know: such a field is hidden whole.
const CREDENTIAL_NAME = /(^|[-_.])(token|secret|password|api-?key|authorization|cookie|credentials?)($|[-_.])/i;

// Short values (a log level, a flag) are read from the environment too; their encodings are not secrets.
const ENCODED_FROM_LENGTH = 8;

/** Base64 and base64url without padding, so the form matches inside a longer encoded blob's start too. */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value);
  return [bytes.toString('base64').replace(/=+$/, ''), bytes.toString('base64url')];
}

function isList(value: LogValue): value is readonly string[] {
  return Array.isArray(value);
}

/**
 * The hub's guarantee that no credential reaches a log line, whatever field or message carries
 * it: every value read from the environment (credentials and webhook secrets are named there,
 * never written in the config) is hidden wherever it appears, and so is the token after an
 * authorization scheme, known or not.
 */
export class CredentialScrubber {
  private readonly redactor = new Redactor();

  /** Remembers a credential, and each part of a comma-separated list (variables hold rotations). */
  remember(value: string): void {
    for (const part of [value, ...value.split(',').map((each) => each.trim())]) {
      this.redactor.addSecret(part);
      // A mail server quoting an AUTH LOGIN line back (in the SMTP sink's error) sends it base64.
      if (part.length >= ENCODED_FROM_LENGTH) for (const form of base64Forms(part)) this.redactor.addSecret(form);
    }
  }

  /** The environment as the hub's parts see it: each value read is remembered before it is handed out. */
  watch(env: Environment): Environment {
    return new Proxy(env, {
      get: (target, name, receiver) => {
        const value: unknown = Reflect.get(target, name, receiver);
        if (typeof value === 'string') this.remember(value);
        return value;
      },
    });
  }

  text(text: string): string {
    return this.redactor.string(text).replace(SCHEME_TOKEN, (whole, scheme: string, candidate: string) => (looksLikeCredential(candidate) ? `${scheme} ${REDACTED}` : whole));
  }

  /** A log that scrubs every message and every string in its fields before `log` sees them. */
  wrap(log: HubLog): HubLog {
    const scrub = (fields: LogFields | undefined): LogFields | undefined => fields && this.fields(fields);
    return {
      debug: (message, fields) => log.debug(this.text(message), scrub(fields)),
      info: (message, fields) => log.info(this.text(message), scrub(fields)),
      warn: (message, fields) => log.warn(this.text(message), scrub(fields)),
      error: (message, fields) => log.error(this.text(message), scrub(fields)),
    };
  }

  private fields(fields: LogFields): LogFields {
    return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, typeof value === 'string' && CREDENTIAL_NAME.test(name) ? REDACTED : this.value(value)]));
  }

  private value(value: LogValue): LogValue {
    if (typeof value === 'string') return this.text(value);
    if (isList(value)) return value.map((item) => this.text(item));
    if (typeof value === 'object') return this.fields(value);
    return value;
  }
}
