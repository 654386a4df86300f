import type { z } from 'zod';
import { systemClock } from '../clock/clock.js';
import type { UnknownValueTracker } from '../enums/unknown-value-tracker.js';
import { IntegrationError } from '../errors/integration-error.js';
import type { Emit } from '../telemetry/telemetry.js';
import type { Contract } from './contract.js';
import { DriftCollector } from './drift-collector.js';
import type { ContractDriftCounter } from './drift-counter.js';
import { driftLine, hasDrift, type DriftReport } from './drift.js';
import { walkForDrift } from './drift-walker.js';
import { describeIssues } from './issue-path.js';

/** Where a parse reports to; everything is optional so a pure test can parse with nothing. */
export interface ParseContext {
  emit?: Emit | undefined;
  /** Records unknown open-enum values; one tracker per provider, kept across calls. */
  tracker?: UnknownValueTracker | undefined;
  /**
   * Counts drift per contract and per difference; kept across calls, it makes each difference
   * reported once. Without one, every parse reports all it found.
   */
  driftCounter?: ContractDriftCounter | undefined;
  /** Named in a violation's error context; defaults to the contract's name. */
  endpoint?: string | undefined;
  clock?: { now(): number } | undefined;
}

/** The typed value and what differed on the way. */
export interface ContractParseResult<T> {
  value: T;
  drift: DriftReport;
}

// A response with hundreds of broken items would otherwise make an unreadable message.
const MAX_LINES_IN_MESSAGE = 10;

function listForMessage(lines: readonly string[]): string {
  const shown = lines.slice(0, MAX_LINES_IN_MESSAGE).join('; ');
  return lines.length > MAX_LINES_IN_MESSAGE ? `${shown}; and ${lines.length - MAX_LINES_IN_MESSAGE} more` : shown;
}

/**
 * Parses a provider response with its contract and reports how it drifted.
 *
 * A required field that is missing or mistyped, or a body of the wrong shape, always throws
 * `contract_violation` (reason `schema_mismatch`). Drift (unknown fields, unknown open-enum
 * values, optional fields whose type changed and were dropped) is counted, and what the counter
 * has not seen before is emitted as one `contract.drift` event: a provider that sends the same
 * new field on every response alerts once, then only counts. Fields the contract acknowledges
 * (`acknowledgedFields`) are not drift. Under a `strict` contract any drift throws
 * `contract_violation` (reason `contract_drift`), seen before or not. Error messages name paths
 * and issue codes, never values, which can carry personal data or secrets.
 */
export function parseContract<S extends z.ZodTypeAny>(
  contract: Contract<S>,
  input: unknown,
  ctx: ParseContext = {},
): ContractParseResult<z.output<S>> {
  const collector = new DriftCollector();
  const sanitised = walkForDrift(contract.schema, input, '', collector);
  // Unknown values were really sent, whether or not the rest of the body holds up.
  for (const { enumName, raw } of collector.unknownValues) ctx.tracker?.record(enumName, raw);

  const drift: DriftReport = { entries: collector.entries };
  const errorContext = { provider: contract.provider, endpoint: ctx.endpoint ?? contract.name };
  const label = `${contract.provider} ${contract.name}@${contract.version}`;
  const safeLines = drift.entries
    .filter((entry) => entry.kind !== 'missing_optional')
    .map((entry) => driftLine(entry, { includeRaw: false }));

  const parsed = contract.schema.safeParse(sanitised);
  if (!parsed.success) {
    const issues = describeIssues(contract.schema, parsed.error.issues);
    // Unknown fields beside a missing one usually mean a rename; name them to save a debug session.
    const hint = safeLines.length > 0 ? ` Drift seen: ${listForMessage(safeLines)}.` : '';
    throw new IntegrationError(
      'contract_violation',
      `${label}: response does not match its contract: ${listForMessage(issues)}.${hint}`,
      { ...errorContext, reason: 'schema_mismatch' },
    );
  }

  if (hasDrift(drift)) {
    const at = (ctx.clock ?? systemClock).now();
    const counter = ctx.driftCounter;
    // Every difference is counted, so the filter must not stop at the first one seen before.
    const firstSeen = drift.entries.filter((entry) => entry.kind !== 'missing_optional' && (counter === undefined || counter.sight(contract, entry, at)));
    counter?.record(contract);
    if (firstSeen.length > 0) {
      ctx.emit?.({
        type: 'contract.drift',
        at,
        provider: contract.provider,
        contract: contract.name,
        version: contract.version,
        policy: contract.policy,
        // Absent optional fields go along: beside a new field they read as a rename.
        drift: drift.entries.filter((entry) => entry.kind === 'missing_optional' || firstSeen.includes(entry)).map((entry) => driftLine(entry, { includeRaw: true })),
        firstSeen: firstSeen.map(({ kind, path, exampleType }) => (exampleType === undefined ? { kind, path } : { kind, path, exampleType })),
      });
    }
    if (contract.policy === 'strict') {
      throw new IntegrationError(
        'contract_violation',
        `${label}: strict contract saw drift: ${listForMessage(safeLines)}.`,
        { ...errorContext, reason: 'contract_drift' },
      );
    }
  }
  return { value: parsed.data as z.output<S>, drift };
}
