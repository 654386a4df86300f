import type { FaultReply } from '@interlock/testkit/simulator';

/** The fields of Stripe's `error` object a simulated failure fills in. */
export interface StripeErrorInit {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  declineCode?: string;
  param?: string;
}

/** A failure in Stripe's body shape: `{ "error": { type, code, decline_code, message, param, doc_url } }`. */
export function stripeError(status: number, init: StripeErrorInit): FaultReply {
  return {
    status,
    body: {
      error: {
        type: init.type,
        message: init.message,
        ...(init.code === undefined ? {} : { code: init.code, doc_url: `https://stripe.com/docs/error-codes/${init.code.replace(/_/g, '-')}` }),
        ...(init.declineCode === undefined ? {} : { decline_code: init.declineCode }),
        ...(init.param === undefined ? {} : { param: init.param }),
      },
    },
  };
}

/** Stripe's answer to a key reused with other parameters. */
export const IDEMPOTENCY_CONFLICT = stripeError(400, {
  type: 'idempotency_error',
  message: 'Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than the one used for this request if you meant to execute a different request.',
});

export function missingParam(param: string): FaultReply {
  return stripeError(400, { type: 'invalid_request_error', code: 'parameter_missing', param, message: `Missing required param: ${param}.` });
}

export function invalidInteger(param: string, value: unknown): FaultReply {
  return stripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param, message: `Invalid integer: ${String(value)}` });
}

export function noSuch(objectName: string, id: string, param: string): FaultReply {
  return stripeError(404, { type: 'invalid_request_error', code: 'resource_missing', param, message: `No such ${objectName}: '${id}'` });
}

export function unrecognizedUrl(method: string, path: string): FaultReply {
  return stripeError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

/** A success carrying a copy, so later changes to stored state never reach a reply already made (or replayed). */
export function ok(object: unknown): FaultReply {
  return { status: 200, body: structuredClone(object) };
}

/** A form value as an integer, or undefined when it is not one. */
export function formInteger(value: unknown): number | undefined {
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** A form value as text, or undefined. */
export function formText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A form map (`metadata[key]=value`) as a record of strings. */
export function formRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
