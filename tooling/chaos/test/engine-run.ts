import { describe, expect, it } from 'vitest';
import type { EngineName } from '../src/engines.js';
import { formatReport, runChaos } from '../src/run-chaos.js';
import { settingsFrom } from '../src/settings.js';
import { serversFor } from './services.js';

/**
 * The chaos test on one engine, at CI's size unless the environment says otherwise: the hub killed
 * at least twenty times mid-flood, every event delivered again, and then nothing lost, nothing
 * applied twice, every payment with its movements and audit entries, and reconciliation clean.
 */
export async function chaosTest(engine: EngineName): Promise<void> {
  const settings = settingsFrom(process.env, engine);
  const up = await serversFor(engine, settings.servers);
  describe.skipIf(!up)(`chaos on ${engine}`, () => {
    it(`SIGKILLed ${settings.kills} times mid-flood (seed ${settings.seed}), every event redelivered: nothing lost, doubled or drifted`, { timeout: 240_000 }, async () => {
      const report = await runChaos(settings);
      console.log(formatReport(report));
      expect(report.kills).toBe(settings.kills);
      expect(report.acknowledged).toBe(report.events);
      expect({
        lost: report.lost,
        appliedTwice: report.appliedTwice,
        movementsMissing: report.movementsMissing,
        movementsDoubled: report.movementsDoubled,
        auditMissing: report.auditMissing,
        wrongState: report.wrongState,
        pending: report.pending,
        dead: report.dead,
        reconciliationDifferences: report.reconciliationDifferences,
      }).toEqual({ lost: 0, appliedTwice: 0, movementsMissing: 0, movementsDoubled: 0, auditMissing: 0, wrongState: 0, pending: 0, dead: 0, reconciliationDifferences: 0 });
    });
  });
}
