import { FakeClock } from '@interlock/core/testing';
import { describe, expect, it } from 'vitest';
import { html } from '../src/console/html.js';
import { OperatorTokens } from '../src/console/operators.js';
import { ConsoleSessions } from '../src/console/sessions.js';
import { hubConfigSchema } from '../src/index.js';

const TOKEN = 'a_token_long_enough_for_the_console_0001';

describe('console parts', () => {
  it('escapes every interpolated value, and inserts only markup made by html', () => {
    const hostile = `<script>alert('x')</script>"&`;
    expect(html`<td title="${hostile}">${hostile}</td>`.text).toBe('<td title="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</td>');
    expect(html`<p>${html`<b>${hostile}</b>`}${[1, undefined, false, 'a<']}</p>`.text).toBe('<p><b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&amp;</b>1a&lt;</p>');
  });

  it('ends a session on the hub’s clock', async () => {
    const clock = new FakeClock();
    const sessions = new ConsoleSessions(clock, 60_000);
    const session = sessions.open({ name: 'alice', role: 'operator' });
    expect(session.id).not.toBe(session.csrf);
    await clock.advance(59_999);
    expect(sessions.get(session.id)).toBe(session);
    await clock.advance(1);
    expect(sessions.get(session.id)).toBeUndefined();
    expect(sessions.get(undefined)).toBeUndefined();
  });

  it('knows operators by the token in the variable their entry names, refusing a missing or short one by the variable’s name', () => {
    const operators = [
      { name: 'alice', tokenEnv: 'ALICE_TOKEN', role: 'operator' as const },
      { name: 'vic', tokenEnv: 'VIC_TOKEN', role: 'viewer' as const },
    ];
    const tokens = new OperatorTokens(operators, { ALICE_TOKEN: TOKEN, VIC_TOKEN: `${TOKEN}v` });
    expect(tokens.identify(TOKEN)).toEqual({ name: 'alice', role: 'operator' });
    expect(tokens.identify(`${TOKEN}v`)).toEqual({ name: 'vic', role: 'viewer' });
    expect(tokens.identify(TOKEN.slice(0, -1))).toBeUndefined();
    expect(tokens.identify('')).toBeUndefined();
    expect(() => new OperatorTokens(operators, { ALICE_TOKEN: TOKEN, VIC_TOKEN: 'short' })).toThrow(/VIC_TOKEN must hold a token/);
    expect(() => new OperatorTokens(operators, { ALICE_TOKEN: TOKEN, VIC_TOKEN: 'short' })).not.toThrow(/short/);
    expect(hubConfigSchema.safeParse({ console: { operators: [{ name: 'x', tokenEnv: TOKEN, role: 'admin' }] } }).success).toBe(false);
    expect(hubConfigSchema.parse({}).console).toMatchObject({ enabled: true, operators: [] });
  });
});
