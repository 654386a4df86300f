import { contractKey, type ContractIdentity } from './contract.js';

/**
 * Counts parses that drifted, per contract. Keep one per process (or per connector) and pass it
 * to every `parseContract`; a fresh one per call would only ever count to one.
 */
export class ContractDriftCounter {
  private readonly byContract = new Map<string, number>();

  record(contract: ContractIdentity): void {
    const key = contractKey(contract);
    this.byContract.set(key, (this.byContract.get(key) ?? 0) + 1);
  }

  /** Drifted parses so far, keyed `provider:name@version`. */
  counts(): ReadonlyMap<string, number> {
    return new Map(this.byContract);
  }
}
