import type { Clock } from '@interlock/core';
import type { HubLog } from '../../logging/log.js';
import type { RetryConfig, SinkConfig } from '../config.js';
import type { AlertSink } from '../types.js';
import { createLogSink } from './log-sink.js';
import { createSmtpSink, smtpTransport, type MailTransport, type SmtpServer } from './smtp-sink.js';
import { createWebhookSink, isStandardWebhooksSecret } from './webhook-sink.js';

export interface SinkEnvironment {
  clock: Clock;
  log: HubLog;
  env: NodeJS.ProcessEnv;
  fetch?: typeof fetch | undefined;
  /** How an SMTP sink reaches its server; default nodemailer over SMTP. */
  mailTransport?: ((server: SmtpServer) => MailTransport) | undefined;
}

export interface ConfiguredSink {
  sink: AlertSink;
  retry: RetryConfig;
}

function fromEnv(env: NodeJS.ProcessEnv, name: string, sink: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new TypeError(`Alert sink ${sink} needs the environment variable ${name}`);
  return value;
}

function createSink(config: SinkConfig, environment: SinkEnvironment): AlertSink {
  switch (config.kind) {
    case 'log':
      return createLogSink(config.id, environment.log);
    case 'webhook': {
      const secret = fromEnv(environment.env, config.secretEnv, config.id);
      // The message names the variable, never its value.
      if (!isStandardWebhooksSecret(secret)) throw new TypeError(`Alert sink ${config.id}: ${config.secretEnv} is not a Standard Webhooks secret (whsec_ and the base64 of 24 to 64 bytes)`);
      return createWebhookSink({ id: config.id, url: config.url, secret, clock: environment.clock, timeoutMs: config.timeoutMs, fetch: environment.fetch });
    }
    case 'smtp': {
      const server: SmtpServer = {
        host: config.host,
        port: config.port,
        secure: config.secure,
        user: config.userEnv === undefined ? undefined : fromEnv(environment.env, config.userEnv, config.id),
        password: config.passwordEnv === undefined ? undefined : fromEnv(environment.env, config.passwordEnv, config.id),
        timeoutMs: config.timeoutMs,
      };
      return createSmtpSink({ id: config.id, transport: (environment.mailTransport ?? smtpTransport)(server), from: config.from, to: config.to });
    }
  }
}

/** The config's sinks by id; a sink whose secret is missing stops the start. */
export function buildSinks(configs: readonly SinkConfig[], environment: SinkEnvironment): Map<string, ConfiguredSink> {
  return new Map(configs.map((config) => [config.id, { sink: createSink(config, environment), retry: config.retry }]));
}
