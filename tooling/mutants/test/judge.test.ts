import { describe, expect, it } from 'vitest';
import { judge, verdictTable, type Mutant } from '../src/mutant.js';

/** A mutant whose check fails on the real code and on the mutant as told. */
function mutant(failsReal: boolean, failsMutated: string | undefined): Mutant {
  return {
    name: 'toy',
    guarantee: 'toy guarantee',
    killedBy: 'toy check',
    reason: /expected failure/,
    check: (mutated) => {
      if (mutated && failsMutated !== undefined) return Promise.reject(new Error(failsMutated));
      return !mutated && failsReal ? Promise.reject(new Error('the real code is broken')) : Promise.resolve();
    },
  };
}

describe('judging a mutant can fail', () => {
  it('kills a mutant only when the real code passes and the mutant fails for the expected reason', async () => {
    await expect(judge(mutant(false, 'the expected failure'))).resolves.toMatchObject({ realPasses: true, killed: true });
  });

  it('says a mutant that passes the check survived, and the table says so', async () => {
    const verdict = await judge(mutant(false, undefined));
    expect(verdict).toMatchObject({ realPasses: true, killed: false, detail: 'the mutant passes the check: it survived' });
    expect(verdictTable([verdict])).toMatch(/\| toy +\| SURVIVED \|/);
  });

  it('does not count a failure for another reason, nor a check the real code fails', async () => {
    await expect(judge(mutant(false, 'a timeout'))).resolves.toMatchObject({ killed: false, detail: expect.stringMatching(/another reason/) as unknown });
    await expect(judge(mutant(true, 'the expected failure'))).resolves.toMatchObject({ realPasses: false, killed: false });
  });
});
