import type { Counter, MetricsRegistry } from '../metrics/registry.js';
import type { ResolvedRule } from './resolve-rules.js';
import type { AlertRecord } from './types.js';

/**
 * `interlock_alerts_active{severity,rule}`: alerts firing now, one series per enabled rule (0 when
 * quiet, so a missing series means a missing rule); and deliveries by sink and outcome.
 */
export function registerAlertMetrics(registry: MetricsRegistry, rules: readonly ResolvedRule[], active: () => readonly AlertRecord[]): Counter {
  registry.gauge({
    name: 'interlock_alerts_active',
    help: 'Alerts firing now, by severity and rule.',
    read: () => {
      const firing = active();
      return Promise.resolve(
        rules.map((rule) => ({ labels: { severity: rule.severity, rule: rule.id }, value: firing.filter((alert) => alert.rule === rule.id).length })),
      );
    },
  });
  return registry.counter('interlock_alert_deliveries_total', 'Alert notices sent to sinks, by sink and outcome (delivered, retried, failed, claimed_elsewhere: another instance sharing the store has it).');
}
