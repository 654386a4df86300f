import { MemoryRateLimitStore, RateLimiter, RequestQueue, systemClock, type AcquireRequest } from '@interlock/core';
import Bottleneck from 'bottleneck';
import PQueue from 'p-queue';
import { grouped, median, now, ratio, table } from '../harness.js';

export const TARGET_JOBS_PER_SECOND = 100_000;
const CONCURRENCY = 100;

/** A fresh queue per round (no state carried over), reduced to "submit one no-op job". */
type Submit = () => Promise<unknown>;

interface ThroughputContender {
  name: string;
  /** Jobs per measured round. */
  jobs: number;
  rounds: number;
  warmupJobs: number;
  note?: string;
  create: () => Submit;
}

export interface ThroughputRow {
  name: string;
  jobs: number;
  rounds: number;
  jobsPerSecond: number;
  roundsJobsPerSecond: number[];
  ratioOursOver: number | null;
  note?: string;
}

export interface ThroughputPattern {
  pattern: string;
  description: string;
  rows: ThroughputRow[];
}

export interface ThroughputCaseResult {
  name: string;
  unit: 'jobs/s';
  targetMin: number;
  concurrency: number;
  patterns: ThroughputPattern[];
  meetsTarget: boolean;
}

const noopJob = async (): Promise<void> => undefined;

/** `maxDepth` undefined keeps core's default (1,000 waiting). */
function interlockQueue(maxDepth?: number): Submit {
  const queue = new RequestQueue({
    clock: systemClock,
    provider: 'bench',
    concurrency: CONCURRENCY,
    // The per-endpoint cap defaults to 16; one endpoint must be allowed the whole concurrency here.
    defaultEndpointConcurrency: CONCURRENCY,
    ...(maxDepth === undefined ? {} : { maxDepth }),
  });
  const limiter = new RateLimiter({ clock: systemClock, store: new MemoryRateLimitStore() });
  // A generous window: the limiter records and checks every start but never makes one wait.
  const request: AcquireRequest = {
    rules: [{ key: 'bench:anonymous:endpoint:job', windows: [{ limit: 1_000_000_000, windowMs: 1_000 }] }],
    maxWaitMs: 30_000,
    scope: { provider: 'bench', endpoint: 'job', correlationId: 'bench' },
  };
  // Same order as the client: the queue grants a running slot, then the limiter a start time.
  const run = async (): Promise<void> => {
    await limiter.acquire(request);
    return noopJob();
  };
  return () => queue.add({ endpoint: 'job', run });
}

function pQueue(): Submit {
  // p-queue keeps a single interval window; a huge intervalCap makes it count without throttling.
  const queue = new PQueue({ concurrency: CONCURRENCY, interval: 1_000, intervalCap: 1_000_000_000 });
  return () => queue.add(noopJob);
}

function bottleneck(): Submit {
  const limiter = new Bottleneck({ maxConcurrent: CONCURRENCY });
  return () => limiter.schedule(noopJob);
}

/**
 * Submits `total` jobs keeping `outstanding` of them submitted but unfinished: each completion
 * submits the next. With `outstanding` = `total` everything is queued at once.
 */
function drive(submit: Submit, total: number, outstanding: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let submitted = 0;
    let done = 0;
    const started = now();
    const onDone = (): void => {
      done++;
      if (submitted < total) next();
      else if (done === total) resolve(now() - started);
    };
    const next = (): void => {
      submitted++;
      submit().then(onDone, reject);
    };
    for (let i = 0; i < Math.min(outstanding, total); i++) next();
  });
}

async function runPattern(contenders: readonly ThroughputContender[], outstanding: (jobs: number) => number): Promise<ThroughputRow[]> {
  for (const contender of contenders) await drive(contender.create(), contender.warmupJobs, outstanding(contender.warmupJobs));
  const rounds: number[][] = contenders.map(() => []);
  const maxRounds = Math.max(...contenders.map((contender) => contender.rounds));
  for (let round = 0; round < maxRounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const index = (i + round) % contenders.length;
      const contender = contenders[index] as ThroughputContender;
      if (round >= contender.rounds) continue;
      const elapsedMs = await drive(contender.create(), contender.jobs, outstanding(contender.jobs));
      (rounds[index] as number[]).push((contender.jobs * 1000) / elapsedMs);
    }
  }
  const oursPerSecond = median(rounds[0] as number[]);
  return contenders.map((contender, index) => {
    const perSecond = median(rounds[index] as number[]);
    return {
      name: contender.name,
      jobs: contender.jobs,
      rounds: contender.rounds,
      jobsPerSecond: perSecond,
      roundsJobsPerSecond: rounds[index] as number[],
      ratioOursOver: index === 0 ? null : oursPerSecond / perSecond,
      ...(contender.note === undefined ? {} : { note: contender.note }),
    };
  });
}

