import { describe, expect, it } from 'vitest';
import { ConsoleClient } from './console-client.js';
import { brokenTicket, consoleHubPerTest, deadLetterFrom, OPERATOR_TOKEN, signedIn, VIEWER_TOKEN } from './console-harness.js';
import { drained, ENV, SECRET, TOY } from './support.js';

/** The text of a definition list entry on a record page, tags stripped. */
function answer(body: string, label: string): string {
  const found = new RegExp(`<dt>${label}</dt><dd>(.*?)</dd>`).exec(body);
  if (!found) throw new Error(`no answer "${label}" on the page`);
  return (found[1] as string).replace(/<[^>]+>/g, '');
}

describe('console support work', () => {
  const run = consoleHubPerTest();

  it('lists a dead letter, answers support’s questions on its page, and corrects then replays it until applied, audited', async () => {
    const at = new Date().toISOString();
    const id = await deadLetterFrom(run().hub, brokenTicket(at), 'corr-support-1');
    const alice = await signedIn(run().hub, OPERATOR_TOKEN);

    const health = await alice.get('/console');
    expect(health.body).toMatch(/<th>Dead letters<\/th><td class="num bad">1<\/td>/);
    const failed = await alice.get(`/console/failed?provider=${TOY}&status=dead`);
    expect(failed.status).toBe(200);
    expect(failed.body).toContain(`href="/console/events/${id}"`);
    expect((await alice.get('/console/failed?kind=unavailable')).body).not.toContain(id);
    expect((await alice.get('/console/failed?since=2999-01-01T00:00:00Z')).body).not.toContain(id);
    expect((await alice.get('/console/failed?since=yesterday')).status).toBe(400);

    for (const query of [id, 'evt_T1_open', 'corr-support-1']) expect((await alice.get(`/console/search?q=${query}`)).body).toContain(`href="/console/events/${id}"`);

    const before = await alice.get(`/console/events/${id}`);
    expect(before.status).toBe(200);
    expect(answer(before.body, 'Record')).toMatch(/^not known/);
    expect(answer(before.body, 'Provider')).toBe(`${TOY} (event evt_T1_open, type ticket.open)`);
    expect(answer(before.body, 'Rejected by')).toMatch(/^worker:/);
    expect(answer(before.body, 'Error kind')).toBe('uninterpretable payload');
    expect(answer(before.body, 'Payload version')).toMatch(/^sha256:[0-9a-f]{16}, as received$/);
    expect(answer(before.body, 'Attempts')).toBe('1');
    expect(answer(before.body, 'Eventually succeeded')).toBe('not yet');
    expect(answer(before.body, 'Started by')).toBe(`a webhook from ${TOY}`);
    expect(answer(before.body, 'Correlation id')).toBe('corr-support-1');
    const csrf = ConsoleClient.csrf(before.body);

    const editor = await alice.get(`/console/events/${id}/correct`);
    expect(editor.status).toBe(200);
    const stillBroken = await alice.post(`/console/events/${id}/correct/preview`, { csrf, payload: JSON.stringify(brokenTicket(at, { fee: 600 })), reason: 'fee' });
    expect(stillBroken.status).toBe(422);
    expect(stillBroken.body).toContain('breaks the connector&#39;s contract');
    const notJson = await alice.post(`/console/events/${id}/correct/preview`, { csrf, payload: '{"ticket": ', reason: 'typo' });
    expect(notJson.status).toBe(422);

    const fixed = { ...brokenTicket(at), ticket: { id: 'T1', status: 'open', updated_at: at, fee: 500 } };
    const preview = await alice.post(`/console/events/${id}/correct/preview`, { csrf, payload: JSON.stringify(fixed, null, 2), reason: 'ticket id lost by the provider' });
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('<span class="diff-add">+ ticket.id: &quot;T1&quot;</span>');
    expect((await run().hub.queue.get(id))?.status).toBe('dead');

    const payload = /name="payload" value="([^"]*)"/.exec(preview.body)?.[1]?.replace(/&quot;/g, '"') as string;
    const saved = await alice.post(`/console/events/${id}/correct`, { csrf, payload, reason: 'ticket id lost by the provider' });
    expect(saved).toMatchObject({ status: 303, location: `/console/events/${id}?done=corrected` });
    await drained(run().hub);
    expect(await run().hub.queue.get(id)).toMatchObject({ status: 'applied', payload: JSON.stringify(fixed) });

    const after = await alice.get(`/console/events/${id}?done=corrected`);
    expect(after.body).toContain('Corrected and replayed');
    expect(answer(after.body, 'Record')).toBe('ticket T1');
    expect(answer(after.body, 'Eventually succeeded')).toBe('yes: applied');
    expect(answer(after.body, 'Payload version')).toMatch(/corrected 1 time/);
    // Why it was refused before it succeeded stays on the page.
    expect(answer(after.body, 'Rejected by')).toMatch(/^worker:/);
    expect(answer(after.body, 'Error kind')).toBe('uninterpretable payload');
    const trail = [...after.body.matchAll(/<tr><td>[^<]*<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map((row) => row.slice(1, 4));
    expect(trail).toEqual([
      [expect.stringMatching(/^worker:/) as string, 'apply ticket.open', 'dead'],
      ['console:alice', 'correct dead letter', 'corrected'],
      ['console:alice', 'replay dead letter', 'replayed'],
      [expect.stringMatching(/^worker:/) as string, 'apply ticket.open', 'applied'],
    ]);
    const audit = await run().hub.integrity.listAudit({ provider: TOY, eventId: 'evt_T1_open' });
    expect(audit.find((entry) => entry.action === 'replay dead letter')).toMatchObject({ actor: 'console:alice', detail: 'after correction: ticket id lost by the provider' });
    expect(audit.find((entry) => entry.action === 'correct dead letter')).toMatchObject({ actor: 'console:alice', correlationId: 'corr-support-1', detail: expect.stringMatching(/^ticket id lost by the provider \(payload sha256:\w+ -> sha256:\w+\)$/) as string });
    expect(after.body).toContain(`<a href="/console/records/${TOY}/ticket/T1">ticket T1</a>`);
    const record = await alice.get(`/console/records/${TOY}/ticket/T1`);
    expect(record.status).toBe(200);
    expect(answer(record.body, 'Status')).toBe('open');
    expect(record.body).toContain(`href="/console/events/${id}"`);
    expect(record.body).toContain('<td>console:alice</td><td>correct dead letter</td><td>corrected</td>');
    expect((await alice.get(`/console/search?q=T1`)).body).toContain(`<a href="/console/records/${TOY}/ticket/T1">${TOY} ticket T1</a>`);
    await expect(alice.get(`/console/records/${TOY}/ticket/T404`)).resolves.toMatchObject({ status: 404 });
    // Applied now: nothing left to act on.
    await expect(alice.post(`/console/events/${id}/replay`, { csrf, reason: 'again' })).resolves.toMatchObject({ status: 409 });
  });

  it('pages through failed events newest first, keeping the filters', async () => {
    const at = new Date().toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) ids.push(await deadLetterFrom(run().hub, { ...brokenTicket(at), id: `evt_page_${i}` }, `corr-page-${i}`));
    const alice = await signedIn(run().hub, OPERATOR_TOKEN);
    const listed = (body: string): string[] => [...body.matchAll(/<td><a href="\/console\/events\/([^"]+)">/g)].map((match) => match[1] as string);
    const first = await alice.get(`/console/failed?provider=${TOY}&kind=uninterpretable`);
    expect(listed(first.body)).toEqual(ids.slice(2).reverse());
    const next = /<a href="(\/console\/failed\?[^"]+)">Older events/.exec(first.body)?.[1]?.replace(/&amp;/g, '&') as string;
    expect(next).toContain(`provider=${TOY}`);
    expect(next).toContain('kind=uninterpretable');
    const second = await alice.get(next);
    expect(listed(second.body)).toEqual(ids.slice(0, 2).reverse());
    expect(second.body).not.toContain('Older events');
  });

  it('rejects a dead letter with a reason, audited with who and why', async () => {
    const id = await deadLetterFrom(run().hub, brokenTicket(new Date().toISOString()), 'corr-reject');
    const alice = await signedIn(run().hub, OPERATOR_TOKEN);
    const csrf = ConsoleClient.csrf((await alice.get(`/console/events/${id}`)).body);
    await expect(alice.post(`/console/events/${id}/reject`, { csrf, reason: '' })).resolves.toMatchObject({ status: 409 });
    await expect(alice.post(`/console/events/${id}/reject`, { csrf, reason: 'test data from the sandbox' })).resolves.toMatchObject({ status: 303 });
    expect(await run().hub.queue.get(id)).toMatchObject({ status: 'discarded', reason: 'rejected: test data from the sandbox' });
    const page = await alice.get(`/console/events/${id}`);
    expect(answer(page.body, 'Eventually succeeded')).toBe('no: given up on');
    expect(answer(page.body, 'Rejected by')).toBe('console:alice');
    expect(answer(page.body, 'Error kind')).toBe('rejected');
    expect(answer(page.body, 'Provider code')).toBe('test data from the sandbox');
    expect(page.body).toMatch(/<td>console:alice<\/td><td>reject dead letter<\/td><td>rejected<\/td><td><\/td><td class="num"><\/td><td>test data from the sandbox<\/td>/);
    expect((await alice.get('/console/failed?status=discarded&kind=rejected')).body).toContain(id);
  });

  it('renders what the outside sends as inert text, and shows no token or secret on any page', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const id = await deadLetterFrom(run().hub, { ...brokenTicket(new Date().toISOString(), { note: hostile, leaked: SECRET }), type: `ticket.<b>${hostile}</b>` }, `corr-${hostile}`);
    const alice = await signedIn(run().hub, OPERATOR_TOKEN);
    const vic = await signedIn(run().hub, VIEWER_TOKEN);
    const pages = [
      await alice.get('/console'),
      await alice.get('/console/failed'),
      await alice.get(`/console/events/${id}`),
      await alice.get(`/console/events/${id}/correct`),
      await alice.get(`/console/search?q=${encodeURIComponent(hostile)}`),
      await vic.get(`/console/events/${id}`),
    ];
    const event = pages[2]?.body as string;
    expect(event).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(event).toContain('ticket.&lt;b&gt;');
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.body).not.toMatch(/<script|<img|<b>/i);
    }
    const everything = [...alice.seen, ...vic.seen].join('\n');
    for (const secret of [OPERATOR_TOKEN, VIEWER_TOKEN, SECRET, ENV.TOY_API_TOKENS]) expect(everything).not.toContain(secret);
    expect(event).toContain('[REDACTED]');
  });
});
