import type { Clock, Contract, WebhookIntake } from '@interlock/core';
import type { z } from 'zod';
import type { StripeApi } from '../client.js';
import type { TransformContext } from '../transform/context.js';
import type { ObjectParser } from '../transform/event.js';

/** What every operation is given. */
export interface StripeContext {
  api: StripeApi;
  clock: Clock;
  /** Webhook endpoint secrets (`whsec_…`), two while one is rolled. */
  webhookSecrets: readonly string[];
  /** Stripe's intake, with the replay window the connector was given. */
  webhookIntake: WebhookIntake;
  /** Where transforms report unknown values: the client's tracker. */
  transform: TransformContext;
}

/**
 * Parses an event's `data.object` through the client's sinks, labelled with where it came from
 * (`webhook`, `listEvents`): it is no endpoint's answer, so no endpoint contract applies to it.
 */
export function objectParser(ctx: StripeContext, source: string): ObjectParser {
  return <S extends z.ZodTypeAny>(contract: Contract<S>, body: unknown) => ctx.api.parseObject(contract, body, source);
}

/** The caller's idempotency key when it gave one; otherwise core makes one per operation and keeps it across retries. */
export function idempotencyOf(options: { idempotencyKey?: string }): { idempotencyKey?: string } {
  return options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey };
}
