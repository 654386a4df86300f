import type { AlertsConfig, RuleOverride } from './config.js';
import { DEFAULT_RULES, type RuleDefinition, type SignalSpec } from './rules.js';

/** A rule with the config's overrides applied: what the evaluator runs. */
export interface ResolvedRule extends RuleDefinition {
  repeatMs: number;
  /** The owner the config names for this rule, before the provider's and the severity's. */
  owner?: string | undefined;
}

type SignalOverride = Pick<RuleOverride, 'windowMinutes' | 'baselineMinutes' | 'minRequests' | 'minSamples' | 'quantile' | 'ignoreKinds' | 'slaMs'>;

type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

function defined<T extends object>(values: T): Defined<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Defined<T>;
}

/** The signal with the overrides it has a field for; an override it has no field for is a config mistake. */
function overrideSignal(ruleId: string, signal: SignalSpec, override: SignalOverride): SignalSpec {
  const given = defined(override);
  const unknown = Object.keys(given).filter((key) => !(key in signal));
  if (unknown.length > 0) throw new TypeError(`Invalid alerts config: rule ${ruleId} has no ${unknown.join(', ')}`);
  return { ...signal, ...given };
}

/** The default rules with the config's thresholds, severities and owners; disabled rules left out. */
export function resolveRules(config: AlertsConfig, defaults: readonly RuleDefinition[] = DEFAULT_RULES): ResolvedRule[] {
  return defaults.flatMap((rule) => {
    const { enabled, owner, repeatMinutes, fireAt, clearBelow, forSeconds, clearForSeconds, severity, ...signal } = config.rules[rule.id] ?? {};
    if (enabled === false) return [];
    const resolved: ResolvedRule = {
      ...rule,
      ...defined({ fireAt, clearBelow, forSeconds, clearForSeconds, severity }),
      signal: overrideSignal(rule.id, rule.signal, signal),
      owner,
      repeatMs: (repeatMinutes ?? config.repeatMinutes[severity ?? rule.severity]) * 60_000,
    };
    if (resolved.clearBelow > resolved.fireAt) throw new TypeError(`Invalid alerts config: rule ${rule.id} clears below ${resolved.clearBelow}, above where it fires (${resolved.fireAt})`);
    return [resolved];
  });
}
