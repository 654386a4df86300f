import { describe, expect, it, vi } from 'vitest';
import { OAuth2TokenManager, refreshTokenGrant, type OAuth2TokenManagerOptions, type TokenFetcher, type TokenGrant } from '../../src/auth/index.js';
import { IntegrationError } from '../../src/errors/index.js';
import { Redactor } from '../../src/redaction/index.js';
import { FakeClock, MemoryTelemetrySink } from '../../src/testing.js';
import { failureOf } from '../support/failure.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function unavailable(): IntegrationError {
  return new IntegrationError('unavailable', 'idp: token endpoint answered 503', { provider: 'idp', endpoint: 'oauth2.token', reason: 'http_503', status: 503 });
}

function setup(fetchToken: TokenFetcher, options: Partial<OAuth2TokenManagerOptions> = {}, clock = new FakeClock()) {
  const telemetry = new MemoryTelemetrySink();
  const redactor = new Redactor();
  const manager = new OAuth2TokenManager({
    provider: 'idp',
    fetchToken,
    clock,
    backoff: { baseMs: 100, jitter: 'none' },
    emit: (event) => telemetry.emit(event),
    secrets: redactor,
    ...options,
  });
  return { manager, telemetry, redactor, clock };
}

/** Issues tok_1, tok_2, ... each valid for an hour from the clock's now. */
function issuing(clock: FakeClock) {
  let n = 0;
  return vi.fn<TokenFetcher>(() => {
    n++;
    return Promise.resolve({ accessToken: `tok_${n}_abcdef`, expiresAt: clock.now() + HOUR, refreshToken: `rt_${n}_abcdef` });
  });
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));