// Bottleneck's local datastore awaits a setTimeout(0) (at least 1 ms) inside every submit,
// register and free, one after another, so its rate is bound by timers rather than CPU.
const BOTTLENECK_NOTE =
  'fewer jobs per round: its local datastore waits a setTimeout(0) (>= 1 ms) in every submit/register/free, serially, so it runs at a few hundred jobs/s whatever N or concurrency; 200,000 would take ~8 minutes';

/** "Limiter + priority queue throughput": no-op jobs through each queue at concurrency 100. */
export async function queueThroughput(options: { quick: boolean }): Promise<ThroughputCaseResult> {
  const jobs = options.quick ? 20_000 : 200_000;
  const rounds = options.quick ? 2 : 5;
  const bottleneckJobs = options.quick ? 300 : 1_000;
  const backlog = 1_000;

  const closedLoop = await runPattern(
    [
      { name: 'interlock RequestQueue + RateLimiter', jobs, rounds, warmupJobs: jobs / 10, create: () => interlockQueue() },
      { name: 'p-queue (concurrency 100, one interval)', jobs, rounds, warmupJobs: jobs / 10, create: pQueue },
      { name: 'bottleneck (maxConcurrent 100)', jobs: bottleneckJobs, rounds: options.quick ? 1 : 3, warmupJobs: 200, note: BOTTLENECK_NOTE, create: bottleneck },
    ],
    () => backlog + CONCURRENCY,
  );
  // Everything at once is where a queue's data structure shows: p-queue dequeues with
  // Array#shift, which V8 makes O(n) on arrays this long, so it gets one round here.
  const allAtOnce = await runPattern(
    [
      { name: 'interlock RequestQueue + RateLimiter', jobs, rounds: options.quick ? 2 : 3, warmupJobs: jobs / 10, create: () => interlockQueue(jobs) },
      { name: 'p-queue (concurrency 100, one interval)', jobs, rounds: 1, warmupJobs: jobs / 10, note: 'one round only (~15 s): it dequeues with Array#shift, which V8 runs in O(n) on arrays this long (tens of thousands of items and up), so the deep backlog costs it on every job', create: pQueue },
      { name: 'bottleneck (maxConcurrent 100)', jobs: bottleneckJobs, rounds: 1, warmupJobs: 200, note: BOTTLENECK_NOTE, create: bottleneck },
    ],
    (total) => total,
  );
  const patterns: ThroughputPattern[] = [
    {
      pattern: `backlog ${backlog.toLocaleString('en-US')}`,
      description: `closed loop: ${CONCURRENCY} running + ${backlog.toLocaleString('en-US')} waiting (core's default maxDepth); each completion submits the next job`,
      rows: closedLoop,
    },
    {
      pattern: 'all at once',
      description: `all ${jobs.toLocaleString('en-US')} jobs submitted before the first completes (interlock maxDepth raised to fit)`,
      rows: allAtOnce,
    },
  ];
  return {
    name: 'limiter + priority queue throughput',
    unit: 'jobs/s',
    targetMin: TARGET_JOBS_PER_SECOND,
    concurrency: CONCURRENCY,
    patterns,
    meetsTarget: patterns.every((pattern) => (pattern.rows[0]?.jobsPerSecond ?? 0) >= TARGET_JOBS_PER_SECOND),
  };
}

export function formatThroughput(result: ThroughputCaseResult): string {
  const lines = [`2. ${result.name}`, `   no-op jobs, concurrency ${result.concurrency}, default priority; interlock's limiter has a 1e9/s window (checked, never binding)`];
  for (const pattern of result.patterns) {
    const ours = pattern.rows[0];
    lines.push(`   -- ${pattern.pattern}: ${pattern.description}`);
    lines.push(
      table(
        ['contender', 'jobs/s (median)', 'rounds min–max', 'jobs', 'rounds', 'ours / this'],
        pattern.rows.map((row) => [
          row.name,
          grouped(row.jobsPerSecond),
          `${grouped(Math.min(...row.roundsJobsPerSecond))}–${grouped(Math.max(...row.roundsJobsPerSecond))}`,
          row.jobs.toLocaleString('en-US'),
          String(row.rounds),
          ours && row !== ours ? ratio(ours.jobsPerSecond, row.jobsPerSecond) : '—',
        ]),
      ),
    );
    for (const row of pattern.rows) if (row.note) lines.push(`   note (${row.name}): ${row.note}`);
    if (ours) {
      const met = ours.jobsPerSecond >= result.targetMin;
      lines.push(`   target: ours ≥ ${grouped(result.targetMin)} jobs/s -> ${met ? 'MET' : 'NOT MET'} (${grouped(ours.jobsPerSecond)}). Ratio > 1 means ours is faster.`);
    }
  }
  return lines.join('\n');
}
