import { defineContract, type Contract } from '@interlock/core';
import type { z } from 'zod';
import { UPS_API_VERSION, UPS_PROVIDER } from '../provider.js';

/** A contract of the pinned API version, named as recorded fixtures name it. */
export function wireContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: UPS_PROVIDER, name, version: UPS_API_VERSION, schema });
}
