import { defineContract, type Contract } from '@interlock/core';
import { z } from 'zod';
import { SENDCLOUD_API_VERSION, SENDCLOUD_PROVIDER } from '../provider.js';

/** A contract of the pinned API version, named as recorded fixtures name it. */
export function wireContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: SENDCLOUD_PROVIDER, name, version: SENDCLOUD_API_VERSION, schema });
}

/**
 * One page of a v3 list (v3-shipments.openapi.yml, GET /shipments): `{ data: [...] }`, the next
 * page's opaque cursor travelling in the `Link` header, not in the body.
 */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ data: z.array(item) });
}
