import type { TelemetryEvent } from '@interlock/core';
import { describe, expect, it } from 'vitest';
import { consoleHubPerTest, OPERATOR_TOKEN, signedIn } from './console-harness.js';
import { TOY } from './support.js';

const scope = { provider: TOY, endpoint: 'tickets.get', correlationId: 'c', method: 'GET', attempt: 1 };

/** The text of the health table row headed `label` in the provider's section, tags stripped. */
function row(body: string, label: string): string {
  const found = new RegExp(`<tr><th>${label}</th>(.*?)</tr>`).exec(body);
  if (!found) throw new Error(`no row "${label}"`);
  return (found[1] as string).replace(/<title>.*?<\/title>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

describe('console health', () => {
  const run = consoleHubPerTest();

  it('shows the last hour per provider and endpoint from the alerts’ telemetry', async () => {
    const telemetry = run().hub.alerts?.telemetry;
    if (!telemetry) throw new Error('alerting is on by default');
    const at = Date.now();
    const events: TelemetryEvent[] = [
      ...Array.from({ length: 9 }, (_, index): TelemetryEvent => ({ ...scope, type: 'request.finished', at, durationMs: 10 * (index + 1), outcome: 'success', status: 200 })),
      { ...scope, type: 'request.finished', at, durationMs: 2_000, outcome: 'failure', status: 429, errorKind: 'rate_limited' },
      { ...scope, type: 'request.gave_up', at, attempts: 1, reason: 'http_503', errorKind: 'unavailable' },
      { type: 'circuit.state_changed', at, provider: TOY, endpoint: 'tickets.get', from: 'closed', to: 'open', reason: 'failures' },
      { type: 'enum.unknown_value', at, provider: TOY, enum: 'ticket.status', raw: 'escalated', count: 1, firstSeen: true },
      { type: 'reconciliation.completed', at, provider: TOY, name: 'tickets.fees', periodFrom: at - 3_600_000, periodTo: at, compared: 5, missing: 1, extra: 0, mismatched: 2, duplicates: 0, differences: 3 },
    ];
    for (const event of events) telemetry.emit(event);

    const alice = await signedIn(run().hub, OPERATOR_TOKEN);
    const { body } = await alice.get('/console');
    expect(row(body, 'Calls \\(last hour\\)')).toBe('10');
    expect(row(body, 'Error rate')).toBe('10.0% unavailable 1');
    expect(row(body, '429s and rate-limit waits')).toBe('1');
    expect(row(body, 'Unknown enum values')).toMatch(/^1 \(first seen \d{4}-/);
    expect(row(body, 'Contract drift')).toBe('0');
    expect(row(body, 'Last reconciliation')).toBe('tickets.fees at ' + new Date(at).toISOString() + ': 2 amount or field differences, 1 missing, extra or duplicated');
    const endpoint = /<tr><td>tickets\.get<\/td><td class="num">(\d+)<\/td><td class="num">(\d+) ms<\/td><td class="num">(\d+) ms<\/td><td><svg class="spark"[^]*?<\/svg><\/td><td><span class="bad">open since /.exec(body);
    const [attempts, p50, p95] = endpoint?.slice(1).map(Number) ?? [];
    expect(attempts).toBe(10);
    // Latency bins are 10% wide: a quantile reads as its bin's upper bound.
    expect(p50).toBeGreaterThanOrEqual(50);
    expect(p50).toBeLessThanOrEqual(55);
    expect(p95).toBeGreaterThanOrEqual(2_000);
    expect(p95).toBeLessThanOrEqual(2_200);
    expect(body.match(/<svg class="spark"/g)).toHaveLength(3);
  });
});
