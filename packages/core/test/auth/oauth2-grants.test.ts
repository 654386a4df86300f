import { describe, expect, it, vi } from 'vitest';
import { clientCredentialsGrant, refreshTokenGrant } from '../../src/auth/index.js';
import { Redactor } from '../../src/redaction/index.js';
import { FakeClock } from '../../src/testing.js';
import { failureOf } from '../support/failure.js';

const TOKEN_URL = 'https://idp.test/oauth/token';
const CLIENT_SECRET = 'cs_super_secret_value';

type FetchFn = typeof globalThis.fetch;

function respond(status: number, body: unknown): ReturnType<typeof vi.fn<FetchFn>> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn<FetchFn>(() => Promise.resolve(new Response(text, { status })));
}

function sent(fetch: ReturnType<typeof vi.fn<FetchFn>>, call = 0): { url: string; init: RequestInit; headers: Headers; form: URLSearchParams } {
  const [url, init] = fetch.mock.calls[call] as [string, RequestInit];
  return { url, init, headers: new Headers(init.headers), form: new URLSearchParams(init.body as string) };
}


function clientCredentials(fetch: FetchFn, extra: Partial<Parameters<typeof clientCredentialsGrant>[0]> = {}) {
  const clock = new FakeClock();
  const redactor = new Redactor();
  const fetchToken = clientCredentialsGrant({ provider: 'idp', tokenUrl: TOKEN_URL, clientId: 'app id', clientSecret: CLIENT_SECRET, clock, fetch, secrets: redactor, ...extra });
  return { fetchToken, clock, redactor };
}

