/**
 * One bug a guarantee guards against, and the check that must catch it. The check runs twice: on
 * the real code as it is, where it must pass, and on the real code with the bug wrapped in, where
 * it must fail with the reason the guarantee names.
 */
export interface Mutant {
  name: string;
  /** The guarantee the project advertises that this bug breaks. */
  guarantee: string;
  /** The check that must kill it, as its own test names it. */
  killedBy: string;
  /** What the check says when it catches the bug. */
  reason: RegExp;
  /** Runs the check on the real code (`mutated` false) or on the real code with the bug (`true`). */
  check(mutated: boolean): Promise<void>;
}

/** How a mutant fared: killed only when the real code passes the check and the mutant fails it for the expected reason. */
export interface Verdict {
  name: string;
  guarantee: string;
  killedBy: string;
  /** The real code passed the check. */
  realPasses: boolean;
  /** The mutant failed the check with the expected reason. */
  killed: boolean;
  /** Why it was not killed (or the real code failed), when that happened. */
  detail?: string | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function outcome(run: () => Promise<void>): Promise<{ passed: true } | { passed: false; message: string }> {
  try {
    await run();
    return { passed: true };
  } catch (error) {
    return { passed: false, message: messageOf(error) };
  }
}

/** Runs the mutant's check on the real code, then on the mutant, and says whether the mutant was killed. */
export async function judge(mutant: Mutant): Promise<Verdict> {
  const base = { name: mutant.name, guarantee: mutant.guarantee, killedBy: mutant.killedBy };
  const real = await outcome(() => mutant.check(false));
  if (!real.passed) return { ...base, realPasses: false, killed: false, detail: `the real code fails the check: ${real.message}` };
  const mutated = await outcome(() => mutant.check(true));
  if (mutated.passed) return { ...base, realPasses: true, killed: false, detail: 'the mutant passes the check: it survived' };
  if (!mutant.reason.test(mutated.message)) {
    return { ...base, realPasses: true, killed: false, detail: `the check failed for another reason than ${String(mutant.reason)}: ${mutated.message}` };
  }
  return { ...base, realPasses: true, killed: true };
}

/** The verdicts as a table: mutant, killed, the guarantee it breaks and the check that killed it. */
export function verdictTable(verdicts: readonly Verdict[]): string {
  const rows = verdicts.map((v) => [v.name, v.killed ? 'killed' : 'SURVIVED', v.guarantee, v.killedBy, v.detail ?? '']);
  const header = ['mutant', 'result', 'guarantee', 'killed by', 'detail'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
