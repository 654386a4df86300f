import { REDACTED, type Clock, type Environment } from '@interlock/core';
import { pino } from 'pino';
import { LOG_LEVELS, type HubLog, type LogLevel } from './log.js';

/** Where log lines are written, one JSON line per call (pino's destination shape). */
export interface LogDestination {
  write(line: string): void;
}

export interface PinoLogOptions {
  level: LogLevel;
  /** The time each line carries: the hub's clock, so a line and the state it reports agree. */
  clock: Clock;
  /** Default standard error, written synchronously: the lines before a crash are not lost. */
  destination?: LogDestination | undefined;
}

// Fields that carry a credential by their name: censored whole, whatever the value looks like.
const SECRET_PATHS = [
  'headers.authorization',
  'headers["proxy-authorization"]',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["x-api-key"]',
  'headers["x-api-token"]',
  'headers["x-auth-token"]',
  'authorization',
  'password',
  'secret',
  'token',
];

/** The configured level, unless `LOG_LEVEL` names another; an unknown name stops the start. */
export function resolveLogLevel(configured: LogLevel, env: Environment): LogLevel {
  const override = env.LOG_LEVEL;
  if (override === undefined || override === '') return configured;
  const level = LOG_LEVELS.find((name) => name === override.toLowerCase());
  if (!level) throw new TypeError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${override}`);
  return level;
}

/** The hub's log as JSON lines: `level`, `time` (ISO), `message`, then the fields. */
export function createPinoLog(options: PinoLogOptions): HubLog {
  const { clock } = options;
  const logger = pino(
    {
      level: options.level,
      messageKey: 'message',
      timestamp: () => `,"time":"${new Date(clock.now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: SECRET_PATHS, censor: REDACTED },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
  return {
    debug: (message, fields = {}) => logger.debug(fields, message),
    info: (message, fields = {}) => logger.info(fields, message),
    warn: (message, fields = {}) => logger.warn(fields, message),
    error: (message, fields = {}) => logger.error(fields, message),
  };
}
