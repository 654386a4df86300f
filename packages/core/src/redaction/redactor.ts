/** Receives secrets as they come into existence (a rotated key, a refreshed token). */
export interface SecretSink {
  addSecret(secret: string): void;
}

export const REDACTED = '[REDACTED]';

// Shorter values would match ordinary text; no real credential is this short.
const MIN_SECRET_LENGTH = 6;

const DEFAULT_SENSITIVE_NAMES = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'api_key',
  'key',
  'token',
  'access_token',
  'refresh_token',
  'client_secret',
  'password',
  'secret',
  'signature',
];

export interface RedactorOptions {
  /** Header, query and JSON field names whose values are always hidden (case-insensitive). */
  sensitiveNames?: readonly string[];
}

/**
 * Hides known secret values wherever they appear and the values of sensitive names. Every event,
 * log line and error message leaves core through one of these.
 */
export class Redactor implements SecretSink {
  private readonly secrets = new Set<string>();
  private readonly sensitive: ReadonlySet<string>;
  private pattern: RegExp | undefined;

  constructor(options: RedactorOptions = {}) {
    this.sensitive = new Set([...DEFAULT_SENSITIVE_NAMES, ...(options.sensitiveNames ?? [])].map((n) => n.toLowerCase()));
  }

  addSecret(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    // Secrets may travel encoded; hide the forms a URL or a Basic header would give them.
    this.secrets.add(encodeURIComponent(secret));
    this.pattern = undefined;
  }

  isSensitiveName(name: string): boolean {
    return this.sensitive.has(name.toLowerCase());
  }

  string(text: string): string {
    if (this.secrets.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.secrets]
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }

  /** Hides the values of sensitive query parameters, then any known secret left in the URL. */
  url(url: string): string {
    const queryStart = url.indexOf('?');
    if (queryStart === -1) return this.string(url);
    const params = new URLSearchParams(url.slice(queryStart + 1));
    for (const name of [...params.keys()]) if (this.isSensitiveName(name)) params.set(name, REDACTED);
    return this.string(`${url.slice(0, queryStart)}?${params.toString()}`);
  }

  /** A deep copy with secrets hidden in every string and sensitive fields masked. */
  value<T>(input: T): T {
    return this.walk(input, new WeakSet()) as T;
  }

  private walk(input: unknown, seen: WeakSet<object>): unknown {
    if (typeof input === 'string') return this.string(input);
    if (typeof input !== 'object' || input === null) return input;
    if (seen.has(input)) return '[Circular]';
    seen.add(input);
    if (Array.isArray(input)) return input.map((item) => this.walk(item, seen));
    if (input instanceof Error) return { name: input.name, message: this.string(input.message) };
    const output: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      output[key] = this.isSensitiveName(key) && value !== undefined ? REDACTED : this.walk(value, seen);
    }
    return output;
  }
}
