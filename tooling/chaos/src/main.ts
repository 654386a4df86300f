// `pnpm --filter @interlock/chaos run bench`: the chaos run on every engine (or CHAOS_ENGINES) with
// the environment's settings, e.g. CHAOS_KILLS=200 CHAOS_PAYMENTS=4000. Prints one report per
// engine; exits 1 when any engine lost, doubled or drifted anything.
import { formatReport, runChaos, type ChaosReport } from './run-chaos.js';
import { enginesFrom, settingsFrom } from './settings.js';

function clean(report: ChaosReport): boolean {
  const { lost, appliedTwice, movementsMissing, movementsDoubled, auditMissing, wrongState, unexpected, pending, dead, reconciliationDifferences } = report;
  return [lost, appliedTwice, movementsMissing, movementsDoubled, auditMissing, wrongState, unexpected, pending, dead, reconciliationDifferences].every((n) => n === 0);
}

let failed = false;
for (const engine of enginesFrom(process.env)) {
  const settings = settingsFrom(process.env, engine);
  console.log(`chaos ${engine}: seed ${settings.seed}, ${settings.kills} kills, ${settings.payments} payments`);
  try {
    const report = await runChaos(settings);
    console.log(formatReport(report));
    failed ||= !clean(report);
  } catch (error) {
    console.log(`chaos ${engine} seed ${settings.seed} FAILED: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
