import type { BeginResult, Clock, IdempotencyStore, StoredOutcome } from '@interlock/core';
import type { AlertNotice, AlertRecord } from './types.js';

/** The idempotency scope the claims are kept under. */
export const CLAIM_SCOPE = 'alerts';
// The key already names what is claimed; one fingerprint for all means a claim never mismatches.
const FINGERPRINT = 'alert-delivery';
// A claim another instance holds is read again this often, and waited on at most this long: longer
// than the stores' default lock timeout (60 s), after which a claim whose holder died is free again.
const POLL_MS = 5_000;
const WAIT_MS = 5 * 60_000;

/** Whether this instance delivers: then it says how the delivery ended; otherwise who has it, when known. */
export type Claim = { mine: true; by: string; done(delivered: boolean): Promise<void> } | { mine: false; by?: string | undefined };

export interface DeliveryClaimsOptions {
  /** Shared by the instances that must deliver once between them (the hub's store). */
  store: IdempotencyStore;
  clock: Clock;
  /** This instance's name, kept in the claims it completes. */
  instance: string;
  /** An alert's repeat interval: its firings and repeats are claimed per interval. */
  repeatMs: (alert: AlertRecord) => number;
}

interface Delivered {
  by?: string;
  /** Set on a firing's claim once its resolution is claimed: a later firing in the interval is a new one. */
  resolved?: boolean;
}

/** What a completed claim holds; it was written by another instance, so it is read field by field. */
function deliveredOf(outcome: StoredOutcome): Delivered {
  const body = outcome.ok ? outcome.body : undefined;
  if (typeof body !== 'object' || body === null) return {};
  const { by, resolved } = body as Record<string, unknown>;
  return { ...(typeof by === 'string' ? { by } : {}), ...(resolved === true ? { resolved } : {}) };
}
const stored = (delivered: Delivered): StoredOutcome => ({ ok: true, status: 200, headers: {}, body: delivered });

/**
 * Lets instances sharing a store deliver each alert notice to each sink once between them. Before
 * a delivery the instance claims a key naming the alert, the change and a time bucket: a firing
 * and a repeat `floor(at / repeat interval)`, a resolution the firing it resolves. Only the
 * instance that gets the claim delivers; a failed delivery frees it for another instance; a claim
 * in progress elsewhere is waited on, since its delivery may fail. The daily digest is not claimed.
 */
export class DeliveryClaims {
  /** This instance's firing per sink (`alert.id|sink`) -> its claim key, which the resolution names. */
  private readonly firings = new Map<string, string>();

  constructor(private readonly options: DeliveryClaimsOptions) {}

  /** Undefined: deliver unclaimed (a digest, or a store that cannot answer: better twice than never). */
  async take(notice: AlertNotice, sink: string, signal: AbortSignal): Promise<Claim | undefined> {
    if (notice.type === 'alert.digest') return undefined;
    const { alert } = notice;
    const bucket = (at: number): number => Math.floor(at / this.options.repeatMs(alert));
    const firing = `${alert.id}|${sink}`;
    try {
      switch (notice.type) {
        case 'alert.firing':
          return await this.takeFiring(`firing|${alert.key}|${bucket(notice.at)}`, sink, firing, signal);
        case 'alert.repeat':
          return await this.claim(`repeat|${alert.key}|${bucket(notice.at)}|${sink}`, signal);
        case 'alert.resolved': {
          // After a restart this instance's firing claim is unknown: the firing's own bucket names it.
          const firingKey = this.firings.get(firing) ?? `firing|${alert.key}|${bucket(alert.firedAt)}|1|${sink}`;
          this.firings.delete(firing);
          return await this.claim(`resolved|${firingKey}`, signal, () => this.options.store.complete(CLAIM_SCOPE, firingKey, stored({ by: this.options.instance, resolved: true }), this.options.clock.now()));
        }
      }
    } catch (error) {
      if (signal.aborted) throw error;
      return undefined;
    }
  }

  /** The first firing of the bucket not yet resolved: after a resolution, the alert may fire again within the interval. */
  private async takeFiring(base: string, sink: string, firing: string, signal: AbortSignal): Promise<Claim> {
    for (let generation = 1; ; generation++) {
      const key = `${base}|${generation}|${sink}`;
      const result = await this.begin(key, signal);
      if (result.state === 'completed' && deliveredOf(result.outcome).resolved === true) continue;
      this.firings.set(firing, key);
      return this.claimed(key, result);
    }
  }

  private async claim(key: string, signal: AbortSignal, onDelivered?: () => Promise<void>): Promise<Claim> {
    return this.claimed(key, await this.begin(key, signal), onDelivered);
  }

  private claimed(key: string, result: BeginResult, onDelivered?: () => Promise<void>): Claim {
    const { store, clock, instance } = this.options;
    switch (result.state) {
      case 'new':
        return {
          mine: true,
          by: instance,
          done: async (delivered) => {
            if (!delivered) return store.release(CLAIM_SCOPE, key);
            await store.complete(CLAIM_SCOPE, key, stored({ by: instance }), clock.now());
            await onDelivered?.();
          },
        };
      case 'completed':
        return { mine: false, by: deliveredOf(result.outcome).by };
      case 'in_progress':
      case 'mismatch':
        return { mine: false };
    }
  }

  /** Claims `key`, waiting while another instance's delivery of it is under way. */
  private async begin(key: string, signal: AbortSignal): Promise<BeginResult> {
    const { store, clock } = this.options;
    const giveUpAt = clock.now() + WAIT_MS;
    for (;;) {
      const result = await store.begin(CLAIM_SCOPE, key, FINGERPRINT, clock.now());
      if (result.state !== 'in_progress' || clock.now() >= giveUpAt) return result;
      await clock.sleep(POLL_MS, signal);
    }
  }
}
