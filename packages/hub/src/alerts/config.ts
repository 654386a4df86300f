import { ERROR_KINDS } from '@interlock/core';
import { z } from 'zod';
import { DEFAULT_RULES } from './rules.js';
import { SEVERITIES } from './types.js';

const severity = z.enum(SEVERITIES);
const sinkId = z.string().regex(/^[a-z0-9-]+$/, 'sink ids are lowercase letters, digits and dashes');

/** Each sink retries a failed delivery on its own, with full-jitter backoff, then reports the failure. */
const retrySchema = z
  .object({
    attempts: z.number().int().min(1).default(5),
    baseMs: z.number().int().min(1).default(1_000),
    capMs: z.number().int().min(1).default(60_000),
  })
  .refine((retry) => retry.capMs >= retry.baseMs, { message: 'capMs must not be below baseMs', path: ['capMs'] })
  .default({});

/** Secrets and passwords are named by environment variable, never written in the file. */
const sinkSchema = z.discriminatedUnion('kind', [
  z.object({ id: sinkId, kind: z.literal('log'), retry: retrySchema }),
  z.object({
    id: sinkId,
    kind: z.literal('webhook'),
    url: z.string().url(),
    /** The variable holding the Standard Webhooks secret (`whsec_` + base64). */
    secretEnv: z.string().min(1),
    timeoutMs: z.number().int().min(1).default(10_000),
    retry: retrySchema,
  }),
  z.object({
    id: sinkId,
    kind: z.literal('smtp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65_535).default(587),
    /** True for implicit TLS (465); otherwise STARTTLS is used when the server offers it. */
    secure: z.boolean().default(false),
    userEnv: z.string().min(1).optional(),
    passwordEnv: z.string().min(1).optional(),
    from: z.string().min(3),
    to: z.array(z.string().min(3)).min(1),
    timeoutMs: z.number().int().min(1).default(30_000),
    retry: retrySchema,
  }),
]);

/** Any of a rule's thresholds and windows; what a rule's signal does not use is refused. */
const ruleOverrideSchema = z
  .object({
    enabled: z.boolean().optional(),
    severity: severity.optional(),
    owner: z.string().min(1).optional(),
    fireAt: z.number().min(0).optional(),
    clearBelow: z.number().min(0).optional(),
    forSeconds: z.number().min(0).optional(),
    clearForSeconds: z.number().min(0).optional(),
    repeatMinutes: z.number().positive().optional(),
    windowMinutes: z.number().positive().optional(),
    baselineMinutes: z.number().positive().optional(),
    minRequests: z.number().int().min(1).optional(),
    minSamples: z.number().int().min(1).optional(),
    quantile: z.number().gt(0).lt(1).optional(),
    ignoreKinds: z.array(z.enum(ERROR_KINDS)).optional(),
    /** Per provider name, its latency SLA in ms (`latency_sla`). */
    slaMs: z.record(z.string(), z.number().positive()).optional(),
  })
  .strict();

const ruleIds = new Set(DEFAULT_RULES.map((rule) => rule.id));

const routesSchema = z
  .object({ P0: z.array(sinkId).default(['log']), P1: z.array(sinkId).default(['log']), P2: z.array(sinkId).default(['log']), P3: z.array(sinkId).default(['log']) })
  .default({});

/**
 * The hub's alerting: rules over its own telemetry, each alert with an owner and a route. Every
 * field has a default, so `{}` alerts to the log.
 */
export const alertsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    evaluateEverySeconds: z.number().positive().default(30),
    /** Telemetry is counted in buckets this long; windows are whole buckets. */
    bucketSeconds: z.number().positive().default(10),
    owners: z
      .object({
        default: z.string().min(1).default('unassigned'),
        bySeverity: z.record(severity, z.string().min(1)).default({}),
        /** By provider name as configured: the team that owns one integration. */
        byProvider: z.record(z.string(), z.string().min(1)).default({}),
      })
      .default({}),
    /** How often an alert that still holds is sent again. */
    repeatMinutes: z.object({ P0: z.number().positive().default(15), P1: z.number().positive().default(60), P2: z.number().positive().default(240), P3: z.number().positive().default(1_440) }).default({}),
    rules: z.record(z.string(), ruleOverrideSchema).default({}),
    sinks: z.array(sinkSchema).default([{ id: 'log', kind: 'log' }]),
    /** Sinks per severity; the digest severities go to their sinks once a day instead of at once. */
    routes: routesSchema,
    digest: z
      .object({
        severities: z.array(severity).default(['P3']),
        /** The hour (UTC) the digest is sent. */
        hourUtc: z.number().int().min(0).max(23).default(8),
      })
      .default({}),
  })
  .superRefine((config, ctx) => {
    for (const id of Object.keys(config.rules)) {
      if (!ruleIds.has(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['rules', id], message: `no rule ${id}; the rules are ${[...ruleIds].join(', ')}` });
    }
    const sinkIds = new Set<string>();
    config.sinks.forEach((sink, index) => {
      if (sinkIds.has(sink.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['sinks', index, 'id'], message: `sink ${sink.id} is defined twice` });
      sinkIds.add(sink.id);
    });
    for (const level of SEVERITIES) {
      for (const id of config.routes[level]) {
        if (!sinkIds.has(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['routes', level], message: `no sink ${id}` });
      }
    }
  });

export type AlertsConfig = z.output<typeof alertsConfigSchema>;
export type AlertsConfigInput = z.input<typeof alertsConfigSchema>;
export type SinkConfig = AlertsConfig['sinks'][number];
export type RetryConfig = SinkConfig['retry'];
export type RuleOverride = z.output<typeof ruleOverrideSchema>;
