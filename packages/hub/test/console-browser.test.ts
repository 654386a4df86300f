import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenTicket, consoleHub, deadLetterFrom, OPERATOR_TOKEN, VIEWER_TOKEN } from './console-harness.js';
import { drained, type TestHub } from './support.js';

/** Debian's Chromium: the test never lets a tool download a browser. */
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Kept with the test's output (ignored by git). */
const SCREENSHOTS = join(import.meta.dirname, '..', 'test-output', 'console');

// In CI a missing Chromium must fail (`.ci/run` installs it); elsewhere the test says why it skips.
const runs = existsSync(CHROMIUM) || process.env['CI'] === 'true';

async function signIn(page: Page, url: string, token: string): Promise<void> {
  await page.goto(`${url}/console`);
  await expect.poll(() => page.url()).toBe(`${url}/console/sign-in`);
  await page.fill('input[name=token]', token);
  await page.click('button:has-text("Sign in")');
  await page.waitForURL(`${url}/console`);
}

/** The answer a record page gives to one question. */
async function answer(page: Page, question: string): Promise<string> {
  return page.locator(`dt:text-is("${question}") + dd`).innerText();
}

describe.runIf(runs)('the console in a real browser', () => {
  let run: TestHub;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    run = await consoleHub();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await run?.cleanup();
  });

  it('signs in, finds a dead letter and its answers, corrects and replays it until applied, audited; a viewer cannot replay', async () => {
    const at = new Date().toISOString();
    const id = await deadLetterFrom(run.hub, brokenTicket(at), 'corr-browser-1');
    const url = run.hub.url;

    const operator = await (await browser.newContext()).newPage();
    await signIn(operator, url, OPERATOR_TOKEN);
    await expect.poll(() => operator.locator('h1').innerText()).toBe('Health');
    await operator.screenshot({ path: join(SCREENSHOTS, 'health.png'), fullPage: true });

    await operator.click('nav >> text=Failed events');
    await operator.click(`a:text-is("${id}")`);
    await operator.waitForURL(`${url}/console/events/${id}`);
    expect(await answer(operator, 'Provider')).toContain('toy');
    expect(await answer(operator, 'Error kind')).toBe('uninterpretable payload');
    expect(await answer(operator, 'Rejected by')).toMatch(/^worker:/);
    expect(await answer(operator, 'Payload version')).toMatch(/^sha256:/);
    expect(await answer(operator, 'Attempts')).toBe('1');
    expect(await answer(operator, 'Eventually succeeded')).toBe('not yet');
    expect(await answer(operator, 'Started by')).toBe('a webhook from toy');
    expect(await answer(operator, 'Correlation id')).toBe('corr-browser-1');
    await operator.screenshot({ path: join(SCREENSHOTS, 'record.png'), fullPage: true });

    await operator.click('text=Correct the payload…');
    const fixed = { ...brokenTicket(at), ticket: { id: 'T1', status: 'open', updated_at: at, fee: 500 } };
    await operator.fill('textarea[name=payload]', JSON.stringify(fixed, null, 2));
    await operator.fill('input[name=reason]', 'ticket id lost by the provider');
    await operator.click('button:has-text("Check and show the changes")');
    await expect.poll(() => operator.locator('.diff-add').allInnerTexts()).toEqual(['+ ticket.id: "T1"']);
    await operator.click('button:has-text("Save and replay")');
    await operator.waitForURL(`${url}/console/events/${id}?done=corrected`);
    await drained(run.hub);
    await operator.reload();
    expect(await answer(operator, 'Eventually succeeded')).toBe('yes: applied');
    expect(await answer(operator, 'Record')).toBe('ticket T1');
    const rows = await operator.locator('h2:text-is("Audit trail") + table tbody tr').allInnerTexts();
    const trail = rows.map((row) => row.split('\t').slice(1, 4));
    expect(trail).toEqual([
      [expect.stringMatching(/^worker:/) as string, 'apply ticket.open', 'dead'],
      ['console:alice', 'correct dead letter', 'corrected'],
      ['console:alice', 'replay dead letter', 'replayed'],
      [expect.stringMatching(/^worker:/) as string, 'apply ticket.open', 'applied'],
    ]);
    await operator.screenshot({ path: join(SCREENSHOTS, 'record-applied.png'), fullPage: true });

    const second = await deadLetterFrom(run.hub, { ...brokenTicket(at), id: 'evt_T2_open' }, 'corr-browser-2');
    const viewer = await (await browser.newContext()).newPage();
    await signIn(viewer, url, VIEWER_TOKEN);
    await viewer.goto(`${url}/console/events/${second}`);
    expect(await viewer.locator('button:has-text("Replay")').count()).toBe(0);
    const csrf = await viewer.locator('input[name=csrf]').first().getAttribute('value');
    const forged = await viewer.request.post(`${url}/console/events/${second}/replay`, { form: { csrf: csrf ?? '', reason: 'looks fine now' }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect((await run.hub.queue.get(second))?.status).toBe('dead');
  }, 120_000);
});
