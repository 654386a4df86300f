/** A browser's part in a console test: a cookie jar, forms posted urlencoded, redirects not followed. */
export interface ConsolePage {
  status: number;
  body: string;
  location: string | null;
  setCookie: string[];
  headers: Headers;
}

export class ConsoleClient {
  /** Every page body this client received: what the no-secret test searches. */
  readonly seen: string[] = [];
  private cookie: string | undefined;

  constructor(private readonly base: string) {}

  async get(path: string): Promise<ConsolePage> {
    return this.send(path, { method: 'GET' });
  }

  async post(path: string, fields: Readonly<Record<string, string>>): Promise<ConsolePage> {
    return this.send(path, { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** Signs in with `token`; the session cookie is kept for the next requests. */
  async signIn(token: string): Promise<ConsolePage> {
    return this.post('/console/sign-in', { token });
  }

  /** The CSRF token the page's forms carry. */
  static csrf(body: string): string {
    const found = /name="csrf" value="([^"]+)"/.exec(body);
    if (!found) throw new Error('no CSRF field on the page');
    return found[1] as string;
  }

  private async send(path: string, init: RequestInit): Promise<ConsolePage> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    const setCookie = response.headers.getSetCookie();
    for (const line of setCookie) {
      const pair = line.split(';')[0] as string;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const body = await response.text();
    this.seen.push(body);
    return { status: response.status, body, location: response.headers.get('location'), setCookie, headers: response.headers };
  }
}
