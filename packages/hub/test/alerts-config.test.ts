import { describe, expect, it } from 'vitest';
import { alertsConfigSchema, DEFAULT_RULES } from '../src/alerts/index.js';
import { resolveRules } from '../src/alerts/resolve-rules.js';

describe('alerts config', () => {
  it('has the issue defaults: severities, thresholds and windows as data, alerting to the log', () => {
    const config = alertsConfigSchema.parse({});
    const rules = resolveRules(config);
    expect(rules.map((rule) => `${rule.severity} ${rule.id} ${rule.fireAt}`)).toEqual([
      'P0 provider_down 300',
      'P0 reconciliation_money 1',
      'P0 outcome_unknown 1',
      'P1 error_rate_high 0.2',
      'P1 queue_depth 0.8',
      'P1 latency_sla 1',
      'P2 error_rate_elevated 0.05',
      'P2 latency_p95 1.5',
      'P2 reconciliation_counts 1',
      'P3 unknown_enum 1',
      'P3 schema_drift 1',
      'P3 rate_limited 50',
    ]);
    expect(rules.every((rule) => rule.clearBelow <= rule.fireAt)).toBe(true);
    expect(rules.find((rule) => rule.id === 'provider_down')?.repeatMs).toBe(15 * 60_000);
    expect(config.routes).toEqual({ P0: ['log'], P1: ['log'], P2: ['log'], P3: ['log'] });
    expect(config.digest).toEqual({ severities: ['P3'], hourUtc: 8 });
  });

  it('takes thresholds, windows, severities, owners and repeats per rule, and turns rules off', () => {
    const config = alertsConfigSchema.parse({
      rules: {
        error_rate_high: { fireAt: 0.3, clearBelow: 0.25, windowMinutes: 10, minRequests: 50, owner: 'sre', repeatMinutes: 5 },
        latency_p95: { severity: 'P1', quantile: 0.99 },
        schema_drift: { enabled: false },
      },
    });
    const rules = resolveRules(config);
    const high = rules.find((rule) => rule.id === 'error_rate_high');
    expect(high).toMatchObject({ fireAt: 0.3, clearBelow: 0.25, owner: 'sre', repeatMs: 5 * 60_000, signal: { kind: 'error_rate', windowMinutes: 10, minRequests: 50 } });
    expect(rules.find((rule) => rule.id === 'latency_p95')).toMatchObject({ severity: 'P1', repeatMs: 60 * 60_000, signal: { quantile: 0.99, baselineMinutes: 30 } });
    expect(rules.map((rule) => rule.id)).not.toContain('schema_drift');
    expect(DEFAULT_RULES.find((rule) => rule.id === 'error_rate_high')?.fireAt).toBe(0.2);
  });

  it('refuses an unknown rule, a route to no sink, a sink defined twice, a setting the rule has not, and a clear above the fire threshold', () => {
    const issues = (input: unknown): string[] => {
      const parsed = alertsConfigSchema.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(issues({ rules: { disk_full: { fireAt: 1 } } })).toEqual([expect.stringMatching(/^rules.disk_full: no rule disk_full; the rules are provider_down, /)]);
    expect(issues({ routes: { P0: ['pager'] } })).toEqual(['routes.P0: no sink pager']);
    expect(issues({ sinks: [{ id: 'log', kind: 'log' }, { id: 'log', kind: 'log' }] })).toEqual(['sinks.1.id: sink log is defined twice']);
    expect(issues({ sinks: [{ id: 'hook', kind: 'webhook', url: 'not a url', secretEnv: 'S' }], routes: { P0: ['hook'], P1: [], P2: [], P3: [] } })).toEqual(['sinks.0.url: Invalid url']);
    expect(() => resolveRules(alertsConfigSchema.parse({ rules: { provider_down: { windowMinutes: 3 } } }))).toThrow('rule provider_down has no windowMinutes');
    expect(() => resolveRules(alertsConfigSchema.parse({ rules: { queue_depth: { clearBelow: 0.9 } } }))).toThrow('rule queue_depth clears below 0.9, above where it fires (0.8)');
  });
});
