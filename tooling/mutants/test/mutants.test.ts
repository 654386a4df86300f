import type * as Core from '@interlock/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { MUTANTS } from '../src/catalogue.js';
import { judge, verdictTable, type Verdict } from '../src/mutant.js';

// Core runs from source here (vitest.config.ts), so each mock replaces one function in the one file
// that holds it, for core's own callers too; each replacement is switched off until a mutant runs.
// The builders are imported inside the factories, which run before this file's own imports.
vi.mock('../../../packages/core/src/retry/retry-policy.ts', async (importOriginal) => (await import('../src/mutants/core.js')).retryingA400(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/state/guard.ts', async (importOriginal) => (await import('../src/mutants/core.js')).unguarded(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/idempotency/create-or-find.ts', async (importOriginal) => (await import('../src/mutants/core.js')).withoutLookup(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/retry/safe-retry.ts', async (importOriginal) => (await import('../src/mutants/core.js')).retryingUnsafe(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/rate-limit/rate-limiter.ts', async (importOriginal) => (await import('../src/mutants/core.js')).unlimited(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/webhooks/verify.ts', async (importOriginal) => (await import('../src/mutants/core.js')).acceptingForgeries(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/connectors/webhook-intake.ts', async (importOriginal) => (await import('../src/mutants/core.js')).withoutReplayWindow(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/retry/backoff.ts', async (importOriginal) => (await import('../src/mutants/core.js')).withoutJitter(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/contracts/parse-contract.ts', async (importOriginal) => (await import('../src/mutants/core.js')).quietDrift(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/enums/unknown-value-tracker.ts', async (importOriginal) => (await import('../src/mutants/core.js')).forgetfulTracker(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/circuit-breaker/circuit-breaker.ts', async (importOriginal) => (await import('../src/mutants/core.js')).neverOpen(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/idempotency/fingerprint.ts', async (importOriginal) => (await import('../src/mutants/core.js')).bodylessFingerprint(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/idempotency/outcome-unknown.ts', async (importOriginal) => (await import('../src/mutants/core.js')).certainFailures(await importOriginal<typeof Core>()));
vi.mock('../../../packages/core/src/redaction/redactor.ts', async (importOriginal) => (await import('../src/mutants/core.js')).leakyRedactor(await importOriginal<typeof Core>()));

const verdicts: Verdict[] = [];

afterAll(() => {
  console.log(`\nmutants: ${verdicts.filter((v) => v.killed).length} of ${verdicts.length} killed\n${verdictTable(verdicts)}\n`);
});

describe('every mutant fails the check of the guarantee it breaks, and the real code passes it', () => {
  for (const mutant of MUTANTS) {
    it(mutant.name, async () => {
      const verdict = await judge(mutant);
      verdicts.push(verdict);
      expect(verdict, verdict.detail).toMatchObject({ realPasses: true, killed: true });
    });
  }
});