describe('clientCredentialsGrant', () => {
  it('posts the grant with Basic client authentication and reads the token', async () => {
    const fetch = respond(200, { access_token: 'at_123456', expires_in: 1800, token_type: 'Bearer' });
    const { fetchToken, clock, redactor } = clientCredentials(fetch, { scope: 'read write' });
    expect(await fetchToken()).toEqual({ accessToken: 'at_123456', expiresAt: clock.now() + 1_800_000, refreshToken: undefined, tokenType: 'Bearer' });
    const { url, init, headers, form } = sent(fetch);
    expect(url).toBe(TOKEN_URL);
    expect(init.method).toBe('POST');
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', scope: 'read write' });
    const basic = (headers.get('authorization') ?? '').replace(/^Basic /, '');
    expect(Buffer.from(basic, 'base64').toString()).toBe(`app+id:${CLIENT_SECRET}`);
    expect(redactor.string(basic)).toBe('[REDACTED]');
    expect(redactor.string(CLIENT_SECRET)).toBe('[REDACTED]');
  });

  it('can send the client secret in the form instead', async () => {
    const fetch = respond(200, { access_token: 'at_123456' });
    const { fetchToken } = clientCredentials(fetch, { authMethod: 'client_secret_post' });
    await fetchToken();
    const { headers, form } = sent(fetch);
    expect(headers.has('authorization')).toBe(false);
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'client_credentials', client_id: 'app id', client_secret: CLIENT_SECRET });
  });

  it('defaults a missing or unreadable expires_in to an hour and accepts a numeric string', async () => {
    for (const [expiresIn, ms] of [[undefined, 3_600_000], ['120', 120_000], ['soon', 3_600_000], [-5, 3_600_000]] as const) {
      const { fetchToken, clock } = clientCredentials(respond(200, { access_token: 'at_123456', expires_in: expiresIn }));
      expect((await fetchToken()).expiresAt).toBe(clock.now() + ms);
    }
  });

  it('passes the signal to fetch and lets an abort through unwrapped', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const fetch = vi.fn<FetchFn>((_input, init) => {
      controller.abort(reason);
      return Promise.reject(init?.signal?.reason);
    });
    const { fetchToken } = clientCredentials(fetch);
    await expect(fetchToken(controller.signal)).rejects.toBe(reason);
    expect(sent(fetch).init.signal).toBe(controller.signal);
  });

  it.each([
    ['invalid_client', 401, 'auth'],
    ['unauthorized_client', 400, 'auth'],
    ['invalid_grant', 400, 'auth'],
    ['invalid_scope', 400, 'invalid_request'],
    ['invalid_request', 400, 'invalid_request'],
    ['unsupported_grant_type', 400, 'invalid_request'],
    ['temporarily_unavailable', 400, 'unavailable'],
  ] as const)('classifies RFC 6749 error %s (status %i) as %s', async (code, status, kind) => {
    const { fetchToken } = clientCredentials(respond(status, { error: code, error_description: `echo ${CLIENT_SECRET}` }));
    const error = await failureOf(fetchToken());
    expect(error).toMatchObject({ kind, status, providerCode: code, reason: `provider_code_${code}`, endpoint: 'oauth2.token', provider: 'idp' });
    expect(error.message).toBe(`idp: token endpoint answered ${status} (${code})`);
  });

  it('falls back to the status when the body has no known error code', async () => {
    const unknownCode = await failureOf(clientCredentials(respond(429, { error: 'slow_down' })).fetchToken());
    expect(unknownCode).toMatchObject({ kind: 'rate_limited', reason: 'http_429', providerCode: 'slow_down', retryable: true });
    const html = await failureOf(clientCredentials(respond(502, '<html>Bad gateway</html>')).fetchToken());
    expect(html).toMatchObject({ kind: 'unavailable', reason: 'http_502', providerCode: undefined });
    expect(html.message).toBe('idp: token endpoint answered 502');
    const inherited = await failureOf(clientCredentials(respond(403, { error: 'toString' })).fetchToken());
    expect(inherited).toMatchObject({ kind: 'forbidden', providerCode: 'toString' });
  });

  it('treats a success without an access token as a contract violation', async () => {
    const error = await failureOf(clientCredentials(respond(200, { token_type: 'Bearer' })).fetchToken());
    expect(error).toMatchObject({ kind: 'contract_violation', reason: 'missing_access_token', status: 200 });
    const notJson = await failureOf(clientCredentials(respond(200, 'ok')).fetchToken());
    expect(notJson.kind).toBe('contract_violation');
  });

  it('classifies network errors', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const fetch = vi.fn<FetchFn>(() => Promise.reject(new TypeError('fetch failed', { cause })));
    const error = await failureOf(clientCredentials(fetch).fetchToken());
    expect(error).toMatchObject({ kind: 'network', retryable: true, reason: 'ECONNREFUSED', requestMayHaveReachedProvider: false });
    expect(error.causeSummary).toEqual({ name: 'TypeError', message: 'fetch failed', code: 'ECONNREFUSED' });
  });

  it('classifies a network error thrown as a bare object', async () => {
    const fetch = vi.fn<FetchFn>(() => Promise.reject({ code: 'ETIMEDOUT' }));
    const error = await failureOf(clientCredentials(fetch).fetchToken());
    expect(error).toMatchObject({ kind: 'timeout', reason: 'ETIMEDOUT' });
    expect(error.causeSummary).toEqual({ name: 'Error', message: '', code: 'ETIMEDOUT' });
  });

  it('lets other fetch failures through unchanged', async () => {
    const bug = new TypeError('Invalid URL');
    await expect(clientCredentials(vi.fn<FetchFn>(() => Promise.reject(bug))).fetchToken()).rejects.toBe(bug);
  });

  it('never puts the client secret or tokens from the body in an error', async () => {
    const bodies = [
      [400, { error: 'invalid_client', error_description: `bad secret ${CLIENT_SECRET}`, access_token: 'at_leaked_123' }],
      [500, `internal error for ${CLIENT_SECRET}`],
      [200, { refresh_token: 'rt_leaked_123' }],
    ] as const;
    for (const [status, body] of bodies) {
      const error = await failureOf(clientCredentials(respond(status, body)).fetchToken());
      const serialized = `${error.message} ${JSON.stringify(error.toJSON())}`;
      expect(serialized).not.toContain(CLIENT_SECRET);
      expect(serialized).not.toContain('leaked');
    }
  });
});

