import type { DriftEntry } from './drift.js';

/** An unknown open-enum value waiting to be recorded once the walk is settled. */
export interface PendingUnknownValue {
  enumName: string;
  raw: string;
}

/**
 * Gathers drift during one walk. Entries are deduplicated (an array of a thousand items with the
 * same new field is one entry); unknown enum values are kept per occurrence, because the tracker
 * counts occurrences. A fork lets a union try an option without reporting what it found there.
 */
export class DriftCollector {
  private readonly seen = new Set<string>();
  readonly entries: DriftEntry[] = [];
  readonly unknownValues: PendingUnknownValue[] = [];

  add(entry: DriftEntry): void {
    const key = `${entry.kind} ${entry.path} ${entry.detail ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push(entry);
  }

  unknownValue(enumName: string, raw: string, path: string): void {
    this.add({ kind: 'unknown_enum', path, detail: raw });
    this.unknownValues.push({ enumName, raw });
  }

  fork(): DriftCollector {
    return new DriftCollector();
  }

  merge(other: DriftCollector): void {
    for (const entry of other.entries) this.add(entry);
    this.unknownValues.push(...other.unknownValues);
  }
}
