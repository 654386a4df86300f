import { UPS_TOKEN_PATH } from '@interlock/ups';
import type { Credentials } from './credentials.js';

/** Opens every echo, so a sweep can tell that the provider's words reached an output. */
export const ECHO_WITNESS = 'request was ';

const headersOf = (init: RequestInit | undefined, request: Request | undefined): Record<string, string> =>
  Object.fromEntries(new Headers(init?.headers ?? request?.headers).entries());

async function bodyOf(init: RequestInit | undefined): Promise<string> {
  const body = init?.body;
  if (body === undefined || body === null) return '';
  return new Response(body).text();
}

/**
 * The worst provider a connector can meet: it refuses every call with 401 and writes the whole
 * request (URL, every header, the body) back into its error body, as careless gateways do. Anything
 * a connector puts on the wire is then in the answer its error handling reads. UPS's token endpoint
 * answers with a real-looking token pair, so the access and refresh tokens are in play too.
 */
export function echoingFetch(credentials: Credentials): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (new URL(url).pathname === UPS_TOKEN_PATH) {
      const token = { access_token: credentials.upsAccessToken, refresh_token: credentials.upsRefreshToken, token_type: 'Bearer', expires_in: '14399' };
      return Response.json(token);
    }
    const echo = `${ECHO_WITNESS}${JSON.stringify({ url, headers: headersOf(init, request), body: await bodyOf(init) })}`;
    // One body in every provider's error format, so each connector reads the echo as the provider's message.
    const body = {
      error: { type: 'invalid_request_error', code: 'BAD_REQUEST_ERROR', message: echo, description: echo, reason: 'echo' },
      response: { errors: [{ code: '250002', message: echo }] },
      errors: [{ code: 'unauthorized', detail: echo }],
      title: 'Unauthorized',
      detail: echo,
      status: 401,
      refresh_token: credentials.upsRefreshToken,
    };
    return Response.json(body, { status: 401 });
  };
}
