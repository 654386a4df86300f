import { formatIngest, webhookIngest } from './src/cases/webhook-ingest.js';
const r = await webhookIngest({ quick: process.env['BENCH_QUICK'] === '1', cpuProfileDir: process.env['PROF'] });
console.log(formatIngest(r));
