import { describe, expect, it, vi } from 'vitest';
import {
  ApiKeyRing,
  apiKeyAuth,
  basicAuth,
  bearerTokenAuth,
  OAuth2TokenManager,
  type ApiKey,
  type AuthStrategy,
  type AuthorizedRequest,
  type TokenFetcher,
} from '../../src/auth/index.js';
import { Redactor } from '../../src/redaction/index.js';
import { FakeClock, MemoryTelemetrySink } from '../../src/testing.js';

const OLD: ApiKey = { id: 'key_2026_05', secret: 'sk_live_old_0123456789' };
const NEW: ApiKey = { id: 'key_2026_11', secret: 'sk_live_new_9876543210' };

function request(): AuthorizedRequest {
  return { headers: new Headers(), url: new URL('https://api.test/v1/things?limit=10') };
}

function keyRing(keys: readonly ApiKey[] = [OLD]) {
  const redactor = new Redactor();
  const telemetry = new MemoryTelemetrySink();
  const ring = new ApiKeyRing({ provider: 'stripe', keys, clock: new FakeClock(), secrets: redactor, emit: (e) => telemetry.emit(e) });
  return { ring, redactor, telemetry };
}

/**
 * What the HTTP client does with a strategy: send, and on a 401 ask once for another
 * credential and re-send at once. Returns the status the caller would see.
 */
async function send(auth: AuthStrategy, provider: (req: AuthorizedRequest) => number): Promise<{ status: number; sends: number }> {
  let sends = 0;
  for (let reauthenticated = false; ; reauthenticated = true) {
    const req = request();
    const attempt = await auth.authorize(req);
    sends++;
    const status = provider(req);
    if (status === 401 && !reauthenticated && (await auth.onRejected(attempt))) continue;
    return { status, sends };
  }
}

describe('apiKeyAuth', () => {
  it('puts the current key where the placement says and reports its id', async () => {
    const { ring, redactor } = keyRing();
    const bearer = request();
    expect(await apiKeyAuth(ring, { in: 'bearer' }).authorize(bearer)).toEqual({ credentialId: OLD.id });
    expect(bearer.headers.get('authorization')).toBe(`Bearer ${OLD.secret}`);

    const header = request();
    await apiKeyAuth(ring, { in: 'header', name: 'X-Api-Key' }).authorize(header);
    expect(header.headers.get('x-api-key')).toBe(OLD.secret);

    const query = request();
    await apiKeyAuth(ring, { in: 'query', name: 'api_key' }).authorize(query);
    expect(query.url.searchParams.get('api_key')).toBe(OLD.secret);
    expect(query.url.searchParams.get('limit')).toBe('10');

    const basic = request();
    await apiKeyAuth(ring, { in: 'basic' }).authorize(basic);
    const token = (basic.headers.get('authorization') ?? '').replace(/^Basic /, '');
    expect(Buffer.from(token, 'base64').toString()).toBe(`${OLD.secret}:`);
    expect(redactor.string(`Basic ${token}`)).toBe('Basic [REDACTED]');
  });

  it('survives a rotation to a key the provider has not activated yet', async () => {
    const { ring, telemetry } = keyRing();
    const auth = apiKeyAuth(ring, { in: 'bearer' });
    ring.rotate(NEW);
    const provider = vi.fn((req: AuthorizedRequest) => (req.headers.get('authorization') === `Bearer ${OLD.secret}` ? 200 : 401));
    expect(await send(auth, provider)).toEqual({ status: 200, sends: 2 });
    expect(ring.current()).toEqual(OLD);
    expect(await send(auth, provider)).toEqual({ status: 200, sends: 1 });
    expect(telemetry.ofType('auth.key_switched').map((e) => e.reason)).toEqual(['rotated', 'rejected']);
  });

  it('sends a key pair as Basic id:secret, and a rotation switches the whole pair', async () => {
    const { ring } = keyRing([NEW, OLD]);
    const auth = apiKeyAuth(ring, { in: 'basic', user: 'id' });
    const decoded = (req: AuthorizedRequest): string => Buffer.from((req.headers.get('authorization') ?? '').replace(/^Basic /, ''), 'base64').toString();
    const provider = vi.fn((req: AuthorizedRequest) => (decoded(req) === `${OLD.id}:${OLD.secret}` ? 200 : 401));
    expect(await send(auth, provider)).toEqual({ status: 200, sends: 2 });
    expect(provider.mock.calls.map(([req]) => decoded(req))).toEqual([`${NEW.id}:${NEW.secret}`, `${OLD.id}:${OLD.secret}`]);
  });

  it('surfaces the 401 when no other key is held', async () => {
    const { ring } = keyRing();
    expect(await send(apiKeyAuth(ring, { in: 'bearer' }), () => 401)).toEqual({ status: 401, sends: 1 });
  });

  it('re-sends only once when both keys are refused', async () => {
    const { ring } = keyRing([NEW, OLD]);
    expect(await send(apiKeyAuth(ring, { in: 'header', name: 'x-api-key' }), () => 401)).toEqual({ status: 401, sends: 2 });
  });
});

