import { defineContract, type Contract } from '@interlock/core';
import type { z } from 'zod';
import { DHL_API_VERSION, DHL_EXPRESS_API_VERSION, DHL_PROVIDER } from '../provider.js';

/** A contract of the pinned Shipment Tracking - Unified version, named as recorded fixtures name it. */
export function wireContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: DHL_PROVIDER, name, version: DHL_API_VERSION, schema });
}

/** A contract of the pinned MyDHL API (DHL Express) version. */
export function expressContract<S extends z.ZodTypeAny>(name: string, schema: S): Contract<S> {
  return defineContract({ provider: DHL_PROVIDER, name, version: DHL_EXPRESS_API_VERSION, schema });
}
