import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** What the header prints and the JSON keeps: ratios only mean something on a named machine. */
export interface MachineInfo {
  node: string;
  v8: string;
  os: string;
  cpuModel: string;
  cpuCount: number;
  loadAverage1m: number;
  date: string;
  command: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    // Shared machines drift: a high load average explains a noisy run better than any code change.
    loadAverage1m: Number((os.loadavg()[0] ?? 0).toFixed(2)),
    date: new Date().toISOString(),
    command: describeCommand(),
  };
}

/** pnpm sets INIT_CWD to where the user typed the command, which tells `pnpm bench` at the root apart from a run in the package. */
function describeCommand(): string {
  const script = process.env['npm_lifecycle_script'];
  const invokedFrom = process.env['INIT_CWD'];
  const direct = `node ${process.execArgv.join(' ')} ${process.argv.slice(1).join(' ')}`.replace(/\s+/g, ' ').trim();
  if (script === undefined) return direct;
  return `pnpm run ${process.env['npm_lifecycle_event'] ?? 'bench'} -> ${script}${invokedFrom ? ` (invoked in ${invokedFrom})` : ''}`;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

export const now = (): number => performance.now();

/** One contender in a per-call case: `call` is awaited `iterations` times in a row. */
export interface SequentialContender {
  name: string;
  call: () => Promise<unknown>;
}

export interface SequentialResult {
  name: string;
  iterations: number;
  /** Median over rounds of microseconds per call. */
  usPerCall: number;
  roundsUs: number[];
}

export interface SequentialOptions {
  /** How long the warm-up runs per contender; it also sizes the rounds. */
  warmupMs: number;
  /** Target length of one measured round per contender. */
  roundMs: number;
  rounds: number;
}

async function timeSequential(call: () => Promise<unknown>, iterations: number): Promise<number> {
  const started = now();
  for (let i = 0; i < iterations; i++) await call();
  return now() - started;
}

/**
 * One contender in a synchronous per-call case: `call` runs `iterations` times in a plain loop and
 * must return true every time (a check that fails would be timed on its fast path otherwise).
 */
export interface SyncContender {
  name: string;
  call: () => boolean;
}

async function timeSync(call: () => boolean, iterations: number): Promise<number> {
  let failed = 0;
  const started = now();
  // Using every result also keeps the JIT from dropping a call whose result nobody reads.
  for (let i = 0; i < iterations; i++) if (!call()) failed++;
  const elapsed = now() - started;
  if (failed > 0) throw new Error(`${failed} of ${iterations} calls returned false`);
  return elapsed;
}

/**
 * Awaits each contender's call back to back. Every contender warms up first (so the JIT has
 * optimised it) and the warm-up's speed picks an iteration count that makes a round last about
 * `roundMs`: a fixed count would make the fast baselines' rounds too short to time reliably.
 * Rounds are interleaved across contenders so that machine drift hits all of them alike.
 */
export async function runSequential(contenders: readonly SequentialContender[], options: SequentialOptions): Promise<SequentialResult[]> {
  return runRounds(contenders, options, timeSequential);
}

/**
 * `runSequential` for synchronous calls (signature checks): a plain loop, so that the cost of an
 * `await` per call (tenths of a microsecond) does not blur calls that take a few microseconds.
 */
export async function runSynchronous(contenders: readonly SyncContender[], options: SequentialOptions): Promise<SequentialResult[]> {
  return runRounds(contenders, options, timeSync);
}

async function runRounds<C extends { name: string; call: () => unknown }>(
  contenders: readonly C[],
  options: SequentialOptions,
  time: (call: C['call'], iterations: number) => Promise<number>,
): Promise<SequentialResult[]> {
  const iterations: number[] = [];
  for (const contender of contenders) {
    let done = 0;
    let batch = 1_000;
    const started = now();
    while (now() - started < options.warmupMs) {
      await time(contender.call, batch);
      done += batch;
      batch = Math.min(batch * 2, 100_000);
    }
    const usPerCall = ((now() - started) * 1000) / done;
    iterations.push(Math.max(1_000, Math.round((options.roundMs * 1000) / usPerCall)));
  }
  const rounds: number[][] = contenders.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      // Rotating the order each round keeps any one contender from always running right after a GC-heavy one.
      const index = (i + round) % contenders.length;
      const contender = contenders[index] as C;
      const count = iterations[index] as number;
      const elapsedMs = await time(contender.call, count);
      (rounds[index] as number[]).push((elapsedMs * 1000) / count);
    }
  }
  return contenders.map((contender, index) => ({
    name: contender.name,
    iterations: iterations[index] as number,
    usPerCall: median(rounds[index] as number[]),
    roundsUs: rounds[index] as number[],
  }));
}

/** Fixed-width table for stdout; the JSON file carries the same numbers unrounded. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

export function grouped(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : String(value);
}

/** "ours / baseline" formatted with its direction, since for µs/call lower is better and for jobs/s higher is. */
export function ratio(ours: number, baseline: number): string {
  return `${fixed(ours / baseline, 2)}x`;
}
