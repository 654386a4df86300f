import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the console lives; every path and the cookie are under it. */
export const CONSOLE_PATH = '/console';
export const SESSION_COOKIE = 'interlock_console';

// The console is markup and one stylesheet of its own: no script runs, nothing loads from elsewhere,
// and no other site may frame it.
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

export class FormTooLarge extends Error {}

/** The request's query parameters. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://console.invalid').searchParams;
}

/** One cookie's value from the request, if sent. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The cookie that carries a session id: never readable by scripts, never sent by another site's request. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${value}`, `Path=${CONSOLE_PATH}`, `Max-Age=${maxAgeSeconds}`, 'HttpOnly', 'SameSite=Strict', ...(secure ? ['Secure'] : [])].join('; ');
}

/** An urlencoded form body, refused past `maxBytes` before more is read. */
export async function readForm(req: IncomingMessage, maxBytes: number): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new FormTooLarge(`form larger than ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function sendPage(res: ServerResponse, status: number, page: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', ...headers }).end(page);
}

export function sendStyles(res: ServerResponse, css: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }).end(css);
}

/** 303: after a form, the browser fetches `location` with GET. */
export function redirect(res: ServerResponse, location: string, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(303, { ...SECURITY_HEADERS, location, ...headers }).end();
}
