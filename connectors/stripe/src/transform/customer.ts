import { fieldReader } from '@interlock/core';
import type { Customer } from '@interlock/payments';
import { CUSTOMER_FIELDS, REFERENCE_METADATA_KEY } from '../fields.js';
import type { WireCustomer } from '../wire/customer.js';
import { callerMetadata } from './context.js';
import { checkMetadata, checkReference } from './request-checks.js';

/** What a Stripe customer is created with. */
export interface StripeCustomerInput {
  name?: string;
  email?: string;
  /** The caller's own id for the customer, kept as `metadata[reference]`. */
  reference?: string;
  metadata?: Record<string, string>;
}

/** A Stripe customer as a canonical Customer; Stripe allows a nameless customer, which reads as an empty name. */
export function toCustomer(wire: WireCustomer): Customer {
  const read = fieldReader(CUSTOMER_FIELDS, wire);
  const reference = read.get('reference');
  const email = read.get('email');
  return {
    id: read.get('id'),
    ...(reference === undefined || reference === '' ? {} : { reference }),
    name: read.get('name') ?? '',
    ...(email === null || email === undefined ? {} : { email }),
    metadata: callerMetadata(read.get('metadata')),
  };
}

/** The form body of POST /v1/customers. */
export function toCreateCustomerBody(input: StripeCustomerInput, operation: string): Record<string, unknown> {
  const callerMetadata = input.metadata ?? {};
  checkMetadata(callerMetadata, operation, [REFERENCE_METADATA_KEY]);
  if (input.reference !== undefined) checkReference(input.reference, operation);
  const body: Record<string, unknown> = {};
  CUSTOMER_FIELDS.write(body, 'name', input.name);
  CUSTOMER_FIELDS.write(body, 'email', input.email);
  const metadata = input.reference === undefined ? callerMetadata : { ...callerMetadata, [REFERENCE_METADATA_KEY]: input.reference };
  if (Object.keys(metadata).length > 0) CUSTOMER_FIELDS.write(body, 'metadata', metadata);
  return body;
}
