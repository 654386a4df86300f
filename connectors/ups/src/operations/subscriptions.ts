import { fieldReader, type WatchOutcome } from '@interlock/core';
import { SUBSCRIPTION_FIELDS } from '../fields.js';
import type { UpsContext } from './context.js';

/** UPSTrackAlert.yaml: `trackingNumberList` maxItems 100 (VSS220 refuses more). */
export const SUBSCRIPTION_BATCH = 100;

/** "Each tracking number subscription is valid for 14 days" (UPSTrackAlert.yaml FAQ). */
export const SUBSCRIPTION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

/** Renewed this long before it lapses, so a renewal that fails once has a day to succeed. */
export const SUBSCRIPTION_RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

export interface SubscriptionOutcome {
  subscribed: string[];
  refused: string[];
}

/** A subscription outcome in the words of the logistics connector's `watch`. */
export function asWatchOutcome(outcome: SubscriptionOutcome): WatchOutcome {
  return { watched: outcome.subscribed, refused: outcome.refused };
}

/** Subscribes numbers to Track Alert, 100 per call, and says which UPS took and which it refused. */
export async function subscribe(ctx: UpsContext, trackingNumbers: readonly string[]): Promise<SubscriptionOutcome> {
  const outcome: SubscriptionOutcome = { subscribed: [], refused: [] };
  for (let start = 0; start < trackingNumbers.length; start += SUBSCRIPTION_BATCH) {
    const batch = trackingNumbers.slice(start, start + SUBSCRIPTION_BATCH);
    const out = SUBSCRIPTION_FIELDS.outbound;
    const body = { [out.locale]: 'en_US', [out.countryCode]: 'US', [out.trackingNumbers]: batch };
    const read = fieldReader(SUBSCRIPTION_FIELDS, await ctx.api.call('subscribe', { body }));
    outcome.subscribed.push(...(read.get('subscribed') ?? []));
    outcome.refused.push(...(read.get('refused') ?? []));
  }
  return outcome;
}

/**
 * Keeps Track Alert subscriptions alive: each number is subscribed when added and subscribed again
 * a day before its 14 days lapse, until it is removed (its parcel final). `renewDue` is called on
 * the caller's schedule (the hub's poller asks hourly, through the connector's `renewWatches`);
 * numbers UPS refused are not retried.
 */
export class SubscriptionKeeper {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly ctx: UpsContext) {}

  /** Subscribes numbers not yet subscribed. */
  async add(trackingNumbers: readonly string[]): Promise<SubscriptionOutcome> {
    return this.run(trackingNumbers.filter((number) => !this.expiry.has(number)));
  }

  /** Stops renewing a number (its parcel reached a final status); UPS lets the subscription lapse. */
  remove(trackingNumber: string): void {
    this.expiry.delete(trackingNumber);
  }

  /** Renews every subscription that lapses within a day. */
  async renewDue(): Promise<SubscriptionOutcome> {
    const horizon = this.ctx.clock.now() + SUBSCRIPTION_RENEW_BEFORE_MS;
    return this.run([...this.expiry].filter(([, expiresAt]) => expiresAt <= horizon).map(([number]) => number));
  }

  /** When a number's subscription lapses, epoch ms; undefined when it is not kept. */
  expiresAt(trackingNumber: string): number | undefined {
    return this.expiry.get(trackingNumber);
  }

  private async run(numbers: readonly string[]): Promise<SubscriptionOutcome> {
    if (numbers.length === 0) return { subscribed: [], refused: [] };
    const startedAt = this.ctx.clock.now();
    const outcome = await subscribe(this.ctx, numbers);
    for (const number of outcome.subscribed) this.expiry.set(number, startedAt + SUBSCRIPTION_LIFETIME_MS);
    for (const number of outcome.refused) this.expiry.delete(number);
    return outcome;
  }
}
