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
});
