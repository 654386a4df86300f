import { sortableId, type Clock } from '@interlock/core';
import type { AlertTelemetry } from './alert-telemetry.js';
import { step, type Track } from './hysteresis.js';
import type { ResolvedRule } from './resolve-rules.js';
import { longestWindowMs, measure, type Measurement } from './signals.js';
import type { AlertStore } from './store.js';
import type { AlertChangeKind, AlertNotice, AlertRecord, Subject } from './types.js';

export interface EvaluatorOptions {
  rules: readonly ResolvedRule[];
  telemetry: AlertTelemetry;
  store: AlertStore;
  clock: Clock;
  owner: (rule: ResolvedRule, subject: Subject) => string;
  route: (rule: ResolvedRule) => readonly string[];
  /** Each firing, repeat and resolution a sink should be told of. */
  notify: (notice: Extract<AlertNotice, { alert: AlertRecord }>) => void;
}

interface Tracked {
  track: Track;
  alert?: AlertRecord | undefined;
  /** Taken up from the store at this time: the telemetry that raised it was lost with the last process. */
  restoredAt?: number | undefined;
}

function subjectKey(subject: Subject): string {
  return Object.keys(subject)
    .sort()
    .map((name) => `${name}=${subject[name] as string}`)
    .join(',');
}

/**
 * Runs every rule over the windowed telemetry, moves each (rule, subject) through the hysteresis,
 * records the changes in the store and tells the sinks: once when an alert fires, again every
 * `repeatMs` while it holds (unless a worse alert on the same subject holds it back), and once
 * when it resolves.
 */
export class AlertEvaluator {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly options: EvaluatorOptions) {}

  /** Takes up the alerts the store says are firing, so a restart does not send them as new. */
  async restore(): Promise<void> {
    const rules = new Set(this.options.rules.map((rule) => rule.id));
    const now = this.options.clock.now();
    for (const alert of await this.options.store.active()) {
      if (rules.has(alert.rule)) this.tracked.set(alert.key, { track: { firing: true }, alert, restoredAt: now });
    }
  }

  /** The alerts firing now. */
  active(): AlertRecord[] {
    return [...this.tracked.values()].flatMap((tracked) => (tracked.alert ? [tracked.alert] : []));
  }

  async evaluate(): Promise<void> {
    const now = this.options.clock.now();
    this.options.telemetry.prune(now);
    for (const rule of this.options.rules) {
      const measured = new Map(measure(rule.signal, this.options.telemetry, now).map((m) => [`${rule.id}|${subjectKey(m.subject)}`, m]));
      for (const [key, tracked] of this.tracked) {
        if (tracked.alert?.rule !== rule.id || measured.has(key)) continue;
        // Silence while awaiting data keeps the last value (and the repeats); otherwise it clears.
        const { subject, value } = tracked.alert;
        measured.set(key, this.awaitingData(rule, tracked, now) ? { subject, value, detail: undefined } : { subject, value: undefined, detail: 'no data' });
      }
      for (const [key, measurement] of measured) await this.apply(rule, key, measurement, now);
    }
  }

  private async apply(rule: ResolvedRule, key: string, measurement: Measurement, now: number): Promise<void> {
    const tracked = this.tracked.get(key) ?? { track: { firing: false } };
    const { track, transition } = step(tracked.track, measurement.value, rule, now);
    const value = measurement.value ?? 0;
    const summary = measurement.detail === undefined ? (tracked.alert?.summary ?? rule.title) : `${rule.title}: ${measurement.detail}`;
    if (transition === 'fire') {
      const alert: AlertRecord = {
        id: `${key}@${now}`,
        key,
        rule: rule.id,
        severity: rule.severity,
        owner: this.options.owner(rule, measurement.subject),
        route: this.options.route(rule),
        subject: measurement.subject,
        summary,
        value,
        peak: value,
        firedAt: now,
        notifications: 0,
      };
      this.tracked.set(key, { track, alert });
      this.tell(rule, alert, 'firing', now);
      await this.change('firing', alert, now);
      return;
    }
    const alert = tracked.alert;
    if (transition === 'resolve' && alert) {
      this.tracked.delete(key);
      const resolved: AlertRecord = { ...alert, resolvedAt: now };
      await this.change('resolved', resolved, now);
      // An alert nobody was told of resolves quietly.
      if (alert.notifications > 0) this.options.notify(this.notice('resolved', resolved, now));
      return;
    }
    if (!track.firing || !alert) {
      if (track.breachSince === undefined) this.tracked.delete(key);
      else this.tracked.set(key, { track });
      return;
    }
    if (measurement.value !== undefined) {
      alert.value = value;
      alert.peak = Math.max(alert.peak, value);
      alert.summary = summary;
    }
    this.tracked.set(key, { track, alert, restoredAt: tracked.restoredAt });
    const kind = alert.lastNotifiedAt === undefined ? 'firing' : 'repeat';
    const due = kind === 'firing' || now - (alert.lastNotifiedAt as number) >= rule.repeatMs;
    if (due && this.tell(rule, alert, kind, now)) await this.change(kind, alert, now);
  }

  /**
   * A subject nothing is measured for any more has cleared, except where the silence says nothing:
   * a reconciliation alert waits for a clean run, and an alert taken up after a restart waits one
   * window for the telemetry to build up again.
   */
  private awaitingData(rule: ResolvedRule, tracked: Tracked, now: number): boolean {
    if (rule.signal.kind === 'reconciliation') return true;
    return tracked.restoredAt !== undefined && now < tracked.restoredAt + longestWindowMs([rule.signal]);
  }

  /** Sends unless held back; true when sent. */
  private tell(rule: ResolvedRule, alert: AlertRecord, kind: 'firing' | 'repeat', now: number): boolean {
    if (this.inhibited(rule, alert)) return false;
    alert.lastNotifiedAt = now;
    alert.notifications += 1;
    this.options.notify(this.notice(kind, alert, now));
    return true;
  }

  private inhibited(rule: ResolvedRule, alert: AlertRecord): boolean {
    if (rule.inhibitedBy === undefined) return false;
    const worse = this.tracked.get(`${rule.inhibitedBy}|${subjectKey(alert.subject)}`);
    return worse?.alert !== undefined;
  }

  private notice(kind: AlertChangeKind, alert: AlertRecord, now: number): Extract<AlertNotice, { alert: AlertRecord }> {
    return { id: `msg_${sortableId(now)}`, type: `alert.${kind}`, at: now, alert: { ...alert, route: [...alert.route], subject: { ...alert.subject } } };
  }

  private change(kind: AlertChangeKind, alert: AlertRecord, now: number): Promise<void> {
    return this.options.store.record({ kind, at: now, alert: { ...alert } });
  }
}
