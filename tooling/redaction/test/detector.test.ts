import { describe, expect, it } from 'vitest';
import { generateCredentials } from '../src/credentials.js';
import { judgeCell } from '../src/cell.js';
import { findLeaks } from '../src/detector.js';
import { echoingFetch } from '../src/echoing-provider.js';
import { failEveryConnector } from '../src/outputs/connector-failures.js';
import { errorText } from '../src/outputs/errors.js';
import { SHAPES } from '../src/shapes.js';

const credentials = generateCredentials();

/**
 * The mutant: a debugging wrapper around the transport that writes every request header it sees,
 * once as sent and once with its token (the part after the scheme) base64-encoded, as a
 * "binary-safe" logger would; no redactor is in its path.
 */
function leakyTransport(written: string[]): typeof fetch {
  const inner = echoingFetch(credentials);
  return (input, init) => {
    for (const [name, value] of new Request(input, init).headers.entries()) written.push(`${name}: ${value}`, Buffer.from(value.split(' ').at(-1) ?? '').toString('base64'));
    return inner(input, init);
  };
}

describe('the sweep can fail', () => {
  it('finds every provider credential a leaky sink writes, in plain and in base64 form', async () => {
    const written: string[] = [];
    const failures = await failEveryConnector(credentials, leakyTransport(written));
    const leaked = written.join('\n');
    const forms = (secret: string): string[] => findLeaks(leaked, [secret]).map((leak) => leak.form);

    // A Bearer key and a shared-token header are in the text as they are and in base64.
    for (const secret of [credentials.stripeKey, credentials.stripeRotatedKey, credentials.stripeRestrictedKey, credentials.dhlApiKey, credentials.upsAccessToken]) {
      expect(forms(secret)).toEqual(expect.arrayContaining(['plain', 'base64']));
    }
    // Basic headers carry id:secret in base64, which is how their shapes name them.
    for (const name of ['Razorpay Basic id:secret', 'Sendcloud secret key + Basic', 'UPS OAuth client secret']) {
      const shape = SHAPES.find((each) => each.name === name);
      expect(findLeaks(leaked, shape?.secrets(credentials) ?? [])).not.toEqual([]);
    }
    // The same run through the real outputs stays clean: the leak is the mutant's alone.
    expect(findLeaks(errorText(failures), SHAPES.flatMap((shape) => shape.secrets(credentials)))).toEqual([]);
  });

  it('finds a secret in each form a careless serialiser writes', () => {
    const secret = 'sk_test_a+b/c=d e ??>';
    const forms = (text: string): string[] => findLeaks(text, [secret]).map((leak) => leak.form);
    expect(forms(`key ${secret}`)).toEqual(['plain']);
    expect(forms(`Basic ${Buffer.from(secret).toString('base64')}`)).toEqual(['base64']);
    expect(forms(Buffer.from(secret).toString('base64url'))).toEqual(['base64url']);
    expect(forms(`?key=${encodeURIComponent(secret)}`)).toEqual(['url-encoded']);
    expect(forms('nothing here')).toEqual([]);
  });

  it('fails a cell whose output leaks, and one whose output never heard the credentials', () => {
    const secret = credentials.smtpPassword;
    const leakyLine = JSON.stringify({ message: 'alert delivery failed', error: `535 for ${Buffer.from(secret).toString('base64')}` });
    expect(judgeCell(leakyLine, [secret], ['alert delivery failed'])).toEqual({ leaks: [{ secret, form: 'base64' }], missing: [] });
    expect(judgeCell('', [secret], ['alert delivery failed'])).toEqual({ leaks: [], missing: ['alert delivery failed'] });
  });
});