describe('OAuth2TokenManager', () => {
  it('fetches a token on first use and reuses it while it is fresh', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const { manager, telemetry } = setup(fetchToken, {}, clock);
    expect(manager.expiresAt).toBeUndefined();
    expect(await manager.getToken()).toBe('tok_1_abcdef');
    expect(await manager.getToken()).toBe('tok_1_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(manager.expiresAt).toBe(clock.now() + HOUR);
    expect(telemetry.ofType('auth.token_refreshed')).toEqual([
      { type: 'auth.token_refreshed', at: clock.now(), provider: 'idp', expiresAt: clock.now() + HOUR, attempts: 1 },
    ]);
  });

  it('runs one refresh for many concurrent callers', async () => {
    const clock = new FakeClock();
    let release: (grant: TokenGrant) => void = () => undefined;
    const fetchToken = vi.fn<TokenFetcher>(() => new Promise<TokenGrant>((resolve) => (release = resolve)));
    const { manager } = setup(fetchToken, {}, clock);
    const callers = Array.from({ length: 5 }, () => manager.getToken());
    await flush();
    release({ accessToken: 'tok_shared_abcdef', expiresAt: clock.now() + HOUR });
    expect(await Promise.all(callers)).toEqual(Array(5).fill('tok_shared_abcdef'));
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes 4:59 before expiry but not 5:01 before', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const expiresAt = clock.now() + HOUR;
    const { manager } = setup(fetchToken, { initial: { accessToken: 'tok_initial_abcdef', expiresAt } }, clock);
    await clock.advanceTo(expiresAt - 5 * MINUTE - 1000);
    expect(await manager.getToken()).toBe('tok_initial_abcdef');
    expect(fetchToken).not.toHaveBeenCalled();
    await clock.advanceTo(expiresAt - 5 * MINUTE + 1000);
    expect(await manager.getToken()).toBe('tok_1_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('refreshes at exactly refreshBeforeMs remaining, honouring a custom window', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const { manager } = setup(fetchToken, { refreshBeforeMs: MINUTE, initial: { accessToken: 'tok_initial_abcdef', expiresAt: clock.now() + 2 * MINUTE } }, clock);
    await clock.advance(MINUTE - 1);
    expect(await manager.getToken()).toBe('tok_initial_abcdef');
    await clock.advance(1);
    expect(await manager.getToken()).toBe('tok_1_abcdef');
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const fetchToken = vi
      .fn<TokenFetcher>()
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }))
      .mockResolvedValueOnce({ accessToken: 'tok_late_abcdef', expiresAt: clock.now() + HOUR });
    const { manager, telemetry } = setup(fetchToken, {}, clock);
    const start = clock.now();
    expect(await manager.getToken()).toBe('tok_late_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(clock.now() - start).toBe(100 + 200);
    expect(telemetry.ofType('auth.token_refreshed')[0]?.attempts).toBe(3);
    expect(telemetry.ofType('auth.token_refresh_failed')).toEqual([]);
  });

  it('turns invalid_grant into auth/reauthentication_required without retrying', async () => {
    const clock = new FakeClock();
    const fetch = vi.fn<typeof globalThis.fetch>(() =>
      Promise.resolve(new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'Token has been revoked' }), { status: 400 })),
    );
    const fetchToken = refreshTokenGrant({ provider: 'idp', tokenUrl: 'https://idp.test/token', clientId: 'app', refreshToken: 'rt_revoked_abcdef', clock, fetch });
    const { manager, telemetry } = setup(fetchToken, {}, clock);
    const error = await failureOf(manager.getToken());
    expect(error).toMatchObject({
      kind: 'auth',
      retryable: false,
      reason: 'reauthentication_required',
      endpoint: 'oauth2.token',
      provider: 'idp',
      status: 400,
      providerCode: 'invalid_grant',
      attempts: 1,
    });
    expect(error.message).toMatch(/re-authentication is required/);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(telemetry.ofType('auth.token_refresh_failed')).toEqual([
      { type: 'auth.token_refresh_failed', at: clock.now(), provider: 'idp', errorKind: 'auth', reason: 'reauthentication_required' },
    ]);
  });

  it('gives up after maxRefreshAttempts transient failures with token_refresh_failed', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const fetchToken = vi.fn<TokenFetcher>(() => Promise.reject(unavailable()));
    const { manager, telemetry } = setup(fetchToken, { maxRefreshAttempts: 4 }, clock);
    const error = await failureOf(manager.getToken());
    expect(error).toMatchObject({ kind: 'auth', reason: 'token_refresh_failed', endpoint: 'oauth2.token', attempts: 4, status: 503 });
    expect(error.causeSummary).toEqual({ name: 'IntegrationError', message: 'idp: token endpoint answered 503', code: 'http_503' });
    expect(error.message).toBe('idp: token refresh failed after 4 attempts');
    expect(fetchToken).toHaveBeenCalledTimes(4);
    expect(telemetry.ofType('auth.token_refresh_failed')).toMatchObject([{ errorKind: 'unavailable', reason: 'token_refresh_failed' }]);
  });

  it('does not retry failures that are neither transient nor refusals', async () => {
    const clock = new FakeClock();
    const broken = new IntegrationError('contract_violation', 'idp: token response has no access_token', { provider: 'idp', endpoint: 'oauth2.token', reason: 'missing_access_token' });
    const fetchToken = vi.fn<TokenFetcher>().mockRejectedValueOnce(broken).mockRejectedValueOnce(new RangeError('bug in fetcher'));
    const { manager, telemetry } = setup(fetchToken, { maxRefreshAttempts: 0 }, clock);
    const first = await failureOf(manager.getToken());
    expect(first).toMatchObject({ kind: 'auth', reason: 'token_refresh_failed', attempts: 1 });
    expect(first.message).toBe('idp: token refresh failed after 1 attempt');
    const second = await failureOf(manager.getToken());
    expect(second).toMatchObject({ kind: 'auth', reason: 'token_refresh_failed', status: undefined });
    expect(second.causeSummary).toEqual({ name: 'RangeError', message: 'bug in fetcher' });
    expect(fetchToken).toHaveBeenCalledTimes(2);
    expect(telemetry.ofType('auth.token_refresh_failed').map((e) => e.errorKind)).toEqual(['contract_violation', 'auth']);
  });

  it('summarizes a thrown non-error', async () => {
    const { manager } = setup(() => Promise.reject('plain string'), { maxRefreshAttempts: 1 });
    const error = await failureOf(manager.getToken());
    expect(error.causeSummary).toEqual({ name: 'Error', message: 'plain string' });
  });

  it('keeps serving a still-valid token when an early refresh fails transiently', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const fetchToken = vi.fn<TokenFetcher>(() => Promise.reject(unavailable()));
    const expiresAt = clock.now() + 4 * MINUTE;
    const { manager, telemetry } = setup(fetchToken, { initial: { accessToken: 'tok_old_abcdef', expiresAt } }, clock);
    expect(await manager.getToken()).toBe('tok_old_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(manager.expiresAt).toBe(expiresAt);
    expect(telemetry.ofType('auth.token_refresh_failed')).toHaveLength(1);
  });

  it('fails when the token expired while an early refresh was retrying', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const fetchToken = vi.fn<TokenFetcher>(() => Promise.reject(unavailable()));
    const { manager } = setup(fetchToken, { backoff: { baseMs: 1000, jitter: 'none' }, initial: { accessToken: 'tok_old_abcdef', expiresAt: clock.now() + 2000 } }, clock);
    await expect(manager.getToken()).rejects.toMatchObject({ reason: 'token_refresh_failed' });
  });

  it('fails an early refresh that is refused, even though the old token is still valid', async () => {
    const refused = new IntegrationError('forbidden', 'idp: token endpoint answered 403', { provider: 'idp', endpoint: 'oauth2.token', reason: 'http_403', status: 403 });
    const clock = new FakeClock();
    const { manager } = setup(() => Promise.reject(refused), { initial: { accessToken: 'tok_old_abcdef', expiresAt: clock.now() + MINUTE } }, clock);
    await expect(manager.getToken()).rejects.toMatchObject({ kind: 'auth', reason: 'reauthentication_required', status: 403 });
  });

  it('refreshes after the provider refuses the held token', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const { manager } = setup(fetchToken, {}, clock);
    const refused = await manager.getToken();
    manager.invalidate(refused);
    expect(manager.expiresAt).toBeUndefined();
    expect(await manager.getToken()).toBe('tok_2_abcdef');
  });

  it('keeps a newer token when a refusal of an older one arrives late', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const { manager } = setup(fetchToken, {}, clock);
    const first = await manager.getToken();
    manager.invalidate(first);
    await manager.getToken();
    manager.invalidate(first);
    expect(await manager.getToken()).toBe('tok_2_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('does not fall back to a token invalidated while a refresh was failing', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const { manager } = setup(
      () => {
        manager.invalidate('tok_old_abcdef');
        return Promise.reject(unavailable());
      },
      { maxRefreshAttempts: 1, initial: { accessToken: 'tok_old_abcdef', expiresAt: clock.now() + MINUTE } },
      clock,
    );
    await expect(manager.getToken()).rejects.toMatchObject({ reason: 'token_refresh_failed' });
  });

  it('stops waiting when the caller aborts, while the shared refresh completes for others', async () => {
    const clock = new FakeClock();
    let release: (grant: TokenGrant) => void = () => undefined;
    const fetchToken = vi.fn<TokenFetcher>(() => new Promise<TokenGrant>((resolve) => (release = resolve)));
    const { manager } = setup(fetchToken, {}, clock);
    const controller = new AbortController();
    const impatient = manager.getToken(controller.signal);
    const patient = manager.getToken();
    await flush();
    controller.abort(new Error('caller gave up'));
    await expect(impatient).rejects.toThrow('caller gave up');
    release({ accessToken: 'tok_shared_abcdef', expiresAt: clock.now() + HOUR });
    expect(await patient).toBe('tok_shared_abcdef');
    expect(await manager.getToken()).toBe('tok_shared_abcdef');
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(fetchToken).toHaveBeenCalledWith();
  });

  it('rejects a call whose signal is already aborted', async () => {
    const clock = new FakeClock();
    const fetchToken = issuing(clock);
    const { manager } = setup(fetchToken, {}, clock);
    await expect(manager.getToken(AbortSignal.abort())).rejects.toThrow();
    expect(fetchToken).not.toHaveBeenCalled();
  });

  it('rejects bad backoff options when constructed', () => {
    expect(() => setup(issuing(new FakeClock()), { backoff: { baseMs: -1 } })).toThrow(/baseMs/);
  });

  it('registers every token it holds and never puts one in an error or event', async () => {
    const clock = new FakeClock({ autoAdvance: true });
    const fetchToken = vi
      .fn<TokenFetcher>()
      .mockResolvedValueOnce({ accessToken: 'at_secret_first', expiresAt: clock.now() + HOUR, refreshToken: 'rt_secret_first' })
      .mockRejectedValue(unavailable());
    const { manager, telemetry, redactor } = setup(fetchToken, { initial: { accessToken: 'at_secret_initial', expiresAt: clock.now() } }, clock);
    await manager.getToken();
    manager.invalidate('at_secret_first');
    const error = await failureOf(manager.getToken());
    for (const secret of ['at_secret_initial', 'at_secret_first', 'rt_secret_first']) {
      expect(redactor.string(secret)).toBe('[REDACTED]');
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error.toJSON())).not.toContain(secret);
      expect(JSON.stringify(telemetry.events)).not.toContain(secret);
    }
  });
});
