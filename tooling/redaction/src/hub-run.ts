import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, runCli, startHub, type Hub, type HubConfigInput } from '@interlock/hub';
import type { Credentials } from './credentials.js';
import { ALERTS_PATH, EchoServer } from './echo-server.js';
import { EchoSmtp } from './echo-smtp.js';
import type { SweptEngine } from './engines.js';
import { credentialEnv, PROVIDERS } from './providers.js';
import { RecordingLog } from './recording-log.js';

// Under the package's node_modules: ignored by git, and the connectors the config names by package
// resolve from there for the CLI, which loads them from the config's folder as a deployment does.
const SCRATCH = fileURLToPath(new URL('../node_modules/.redaction-sweep/', import.meta.url));

const SINKS = ['log', 'hook', 'mail'];

/**
 * Alerts that fire on the first failed call and go to the log, to a webhook at the echoing
 * provider (signed with a Standard Webhooks secret) and to a mail server that quotes the login
 * back (a user and password): both deliveries fail once, and the hub logs why.
 */
function alertsTo(echoUrl: string, smtpPort: number): HubConfigInput['alerts'] {
  const once = { attempts: 1 };
  return {
    evaluateEverySeconds: 0.05,
    rules: { error_rate_high: { minRequests: 1 } },
    sinks: [
      { id: 'log', kind: 'log' },
      { id: 'hook', kind: 'webhook', url: `${echoUrl}${ALERTS_PATH}`, secretEnv: 'ALERT_WEBHOOK_SECRET', timeoutMs: 2_000, retry: once },
      { id: 'mail', kind: 'smtp', host: '127.0.0.1', port: smtpPort, userEnv: 'ALERT_SMTP_USER', passwordEnv: 'ALERT_SMTP_PASSWORD', from: 'hub@example.test', to: ['ops@example.test'], timeoutMs: 2_000, retry: once },
    ],
    routes: { P0: SINKS, P1: SINKS, P2: SINKS, P3: SINKS },
    digest: { severities: [] },
  };
}

/** One hub run on one engine: the hub, what it logged, and what it left for the CLI and the raw reads. */
export class SweptHub {
  private constructor(
    readonly hub: Hub,
    readonly log: RecordingLog,
    readonly dir: string,
    readonly run: string,
    private readonly configFile: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly echo: EchoServer,
    private readonly smtp: EchoSmtp,
  ) {}

  /**
   * Every connector against the echoing provider, credentials from the environment, console
   * operators signing in with a token, one attempt per event (a failure is a dead letter at once)
   * and polls every few tens of milliseconds, so each output has something to say quickly.
   */
  static async start(engine: SweptEngine, credentials: Credentials): Promise<SweptHub> {
    mkdirSync(SCRATCH, { recursive: true });
    const dir = mkdtempSync(SCRATCH);
    const run = `sweep_${randomBytes(6).toString('hex')}`;
    const echo = await EchoServer.start(credentials);
    const smtp = await EchoSmtp.start();
    const config: HubConfigInput = {
      port: 0,
      ...engine.config(dir, run),
      workers: { maxAttempts: 1 },
      polling: { firstAfterSeconds: 0.05, capSeconds: 0.2 },
      reconciliation: { enabled: false },
      retention: { enabled: false },
      alerts: alertsTo(echo.url, smtp.port),
      log: { level: 'debug' },
      console: { operators: [{ name: 'sweep', tokenEnv: 'CONSOLE_TOKEN', role: 'admin' }] },
      providers: PROVIDERS.map((provider) => ({ name: provider.name, connector: provider.connector, options: { ...provider.options, baseUrl: `${echo.url}/` }, webhookSecretsEnv: provider.webhookSecretsEnv })),
    };
    const configFile = join(dir, 'interlock.config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const env = { ...process.env, ...credentialEnv(credentials) };
    const log = new RecordingLog();
    const hub = await startHub({ config: loadConfig(configFile), baseDir: dir, env, log });
    return new SweptHub(hub, log, dir, run, configFile, env, echo, smtp);
  }

  /** Runs the CLI on this hub's config and store (`env` over the hub's); returns what it printed on each stream. */
  async cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    await runCli(['--config', this.configFile, ...args], (line) => void out.push(line), { err: (line) => void err.push(line), env: { ...this.env, ...env }, cwd: this.dir });
    return { out: out.join('\n'), err: err.join('\n') };
  }

  /** Every alert the hub delivered to its webhook sink, headers and body. */
  get alertDeliveries(): string {
    return this.echo.alertDeliveries.join('\n');
  }

  /** Stops the hub; the echoing provider stays up for the CLI. */
  stopHub(): Promise<void> {
    return this.hub.close();
  }

  async remove(): Promise<void> {
    await this.echo.close();
    await this.smtp.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
