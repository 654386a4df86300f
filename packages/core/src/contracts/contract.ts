import type { z } from 'zod';

/**
 * `warn`: drift is reported and the response still passes. `strict`: any drift fails the call,
 * for contracts where an unnoticed change would be worse than an outage.
 */
export type ContractPolicy = 'warn' | 'strict';

/** A provider response schema with the identity and policy its drift is reported under. */
export interface Contract<S extends z.ZodTypeAny> {
  readonly provider: string;
  /** The operation the response belongs to, e.g. `track_shipment`. */
  readonly name: string;
  /** The provider API version the schema was written against, e.g. `v2` or `2024-06-20`. */
  readonly version: string;
  readonly schema: S;
  readonly policy: ContractPolicy;
}

/** What the contract module needs to name a contract in events and counters. */
export type ContractIdentity = Pick<Contract<z.ZodTypeAny>, 'provider' | 'name' | 'version'>;

/** Declares a response contract; the policy defaults to `warn`. */
export function defineContract<S extends z.ZodTypeAny>(spec: {
  provider: string;
  name: string;
  version: string;
  schema: S;
  policy?: ContractPolicy;
}): Contract<S> {
  for (const key of ['provider', 'name', 'version'] as const) {
    if (spec[key].length === 0) throw new TypeError(`defineContract: ${key} must not be empty`);
  }
  return Object.freeze({
    provider: spec.provider,
    name: spec.name,
    version: spec.version,
    schema: spec.schema,
    policy: spec.policy ?? 'warn',
  });
}

/** `provider:name@version`, the key a contract is counted under. */
export function contractKey(contract: ContractIdentity): string {
  return `${contract.provider}:${contract.name}@${contract.version}`;
}
