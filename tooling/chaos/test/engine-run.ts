import { describe, expect, it } from 'vitest';
import type { EngineName } from '../src/engines.js';
import { formatReport, runChaos, type ChaosReport } from '../src/run-chaos.js';
import { settingsFrom } from '../src/settings.js';
import { serversFor } from './services.js';

/** Every count that must be zero after a run, by name, so a failure names what went wrong. */
function problems(report: ChaosReport): Record<string, number> {
  const { lost, appliedTwice, movementsMissing, movementsDoubled, auditMissing, wrongState, unexpected, pending, dead, reconciliationDifferences } = report;
  return { lost, appliedTwice, movementsMissing, movementsDoubled, auditMissing, wrongState, unexpected, pending, dead, reconciliationDifferences };
}

const NONE = { lost: 0, appliedTwice: 0, movementsMissing: 0, movementsDoubled: 0, auditMissing: 0, wrongState: 0, unexpected: 0, pending: 0, dead: 0, reconciliationDifferences: 0 };

/**
 * The chaos test on one engine, at CI's size unless the environment says otherwise: the hub killed
 * at least twenty times mid-flood and a few times in the middle of applying an event, every event
 * delivered again, and then exactly the acknowledged events decided (none lost, none unexpected),
 * none applied twice, every payment with its movements and audit entries, and reconciliation clean.
 * Beside it, the same kills in the middle of applying on a hub whose apply is not all-or-nothing
 * (the record written first, the rest after): the check must find what they leave behind.
 */
export async function chaosTest(engine: EngineName): Promise<void> {
  const settings = settingsFrom(process.env, engine);
  const up = await serversFor(engine, settings.servers);
  describe.skipIf(!up)(`chaos on ${engine}`, () => {
    it(`SIGKILLed ${settings.kills} times mid-flood and ${settings.midApplyKills} times mid-apply (seed ${settings.seed}), every event redelivered: nothing lost, doubled, drifted or unexpected`, { timeout: 240_000 }, async () => {
      const report = await runChaos(settings);
      console.log(formatReport(report));
      expect({ kills: report.kills, midApplyKills: report.midApplyKills, acknowledged: report.acknowledged }).toEqual({ kills: settings.kills, midApplyKills: settings.midApplyKills, acknowledged: report.events });
      expect(problems(report)).toEqual(NONE);
    });

    it(`the kills mid-apply find an apply that is not all-or-nothing (record first, the rest after; seed ${settings.seed})`, { timeout: 120_000 }, async () => {
      const report = await runChaos({ ...settings, kills: 0, midApplyKills: 3, payments: 60, recordFirst: true });
      console.log(formatReport(report));
      expect(report.midApplyKills).toBe(3);
      // Each kill leaves a payment's record written without the movement it moved.
      expect(report.movementsMissing).toBeGreaterThan(0);
    });
  });
}
