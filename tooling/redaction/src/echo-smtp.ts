import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// AUTH LOGIN's prompts, base64 as the protocol sends them: "Username:" and "Password:".
const USERNAME_PROMPT = '334 VXNlcm5hbWU6';
const PASSWORD_PROMPT = '334 UGFzc3dvcmQ6';

/** Answers one SMTP line; the password's line (base64, as AUTH LOGIN sends it) comes back in the refusal. */
function answer(line: string, socket: Socket, state: { step: 'command' | 'user' | 'password' }): void {
  const reply = (text: string): void => void socket.write(`${text}\r\n`);
  if (state.step === 'user') {
    state.step = 'password';
    return reply(PASSWORD_PROMPT);
  }
  if (state.step === 'password') {
    state.step = 'command';
    return reply(`535 5.7.8 authentication failed for ${line}`);
  }
  const verb = line.split(' ')[0]?.toUpperCase();
  if (verb === 'EHLO') return reply('250-sweep\r\n250 AUTH LOGIN');
  if (verb === 'AUTH') {
    state.step = 'user';
    return reply(USERNAME_PROMPT);
  }
  if (verb === 'QUIT') {
    reply('221 bye');
    return void socket.end();
  }
  reply('502 not here');
}

/**
 * A mail server that refuses every login by quoting the password line back, as a careless relay
 * would: what the alert sink does with that refusal is then what reaches the hub's log.
 */
export class EchoSmtp {
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<EchoSmtp> {
    const server = createServer((socket) => {
      const state = { step: 'command' as 'command' | 'user' | 'password' };
      let buffered = '';
      socket.on('error', () => socket.destroy());
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        for (let end = buffered.indexOf('\r\n'); end >= 0; end = buffered.indexOf('\r\n')) {
          answer(buffered.slice(0, end), socket, state);
          buffered = buffered.slice(end + 2);
        }
      });
      socket.write('220 sweep ESMTP\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new EchoSmtp(server, (server.address() as AddressInfo).port);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
