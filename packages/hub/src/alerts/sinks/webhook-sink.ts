import type { Clock } from '@interlock/core';
import { Webhook } from 'standardwebhooks';
import { payload } from '../message.js';
import type { AlertNotice, AlertSink } from '../types.js';

/** `whsec_` and the base64 of 24 to 64 random bytes, as the Standard Webhooks spec asks. */
export function isStandardWebhooksSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match?.[1] || match[1].length % 4 !== 0) return false;
  const bytes = Buffer.from(match[1], 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

export interface WebhookSinkOptions {
  id: string;
  url: string;
  /** The Standard Webhooks secret, `whsec_` + base64. */
  secret: string;
  clock: Clock;
  timeoutMs: number;
  fetch?: typeof fetch | undefined;
}

/**
 * Posts each notice as JSON signed the Standard Webhooks way (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), so the receiver can check it came from this hub; the body's `text` makes
 * it a Slack message too. A non-2xx answer or no answer in `timeoutMs` is a failed delivery.
 */
export function createWebhookSink(options: WebhookSinkOptions): AlertSink {
  const signer = new Webhook(options.secret);
  const send = options.fetch ?? fetch;
  return {
    id: options.id,
    async send(notice: AlertNotice, signal: AbortSignal): Promise<void> {
      const body = payload(notice);
      const at = options.clock.now();
      const timeout = new AbortController();
      const cancelTimer = options.clock.setTimer(options.timeoutMs, () => timeout.abort(new Error(`no answer in ${options.timeoutMs} ms`)));
      try {
        const response = await send(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': notice.id,
            'webhook-timestamp': String(Math.floor(at / 1_000)),
            'webhook-signature': signer.sign(notice.id, new Date(at), body),
          },
          body,
          signal: AbortSignal.any([signal, timeout.signal]),
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`the receiver answered ${response.status}`);
      } finally {
        cancelTimer();
      }
    },
  };
}
