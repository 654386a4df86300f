import { contractKey, type ContractIdentity } from './contract.js';
import type { DriftEntry, DriftKind, JsonType } from './drift.js';

/** One difference as the counter knows it: where, since when, how often. */
export interface DriftSighting {
  /** The contract it was seen under, `provider:name@version`. */
  contract: string;
  kind: DriftKind;
  path: string;
  /** As in the entry: the change for `type_changed`, the raw value for `unknown_enum`. */
  detail?: string | undefined;
  /** For `unknown_field`: the JSON type of the value that first showed it. */
  exampleType?: JsonType | undefined;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Parses that showed it, the first included. */
  count: number;
}

/**
 * Counts drift per contract and per difference, so that each difference is reported once: the
 * first parse that shows a new path alerts, later ones only count. Keep one per provider per
 * process (the provider client does) and pass it to every `parseContract`; a fresh one per call
 * would report every difference every time.
 */
export class ContractDriftCounter {
  private readonly byContract = new Map<string, number>();
  private readonly byDifference = new Map<string, DriftSighting>();

  /** Counts one parse of `contract` that drifted. */
  record(contract: ContractIdentity): void {
    const key = contractKey(contract);
    this.byContract.set(key, (this.byContract.get(key) ?? 0) + 1);
  }

  /** Counts one parse of `contract` that showed `entry`; true the first time, the time it is reported. */
  sight(contract: ContractIdentity, entry: DriftEntry, at: number): boolean {
    const key = `${contractKey(contract)} ${entry.kind} ${entry.path} ${entry.detail ?? ''}`;
    const seen = this.byDifference.get(key);
    if (seen !== undefined) {
      seen.count += 1;
      seen.lastSeenAt = at;
      return false;
    }
    this.byDifference.set(key, {
      contract: contractKey(contract),
      kind: entry.kind,
      path: entry.path,
      detail: entry.detail,
      exampleType: entry.exampleType,
      firstSeenAt: at,
      lastSeenAt: at,
      count: 1,
    });
    return true;
  }

  /** Drifted parses so far, keyed `provider:name@version`. */
  counts(): ReadonlyMap<string, number> {
    return new Map(this.byContract);
  }

  /** Every difference seen so far, in the order first seen. */
  sightings(): DriftSighting[] {
    return [...this.byDifference.values()].map((sighting) => ({ ...sighting }));
  }
}
