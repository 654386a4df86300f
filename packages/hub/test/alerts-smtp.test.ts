import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { alertHarness, MINUTE } from './alerts-harness.js';

interface Session {
  commands: string[];
  data: string;
}

/** Just enough of an SMTP server on 127.0.0.1 to take one message per session, with AUTH PLAIN. */
async function smtpServer(): Promise<{ port: number; sessions: Session[]; server: Server }> {
  const sessions: Session[] = [];
  const server = createServer((socket: Socket) => {
    const session: Session = { commands: [], data: '' };
    sessions.push(session);
    let inData = false;
    let buffer = '';
    socket.setEncoding('utf8');
    socket.write('220 localhost ESMTP test\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          session.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 2.0.0 queued\r\n');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol === -1) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        session.commands.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (verb === 'AUTH') socket.write('235 2.7.0 accepted\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, sessions, server };
}

const quotedPrintable = (text: string): string =>
  text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('the SMTP sink over real SMTP', () => {
  it('sends an alert and the daily digest through nodemailer, logging in with the credentials named in the config', async () => {
    const smtp = await smtpServer();
    close = () => new Promise((resolve) => smtp.server.close(() => resolve()));
    const h = await alertHarness(
      {
        sinks: [{ id: 'mail', kind: 'smtp', host: '127.0.0.1', port: smtp.port, userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD', from: 'interlock@example.test', to: ['oncall@example.test'] }],
        routes: { P0: ['mail'], P1: [], P2: [], P3: ['mail'] },
      },
      { env: { SMTP_USER: 'alerts', SMTP_PASSWORD: 's3cret' } },
    );
    h.emit({ type: 'queue.dead_lettered', at: h.clock.now(), provider: 'acme', endpoint: 'items.create', correlationId: 'c1', attempts: 3, errorKind: 'outcome_unknown', reason: 'http_504' });
    h.emit({ type: 'enum.unknown_value', at: h.clock.now(), provider: 'acme', enum: 'status', raw: 'on_hold', count: 1, firstSeen: true });
    await h.run(MINUTE);
    await h.alerting.sendDigestNow();
    // Real sockets: wait for the deliveries themselves, not the clock.
    await h.alerting.idle();

    expect(smtp.sessions.map((session) => session.data !== '')).toEqual([true, true]);
    const [alert, digest] = smtp.sessions as [Session, Session];
    expect(alert.commands).toContain(`AUTH PLAIN ${Buffer.from('\u0000alerts\u0000s3cret').toString('base64')}`);
    expect(alert.commands).toContain('RCPT TO:<oncall@example.test>');
    expect(alert.data).toContain('Subject: FIRING [P0] outcome_unknown (provider=acme)');
    expect(alert.data).toMatch(/X-Interlock-Notice: msg_/);
    expect(digest.data).toContain('Subject: Interlock daily digest: 1 alert');
    expect(digest.data).toContain('Date: Thu, 01 Jan 2026 00:01:00 +0000');
    expect(quotedPrintable(digest.data)).toContain('- [P3] unknown_enum (provider=acme): unknown enum value: 1 in 1440 min; owner unassigned');
    await h.alerting.close();
  });
});
