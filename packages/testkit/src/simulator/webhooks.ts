import type { Clock } from '@interlock/core';
import { seededRandom } from './random.js';

export interface WebhookEvent {
  id: string;
  type: string;
  /** The payload as the provider would send it (serialised as JSON). */
  payload: unknown;
  occurredAt: number;
}

/**
 * How a delivery run misbehaves. Fractions apply per event; counts are absolute. Signing is the
 * caller's (each provider signs its own way); a forged delivery sends a tampered body under the
 * original signature.
 */
export interface WebhookPlan {
  sign(rawBody: string, event: WebhookEvent, sentAt: number): Readonly<Record<string, string>>;
  duplicates?: number;
  outOfOrder?: number;
  drop?: number;
  staleReplays?: number;
  forged?: number;
  delayMs?: { min: number; max: number };
  seed?: number;
}

export type DeliveryKind = 'original' | 'duplicate' | 'stale_replay' | 'forged';

export interface DeliveryRecord {
  event: WebhookEvent;
  kind: DeliveryKind;
  sentAt: number;
  status: number | 'network_error';
}

interface PlannedDelivery {
  event: WebhookEvent;
  kind: DeliveryKind;
}

/** The order deliveries go out in: duplicates, swaps, drops, then stale replays and forgeries at the end. */
export function planDeliveries(events: readonly WebhookEvent[], plan: WebhookPlan, random: () => number): PlannedDelivery[] {
  const deliveries: PlannedDelivery[] = [];
  for (const event of events) {
    if (plan.drop !== undefined && random() < plan.drop) continue;
    deliveries.push({ event, kind: 'original' });
    if (plan.duplicates !== undefined && random() < plan.duplicates) deliveries.push({ event, kind: 'duplicate' });
  }
  for (let i = 0; i + 1 < deliveries.length; i++) {
    if (plan.outOfOrder !== undefined && random() < plan.outOfOrder) {
      [deliveries[i], deliveries[i + 1]] = [deliveries[i + 1] as PlannedDelivery, deliveries[i] as PlannedDelivery];
      i++;
    }
  }
  const pick = (): WebhookEvent => events[Math.floor(random() * events.length)] as WebhookEvent;
  if (events.length > 0) {
    for (let i = 0; i < (plan.staleReplays ?? 0); i++) deliveries.push({ event: pick(), kind: 'stale_replay' });
    for (let i = 0; i < (plan.forged ?? 0); i++) deliveries.push({ event: pick(), kind: 'forged' });
  }
  return deliveries;
}

/** Sends the planned deliveries to `target` one after another, waiting on the clock between them. */
export async function deliverWebhooks(
  target: string,
  events: readonly WebhookEvent[],
  plan: WebhookPlan,
  env: { clock: Clock; fetch?: typeof fetch },
): Promise<DeliveryRecord[]> {
  const random = seededRandom(plan.seed ?? 1);
  const send = env.fetch ?? fetch;
  const records: DeliveryRecord[] = [];
  for (const delivery of planDeliveries(events, plan, random)) {
    if (plan.delayMs) await env.clock.sleep(plan.delayMs.min + Math.floor(random() * (plan.delayMs.max - plan.delayMs.min + 1)));
    const sentAt = env.clock.now();
    const raw = JSON.stringify(delivery.event.payload);
    const headers = { 'content-type': 'application/json', ...plan.sign(raw, delivery.event, sentAt) };
    const body = delivery.kind === 'forged' ? `${raw} ` : raw;
    let status: DeliveryRecord['status'];
    try {
      const response = await send(target, { method: 'POST', headers, body });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 'network_error';
    }
    records.push({ event: delivery.event, kind: delivery.kind, sentAt, status });
  }
  return records;
}
