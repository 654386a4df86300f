import type { Clock } from '@interlock/core';
import { seededRandom, type DeliveryRecord, type ProviderSimulator, type WebhookEvent, type WebhookPlan } from '@interlock/testkit/simulator';

/** What a simulation offers for its webhooks (payments and logistics simulations alike). */
export interface WebhookSource {
  readonly simulator: ProviderSimulator;
  takeWebhookEvents(): WebhookEvent[];
  readonly signWebhook: WebhookPlan['sign'];
}

/** A delivery exactly as the provider signed and sent it: resent later, it is a captured old delivery. */
export interface SignedDelivery {
  eventId: string;
  rawBody: string;
  headers: Readonly<Record<string, string>>;
  signedAt: number;
}

export interface ProviderWebhooksOptions {
  simulation: WebhookSource;
  /** The hub's ingress for this provider: `<hub>/webhooks/<provider>`. */
  url: string;
  clock: Clock;
  /** The fetch deliveries go through (`clock.trackFetch()`, so time stands still on the wire). */
  fetch: typeof fetch;
  /** Share of events whose first delivery fails, so the provider sends them again after `retryAfterMs`. */
  failedFirstShare: number;
  retryAfterMs: number;
  /** Signed deliveries kept, from the first events, to send again once they are old. */
  keepSigned: number;
  seed: number;
}

const RANDOM_PLAN = { duplicates: 0.2, outOfOrder: 0.1, forged: 1 } as const;

/**
 * The provider's webhook sender, pointed at the hub: each round sends the events raised since the
 * last one, some twice, some out of order, and a forged copy; a share of events fails its first
 * delivery and comes again a while later, as providers retry (late, after the hub's poller may have
 * settled the record). It keeps the first signed copy of the earliest events, headers and all, so
 * that they can be sent again long after, as a captured delivery replayed.
 */
export class ProviderWebhooks {
  readonly deliveries: DeliveryRecord[] = [];
  readonly signed: SignedDelivery[] = [];
  private readonly later: { event: WebhookEvent; due: number }[] = [];
  private readonly random: () => number;
  private round = 0;

  constructor(private readonly options: ProviderWebhooksOptions) {
    this.random = seededRandom(options.seed);
  }

  /** Events held back for a later round. */
  get pending(): number {
    return this.later.length;
  }

  /** Sends what the provider raised since the last round and the retries now due; true when anything went out. */
  async sendRound(): Promise<boolean> {
    const { simulation, clock } = this.options;
    const now = clock.now();
    const due: WebhookEvent[] = [];
    for (let i = this.later.length - 1; i >= 0; i--) {
      const entry = this.later[i] as { event: WebhookEvent; due: number };
      if (entry.due > now) continue;
      due.unshift(entry.event);
      this.later.splice(i, 1);
    }
    for (const event of simulation.takeWebhookEvents()) {
      if (this.random() < this.options.failedFirstShare) this.later.push({ event, due: now + this.options.retryAfterMs });
      else due.push(event);
    }
    if (due.length === 0) return false;
    this.round++;
    const plan: WebhookPlan = { ...RANDOM_PLAN, seed: this.options.seed * 1_000 + this.round, sign: (rawBody, event, sentAt) => this.sign(rawBody, event, sentAt) };
    this.deliveries.push(...(await simulation.simulator.deliverWebhooks(this.options.url, plan, due, this.options.fetch)));
    return true;
  }

  private sign(rawBody: string, event: WebhookEvent, sentAt: number): Readonly<Record<string, string>> {
    const headers = this.options.simulation.signWebhook(rawBody, event, sentAt);
    if (this.signed.length < this.options.keepSigned && !this.signed.some((kept) => kept.eventId === event.id)) {
      this.signed.push({ eventId: event.id, rawBody, headers, signedAt: sentAt });
    }
    return headers;
  }
}

/** Sends each kept delivery again, byte for byte with its old signature; the statuses the hub answered. */
export async function replayOldDeliveries(url: string, deliveries: readonly SignedDelivery[], send: typeof fetch): Promise<number[]> {
  const statuses: number[] = [];
  for (const delivery of deliveries) {
    const response = await send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...delivery.headers }, body: delivery.rawBody });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}
