/** How urgently a person must be told: P0 at once on every P0 sink, P3 in the daily digest. */
export const SEVERITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What an alert is about, as labels: a provider, perhaps one of its endpoints or one reconciliation. */
export type Subject = Readonly<Record<string, string>>;

/** One alert, from the moment it fires to its resolution. */
export interface AlertRecord {
  /** This firing: `key@firedAt`. A later firing of the same rule on the same subject has a new id. */
  id: string;
  /** The rule and its subject: the same across firings. */
  key: string;
  rule: string;
  severity: Severity;
  owner: string;
  /** The sinks this alert goes to (for a digest severity, the digest's sinks). */
  route: readonly string[];
  subject: Subject;
  /** One line a person can act on. */
  summary: string;
  /** The rule's measurement when last evaluated, and the worst seen during this firing. */
  value: number;
  peak: number;
  firedAt: number;
  /** When a sink was last told (firing or repeat); absent while a higher alert holds it back. */
  lastNotifiedAt?: number | undefined;
  notifications: number;
  resolvedAt?: number | undefined;
}

export type AlertChangeKind = 'firing' | 'repeat' | 'resolved';

/** One line of an alert's history. */
export interface AlertChange {
  kind: AlertChangeKind;
  at: number;
  alert: AlertRecord;
}

/** What a sink is given: one alert's change, or the daily digest. */
export type AlertNotice =
  | {
      /** Stable across a delivery's retries, so a receiver can drop a duplicate. */
      id: string;
      type: `alert.${AlertChangeKind}`;
      at: number;
      alert: AlertRecord;
    }
  | {
      id: string;
      type: 'alert.digest';
      at: number;
      from: number;
      to: number;
      /** The digest severities' alerts active now or changed in the period, one line each. */
      alerts: readonly AlertRecord[];
    };

/** Somewhere a notice can be delivered; `send` throws when it was not delivered (then it is retried). */
export interface AlertSink {
  readonly id: string;
  send(notice: AlertNotice, signal: AbortSignal): Promise<void>;
}
