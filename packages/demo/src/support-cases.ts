import type { PaymentsSimulation } from '@interlock/payments/testing';

type WebhookEvent = ReturnType<PaymentsSimulation['takeWebhookEvents']>[number];

/** Every `amount` in a payload written as text, the way a provider's bad release might send it. */
function amountsAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(amountsAsText);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, key === 'amount' && typeof child === 'number' ? String(child) : amountsAsText(child)]));
}

/**
 * Something for support to see in the console: a copy of one of the provider's webhooks, under
 * an event id of its own, whose amounts are text. Stripe's contract refuses it, so the hub keeps
 * it as a dead letter that a person corrects (the amounts back to numbers) and replays; Razorpay's
 * reading finds no payment change in it and the hub discards it, kept for audit.
 */
export function contractBreakingCopy(event: WebhookEvent): WebhookEvent {
  const id = `${event.id}_amount_as_text`;
  const payload = amountsAsText(event.payload) as Record<string, unknown>;
  return { ...event, id, payload: payload['id'] === event.id ? { ...payload, id } : payload };
}
