import type { FaultReply } from '@interlock/core/testing';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Razorpay-looking ids (`order_DaaS6LOUAASb7Y`: a prefix and 14 base62 characters) from a seeded generator. */
export function idFactory(random: () => number): (prefix: string) => string {
  const issued = new Set<string>();
  return (prefix) => {
    for (;;) {
      let id = prefix;
      for (let i = 0; i < 14; i++) id += BASE62[Math.floor(random() * BASE62.length)];
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  };
}

/** Razorpay's error body; fields that do not apply are "NA", as on its non-payment errors. */
export function errorReply(
  status: number,
  description: string,
  detail: { code?: string; field?: string; source?: string; step?: string; reason?: string } = {},
): FaultReply {
  return {
    status,
    body: {
      error: {
        code: detail.code ?? 'BAD_REQUEST_ERROR',
        description,
        field: detail.field ?? null,
        source: detail.source ?? 'NA',
        step: detail.step ?? 'NA',
        reason: detail.reason ?? 'NA',
        metadata: {},
      },
    },
  };
}

export const badRequest = (description: string, field?: string): FaultReply => errorReply(400, description, field === undefined ? {} : { field });

/** What Razorpay answers for an id it does not know: a 400, not a 404, filed under the validation reason. */
export const unknownId = (): FaultReply =>
  errorReply(400, 'The id provided does not exist', { source: 'business', step: 'payment_initiation', reason: 'input_validation_failed' });

export const authenticationFailed = (): FaultReply => errorReply(401, 'Authentication failed');

/** `{ entity: "collection", count, items }` where `count` is the size of this page. */
export function collection<T>(items: readonly T[]): { entity: 'collection'; count: number; items: readonly T[] } {
  return { entity: 'collection', count: items.length, items };
}
