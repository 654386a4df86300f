import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arrivalAllowance, formatArrival } from './cases/arrival-allowance.js';
import { convergence, formatConvergence } from './cases/convergence.js';
import { formatAllowance, providerAllowance } from './cases/provider-allowance.js';
import { formatPipeline, pipelinePerCall } from './cases/pipeline-per-call.js';
import { formatThroughput, queueThroughput } from './cases/queue-throughput.js';
import { formatVerification, signatureVerification } from './cases/signature-verification.js';
import { formatShared, sharedAllowance } from './cases/shared-allowance.js';
import { formatIngest, webhookIngest } from './cases/webhook-ingest.js';
import { machineInfo, now } from './harness.js';

// `--quick` (or BENCH_QUICK=1) shrinks every case for a smoke test; its numbers are not for comparing.
const quick = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
// Outside src/ and git-ignored: results belong to one machine and one moment, not to the repository.
const resultsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '.results', 'latest.json');
// BENCH_ONLY=4,5 (or --only=4,5) runs just those cases, e.g. while working on the hub; a full run is the record.
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length) ?? process.env['BENCH_ONLY'];
const only = onlyArg === undefined || onlyArg === '' ? undefined : new Set(onlyArg.split(',').map((part) => Number(part.trim())));
const selected = (n: number): boolean => only === undefined || only.has(n);
// BENCH_CPU_PROF=1 runs the interlock ingest server under --cpu-prof, to see where its time goes.
const cpuProfileDir = process.env['BENCH_CPU_PROF'] === '1' ? join(dirname(resultsFile), 'profiles') : undefined;

async function main(): Promise<void> {
  const machine = machineInfo();
  const started = now();
  console.log('Interlock benchmarks: request path, webhook ingest, signature verification');
  console.log(`  node ${machine.node} (V8 ${machine.v8}) on ${machine.os}`);
  console.log(`  cpu: ${machine.cpuModel} x ${machine.cpuCount}, load average (1 min) ${machine.loadAverage1m}`);
  console.log(`  date: ${machine.date}`);
  console.log(`  command: ${machine.command}${quick ? '  [QUICK MODE: smoke test only]' : ''}${only ? `  [ONLY CASES ${[...only].join(', ')}]` : ''}`);
  console.log('  Compare ratios, not absolute numbers: baselines run in the same run, interleaved round by round (case 4: each server in its own pinned process).');
  console.log('');

  const failures: Record<string, string> = {};
  // A case that cannot run (a package mid-change, a child that will not start) is reported and
  // skipped, so that the other cases' results are still printed and written.
  async function run<T>(n: number, name: string, measure: () => Promise<T>, format: (result: T) => string): Promise<T | undefined> {
    if (!selected(n)) return undefined;
    try {
      const result = await measure();
      console.log(`${format(result)}\n`);
      return result;
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures[name] = message;
      console.log(`${n}. ${name}: FAILED, not measured\n   ${message.split('\n').join('\n   ')}\n`);
      return undefined;
    }
  }

  const pipeline = await run(1, 'pipeline per call', () => pipelinePerCall({ quick }), formatPipeline);
  const throughput = await run(2, 'queue throughput', () => queueThroughput({ quick }), formatThroughput);
  const allowance = await run(3, 'provider allowance', () => providerAllowance({ quick }), formatAllowance);
  const ingest = await run(4, 'webhook ingest', () => webhookIngest({ quick, cpuProfileDir }), formatIngest);
  const verification = await run(5, 'signature verification', () => signatureVerification({ quick }), formatVerification);
  const converged = await run(6, 'convergence', () => convergence({ quick }), formatConvergence);
  const arrival = await run(7, 'allowance at arrival', () => arrivalAllowance({ quick }), formatArrival);
  const shared = await run(8, 'shared allowance', () => sharedAllowance({ quick }), formatShared);

  const totalSeconds = (now() - started) / 1000;
  console.log(`done in ${totalSeconds.toFixed(1)} s; results in ${resultsFile}`);
  await mkdir(dirname(resultsFile), { recursive: true });
  const json = { machine, quick, only: only ? [...only] : null, totalSeconds, failures, cases: { pipeline, throughput, allowance, ingest, verification, convergence: converged, arrival, shared } };
  await writeFile(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  if (Object.keys(failures).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
