import { describe, expect, it } from 'vitest';
import { CredentialScrubber } from '../src/logging/credential-scrubber.js';
import { RecordingLog } from './recording-log.js';

describe('the credential scrubber', () => {
  it('hides a field named like a credential whose value the hub never read', () => {
    const log = new RecordingLog();
    const refresh = 'upsrefresh7f3a9c1e5b2d8f4a6c0e';
    new CredentialScrubber().wrap(log).warn('webhook refused', {
      headers: { 'x-refresh-token': refresh, 'dhl-api-key': 'dhlkey1234567890', 'x-upstream-secret': 's3cr3t-value', 'content-type': 'application/json', 'idempotency-key': 'idem_1' },
    });
    expect(JSON.stringify(log.lines)).not.toContain(refresh);
    // Names that only look alike keep their value: the line still says what was sent.
    expect(log.lines[0]?.fields).toEqual({
      headers: { 'x-refresh-token': '[REDACTED]', 'dhl-api-key': '[REDACTED]', 'x-upstream-secret': '[REDACTED]', 'content-type': 'application/json', 'idempotency-key': 'idem_1' },
    });
  });

  it('hides a credential from the environment in its base64 forms', () => {
    const log = new RecordingLog();
    const scrubber = new CredentialScrubber();
    const password = 'smtppw-Qx7+/rT9zL2mW4';
    const env = scrubber.watch({ ALERT_SMTP_PASSWORD: password, LOG_LEVEL: 'debug' });
    expect(env['ALERT_SMTP_PASSWORD']).toBe(password);
    expect(env['LOG_LEVEL']).toBe('debug');
    // What nodemailer reports when a server quotes AUTH LOGIN's password line back.
    const quoted = (encoding: 'base64' | 'base64url'): string => `Invalid login: 535 5.7.8 authentication failed for ${Buffer.from(password).toString(encoding)}`;
    scrubber.wrap(log).warn('alert delivery failed', { sink: 'mail', error: quoted('base64'), detail: quoted('base64url') });
    const written = JSON.stringify(log.lines);
    for (const encoding of ['base64', 'base64url'] as const) expect(written).not.toContain(Buffer.from(password).toString(encoding).replace(/=+$/, ''));
    expect(log.lines[0]?.fields['error']).toContain('authentication failed for [REDACTED]');
  });

  it('hides the value after an authorization scheme, and keeps the prose that merely names one', () => {
    const log = new RecordingLog();
    const scrubber = new CredentialScrubber().wrap(log);
    scrubber.warn('provider answered 401 for Bearer eyJhbGciOiJub25lIn0.e30.sig and Basic dXNlcjpwYXNz');
    scrubber.warn('token expired before refresh; basic auth refused; Token Rotated');
    scrubber.warn('bearer abcdefghijklmnopqrstuvwxyz, Token aB3x and token abc');
    expect(log.lines.map((line) => line.message)).toEqual([
      'provider answered 401 for Bearer [REDACTED] and Basic [REDACTED]',
      'token expired before refresh; basic auth refused; Token Rotated',
      // A long run of letters is as likely a key as a word; a short mixed-case one is a key.
      'bearer [REDACTED], Token [REDACTED] and token abc',
    ]);
  });
});