describe('basicAuth', () => {
  it('sends username and current key as Basic, registering the token as a secret', async () => {
    const { ring, redactor } = keyRing();
    const req = request();
    expect(await basicAuth({ username: 'rzp_live_id', ring }).authorize(req)).toEqual({ credentialId: OLD.id });
    const token = (req.headers.get('authorization') ?? '').replace(/^Basic /, '');
    expect(Buffer.from(token, 'base64').toString()).toBe(`rzp_live_id:${OLD.secret}`);
    expect(redactor.string(token)).toBe('[REDACTED]');
  });

  it('moves to the other key when the current one is refused', async () => {
    const { ring } = keyRing([NEW, OLD]);
    const auth = basicAuth({ username: 'rzp_live_id', ring });
    const oldToken = Buffer.from(`rzp_live_id:${OLD.secret}`).toString('base64');
    expect(await send(auth, (req) => (req.headers.get('authorization') === `Basic ${oldToken}` ? 200 : 401))).toEqual({ status: 200, sends: 2 });
  });
});

describe('bearerTokenAuth', () => {
  function manager() {
    const clock = new FakeClock();
    let n = 0;
    const fetchToken = vi.fn<TokenFetcher>(() => Promise.resolve({ accessToken: `tok_${++n}_abcdef`, expiresAt: clock.now() + 3_600_000 }));
    return { tokens: new OAuth2TokenManager({ provider: 'idp', fetchToken, clock }), fetchToken };
  }

  it('sends the access token and reports it with the credential id', async () => {
    const { tokens } = manager();
    const req = request();
    expect(await bearerTokenAuth(tokens).authorize(req)).toEqual({ credentialId: 'oauth2', token: 'tok_1_abcdef' });
    expect(req.headers.get('authorization')).toBe('Bearer tok_1_abcdef');
    expect(await bearerTokenAuth(tokens, { credentialId: 'tenant_42' }).authorize(request())).toMatchObject({ credentialId: 'tenant_42' });
  });

  it('refreshes and re-sends once after a refused token', async () => {
    const { tokens, fetchToken } = manager();
    const auth = bearerTokenAuth(tokens);
    expect(await send(auth, (req) => (req.headers.get('authorization') === 'Bearer tok_1_abcdef' ? 401 : 200))).toEqual({ status: 200, sends: 2 });
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('has nothing to offer for an attempt that carried no token', async () => {
    const { tokens } = manager();
    expect(await bearerTokenAuth(tokens).onRejected({ credentialId: 'oauth2' })).toBe(false);
  });

  it('passes the signal to the token manager', async () => {
    const { tokens } = manager();
    await expect(bearerTokenAuth(tokens).authorize(request(), AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});
