import { createHmac, randomBytes } from 'node:crypto';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { DeliveryReport, MailTransport, SmtpServer } from '../src/alerts/index.js';
import { MetricsRegistry } from '../src/metrics/registry.js';
import { alertHarness, SECOND } from './alerts-harness.js';

const SECRET = `whsec_${randomBytes(24).toString('base64')}`;
const URL = 'https://hooks.example.test/interlock';

interface Posted {
  at: number;
  headers: Headers;
  body: string;
}

/** A receiver that answers each request with the next status (the last one repeats), or never. */
function receiver(now: () => number, statuses: readonly (number | 'hang')[]) {
  const posted: Posted[] = [];
  const fetchStub: typeof fetch = (input, init) => {
    expect(input).toBe(URL);
    expect(typeof init?.body).toBe('string');
    posted.push({ at: now(), headers: new Headers(init?.headers), body: init?.body as string });
    const status = statuses[Math.min(posted.length, statuses.length) - 1] as number | 'hang';
    if (status === 'hang') {
      return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error), { once: true }));
    }
    return Promise.resolve(new Response(status === 204 ? null : '{}', { status }));
  };
  return { posted, fetch: fetchStub };
}

/** The Standard Webhooks signature computed here, from the spec, not with the sink's code. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

const outcomeUnknown = (at: number) => ({ type: 'queue.dead_lettered' as const, at, provider: 'acme', endpoint: 'items.create', correlationId: 'c1', attempts: 3, errorKind: 'outcome_unknown' as const, reason: 'http_504' });

const webhookConfig = {
  sinks: [
    { id: 'log', kind: 'log' as const },
    { id: 'oncall', kind: 'webhook' as const, url: URL, secretEnv: 'ALERT_WEBHOOK_SECRET', timeoutMs: 5_000, retry: { attempts: 3, baseMs: 1_000, capMs: 10_000 } },
  ],
  routes: { P0: ['oncall', 'log'] },
  owners: { byProvider: { acme: 'team-acme' } },
};

describe('alert sinks', () => {
  it('webhook: a Standard Webhooks signature the receiver can verify, a Slack text, and retries that keep the message id and sign anew', async () => {
    let now = (): number => 0;
    const rx = receiver(() => now(), [503, 'hang', 204]);
    const reports: DeliveryReport[] = [];
    const metrics = new MetricsRegistry();
    const h = await alertHarness(webhookConfig, { env: { ALERT_WEBHOOK_SECRET: SECRET }, fetch: rx.fetch, metrics, onDelivery: (report) => reports.push(report) });
    now = () => h.clock.now();
    h.emit(outcomeUnknown(h.clock.now()));
    await h.run(30 * SECOND);
    // The log sink is not held up by the webhook's retries.
    expect(h.told()).toEqual([expect.objectContaining({ type: 'alert.firing', rule: 'outcome_unknown' })]);
    await h.run(20 * SECOND);
    await h.alerting.idle();

    expect(rx.posted).toHaveLength(3);
    const [first, second, third] = rx.posted as [Posted, Posted, Posted];
    for (const post of rx.posted) {
      const id = post.headers.get('webhook-id') as string;
      const timestamp = post.headers.get('webhook-timestamp') as string;
      expect(timestamp).toBe(String(Math.floor(post.at / 1_000)));
      expect(post.headers.get('webhook-signature')).toBe(expectedSignature(SECRET, id, timestamp, post.body));
      expect(post.headers.get('content-type')).toBe('application/json');
    }
    expect(new Set(rx.posted.map((post) => post.headers.get('webhook-id'))).size).toBe(1);
    expect(second.at).toBeGreaterThan(first.at);
    expect(third.at - second.at).toBeGreaterThanOrEqual(5_000); // the hung attempt timed out on the clock
    expect(third.headers.get('webhook-timestamp')).not.toBe(first.headers.get('webhook-timestamp'));
    expect(expectedSignature(`whsec_${randomBytes(24).toString('base64')}`, 'x', '1', third.body)).not.toBe(third.headers.get('webhook-signature'));

    const body = JSON.parse(third.body) as { type: string; timestamp: string; text: string; data: { alert: { rule: string; severity: string; owner: string } } };
    expect(body.type).toBe('alert.firing');
    expect(body.data.alert).toMatchObject({ rule: 'outcome_unknown', severity: 'P0', owner: 'team-acme' });
    expect(body.text).toMatch(/^FIRING \[P0\] outcome_unknown \(provider=acme\): a create whose outcome is unknown: 1 in 60 min; owner team-acme/);
    expect(body.text).not.toContain(SECRET.slice(6));

    expect(reports).toEqual([
      expect.objectContaining({ sink: 'log', outcome: 'delivered', attempts: 1 }),
      expect.objectContaining({ sink: 'oncall', outcome: 'delivered', attempts: 3 }),
    ]);
    const rendered = await metrics.render();
    expect(rendered).toContain('interlock_alert_deliveries_total{outcome="retried",sink="oncall"} 2');
    expect(rendered).toContain('interlock_alert_deliveries_total{outcome="delivered",sink="oncall"} 1');
    await h.alerting.close();
  });

  it('webhook: a receiver that keeps failing is reported once, with the attempts and the last error, in the log and the counter', async () => {
    let now = (): number => 0;
    const rx = receiver(() => now(), [500]);
    const metrics = new MetricsRegistry();
    const h = await alertHarness(webhookConfig, { env: { ALERT_WEBHOOK_SECRET: SECRET }, fetch: rx.fetch, metrics });
    now = () => h.clock.now();
    h.emit(outcomeUnknown(h.clock.now()));
    await h.run(60 * SECOND);
    await h.alerting.idle();
    expect(rx.posted).toHaveLength(3);
    const failures = h.lines.filter((line) => line.message === 'alert delivery failed');
    expect(failures.map((line) => line.fields)).toEqual([{ sink: 'oncall', notice: expect.stringMatching(/^msg_/) as unknown, attempts: 3, type: 'alert.firing', error: 'the receiver answered 500' }]);
    expect(await metrics.render()).toContain('interlock_alert_deliveries_total{outcome="failed",sink="oncall"} 1');
    await h.alerting.close();
  });

  it('webhook: refuses to start without a Standard Webhooks secret in the environment, and never says the value', async () => {
    await expect(alertHarness(webhookConfig, { env: {} })).rejects.toThrow('Alert sink oncall needs the environment variable ALERT_WEBHOOK_SECRET');
    for (const wrong of ['plain-password', `whsec_${randomBytes(8).toString('base64')}`, 'whsec_not base64!!', randomBytes(32).toString('base64')]) {
      const started = alertHarness(webhookConfig, { env: { ALERT_WEBHOOK_SECRET: wrong } });
      await expect(started).rejects.toThrow('Alert sink oncall: ALERT_WEBHOOK_SECRET is not a Standard Webhooks secret (whsec_ and the base64 of 24 to 64 bytes)');
      await expect(started).rejects.not.toThrow(wrong);
    }
  });

  it('SMTP: one email per notice through nodemailer, credentials from the environment, a failed send retried', async () => {
    const servers: SmtpServer[] = [];
    const sent: { envelope: { to: string[] }; message: string }[] = [];
    let failures = 1;
    const json = nodemailer.createTransport({ jsonTransport: true });
    const transport: MailTransport = {
      async sendMail(message) {
        if (failures-- > 0) throw new Error('421 try again later');
        const info: unknown = await json.sendMail(message);
        sent.push(info as { envelope: { to: string[] }; message: string });
      },
    };
    const h = await alertHarness(
      {
        sinks: [{ id: 'mail', kind: 'smtp', host: 'smtp.example.test', port: 587, userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD', from: 'interlock@example.test', to: ['oncall@example.test'], retry: { attempts: 2, baseMs: 500, capMs: 500 } }],
        routes: { P0: ['mail'], P1: ['mail'], P2: ['mail'], P3: ['mail'] },
      },
      {
        env: { SMTP_USER: 'alerts', SMTP_PASSWORD: 'hunter2' },
        mailTransport: (server) => {
          servers.push(server);
          return transport;
        },
      },
    );
    expect(servers).toEqual([{ host: 'smtp.example.test', port: 587, secure: false, user: 'alerts', password: 'hunter2', timeoutMs: 30_000 }]);
    h.emit(outcomeUnknown(h.clock.now()));
    await h.run(40 * SECOND);
    await h.alerting.idle();
    expect(sent).toHaveLength(1);
    const mail = JSON.parse(sent[0]!.message) as { subject: string; text: string; headers: Record<string, string> };
    expect(sent[0]!.envelope.to).toEqual(['oncall@example.test']);
    expect(mail.subject).toBe('FIRING [P0] outcome_unknown (provider=acme): a create whose outcome is unknown: 1 in 60 min; owner unassigned');
    expect(mail.text).toContain('since 2026-01-01T00:00:30.000Z');
    expect(mail.headers['X-Interlock-Notice']).toMatch(/^msg_/);
    expect(JSON.stringify(sent)).not.toContain('hunter2');
    await h.alerting.close();
  });
});
