import type { AlertsConfig } from './config.js';
import type { ResolvedRule } from './resolve-rules.js';
import type { Subject } from './types.js';

/** Who is told: the rule's owner, else the provider's team, else the severity's, else the default. */
export function ownerOf(rule: ResolvedRule, subject: Subject, owners: AlertsConfig['owners']): string {
  const provider = subject.provider;
  return rule.owner ?? (provider === undefined ? undefined : owners.byProvider[provider]) ?? owners.bySeverity[rule.severity] ?? owners.default;
}
