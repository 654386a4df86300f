import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAllowance, providerAllowance } from './cases/provider-allowance.js';
import { formatPipeline, pipelinePerCall } from './cases/pipeline-per-call.js';
import { formatThroughput, queueThroughput } from './cases/queue-throughput.js';
import { machineInfo, now } from './harness.js';

// `--quick` (or BENCH_QUICK=1) shrinks every case for a smoke test; its numbers are not for comparing.
const quick = process.argv.includes('--quick') || process.env['BENCH_QUICK'] === '1';
// Outside src/ and git-ignored: results belong to one machine and one moment, not to the repository.
const resultsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '.results', 'latest.json');

async function main(): Promise<void> {
  const machine = machineInfo();
  const started = now();
  console.log('Interlock request-path benchmarks');
  console.log(`  node ${machine.node} (V8 ${machine.v8}) on ${machine.os}`);
  console.log(`  cpu: ${machine.cpuModel} x ${machine.cpuCount}, load average (1 min) ${machine.loadAverage1m}`);
  console.log(`  date: ${machine.date}`);
  console.log(`  command: ${machine.command}${quick ? '  [QUICK MODE: smoke test only]' : ''}`);
  console.log('  Compare ratios, not absolute numbers: baselines run in the same process, interleaved round by round.');
  console.log('');

  const pipeline = await pipelinePerCall({ quick });
  console.log(formatPipeline(pipeline));
  console.log('');
  const throughput = await queueThroughput({ quick });
  console.log(formatThroughput(throughput));
  console.log('');
  const allowance = await providerAllowance({ quick });
  console.log(formatAllowance(allowance));
  console.log('');

  const totalSeconds = (now() - started) / 1000;
  console.log(`done in ${totalSeconds.toFixed(1)} s; results in ${resultsFile}`);
  await mkdir(dirname(resultsFile), { recursive: true });
  const json = { machine, quick, totalSeconds, cases: { pipeline, throughput, allowance } };
  await writeFile(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