describe('refreshTokenGrant', () => {
  it('sends the refresh token as a public client and follows a rotated one', async () => {
    const clock = new FakeClock();
    const redactor = new Redactor();
    const fetch = vi
      .fn<FetchFn>()
      .mockResolvedValueOnce(new Response(JSON.stringify({ access_token: 'at_one_123', refresh_token: 'rt_second_123' })))
      .mockResolvedValueOnce(new Response(JSON.stringify({ access_token: 'at_two_123', refresh_token: 'rt_second_123' })));
    const onRefreshToken = vi.fn();
    const fetchToken = refreshTokenGrant({ provider: 'idp', tokenUrl: TOKEN_URL, clientId: 'app', refreshToken: 'rt_first_123', onRefreshToken, clock, fetch, secrets: redactor });
    expect(await fetchToken()).toMatchObject({ accessToken: 'at_one_123', refreshToken: 'rt_second_123' });
    expect(Object.fromEntries(sent(fetch, 0).form)).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt_first_123', client_id: 'app' });
    expect(sent(fetch, 0).headers.has('authorization')).toBe(false);
    await fetchToken();
    expect(sent(fetch, 1).form.get('refresh_token')).toBe('rt_second_123');
    expect(onRefreshToken).toHaveBeenCalledTimes(1);
    expect(onRefreshToken).toHaveBeenCalledWith('rt_second_123');
    expect(redactor.string('rt_first_123 rt_second_123')).toBe('[REDACTED] [REDACTED]');
  });

  it('keeps the refresh token when the provider does not rotate it', async () => {
    const fetch = vi.fn<FetchFn>(() => Promise.resolve(new Response(JSON.stringify({ access_token: 'at_123456' }))));
    const onRefreshToken = vi.fn();
    const fetchToken = refreshTokenGrant({ provider: 'idp', tokenUrl: TOKEN_URL, clientId: 'app', refreshToken: 'rt_stable_123', onRefreshToken, clock: new FakeClock(), fetch });
    await fetchToken();
    await fetchToken();
    expect(sent(fetch, 1).form.get('refresh_token')).toBe('rt_stable_123');
    expect(onRefreshToken).not.toHaveBeenCalled();
  });

  it('authenticates a confidential client, Basic by default or in the form', async () => {
    const redactor = new Redactor();
    const common = { provider: 'idp', tokenUrl: TOKEN_URL, clientId: 'app', clientSecret: CLIENT_SECRET, refreshToken: 'rt_first_123', clock: new FakeClock(), secrets: redactor };
    const basicFetch = respond(200, { access_token: 'at_123456' });
    await refreshTokenGrant({ ...common, fetch: basicFetch })();
    expect(sent(basicFetch).headers.get('authorization')).toBe(`Basic ${Buffer.from(`app:${CLIENT_SECRET}`).toString('base64')}`);
    expect(sent(basicFetch).form.has('client_secret')).toBe(false);
    const postFetch = respond(200, { access_token: 'at_123456' });
    await refreshTokenGrant({ ...common, fetch: postFetch, authMethod: 'client_secret_post' })();
    expect(sent(postFetch).form.get('client_secret')).toBe(CLIENT_SECRET);
    expect(redactor.string(CLIENT_SECRET)).toBe('[REDACTED]');
  });

  it('reports a revoked refresh token as invalid_grant without echoing it', async () => {
    const fetchToken = refreshTokenGrant({
      provider: 'idp',
      tokenUrl: TOKEN_URL,
      clientId: 'app',
      refreshToken: 'rt_revoked_123',
      clock: new FakeClock(),
      fetch: respond(400, { error: 'invalid_grant', error_description: 'rt_revoked_123 is revoked' }),
    });
    const error = await failureOf(fetchToken());
    expect(error).toMatchObject({ kind: 'auth', providerCode: 'invalid_grant' });
    expect(JSON.stringify(error.toJSON())).not.toContain('rt_revoked_123');
  });

  it('uses the global fetch when none is given', async () => {
    const fetch = respond(200, { access_token: 'at_global_123' });
    vi.stubGlobal('fetch', fetch);
    try {
      const fetchToken = clientCredentialsGrant({ provider: 'idp', tokenUrl: TOKEN_URL, clientId: 'app', clientSecret: CLIENT_SECRET, clock: new FakeClock() });
      expect((await fetchToken()).accessToken).toBe('at_global_123');
      expect(fetch).toHaveBeenCalledTimes(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
