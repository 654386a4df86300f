import { parseWeight, type Weight } from '@interlock/core';
import { DHL_PROVIDER } from '../provider.js';

/**
 * A weight as DHL reports it (`{ value: 253.5, unitText: 'kg' }`, spec `details.weight`): the
 * number and its unit kept together, never converted on the way in, so 500 g stays 500 g (0.5 kg
 * when asked) and is never read as 500 kg. A unit core does not know is a `contract_violation`.
 */
export function fromWireWeight(value: number, unitText: string | undefined, field: string): Weight {
  return parseWeight(value, unitText, { provider: DHL_PROVIDER, field });
}
