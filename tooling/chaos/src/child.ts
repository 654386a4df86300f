// The hub as a process of its own, for the parent to kill: `node dist/child.js` with the run's spec
// in INTERLOCK_CHAOS_SPEC and the provider's credentials in the variables the config names. It
// loads its modules, then waits for a line on stdin: the parent starts the next life while the
// current one runs, so a restart after a kill costs opening the store, not loading the hub. Once
// it listens it prints one JSON line with its URL; it runs until killed, and closes on SIGTERM.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@interlock/core';
import { loadConfig, silentLog, startHub } from '@interlock/hub';
import { openRunEngines, preloadAdapters, withLease } from './engines.js';
import { CHILD_SPEC_ENV, type ChildSpec } from './hub-process.js';

const text = process.env[CHILD_SPEC_ENV];
if (text === undefined) throw new TypeError(`${CHILD_SPEC_ENV} is not set: this script is started by the chaos run`);
// Written by the parent from the same build, not by a person.
const spec = JSON.parse(text) as ChildSpec;
// What the hub imports as it starts (the connectors its config names, the engine's adapter), loaded
// before the word to go.
for (const provider of spec.config.providers ?? []) await import(provider.connector);
await preloadAdapters(spec.engine);
const go = await new Promise<boolean>((resolve) => {
  const input = createInterface({ input: process.stdin });
  input.once('line', () => resolve(true));
  // The parent went away before this life was needed.
  input.once('close', () => resolve(false));
});
if (!go) process.exit(0);
const engines = await openRunEngines(spec.engine, systemClock);
const hub = await startHub({
  config: loadConfig(undefined, spec.config),
  engines: { ...engines, queue: withLease(engines.queue, spec.leaseMs) },
  // The connector packages are resolved from this package, which depends on them.
  baseDir: fileURLToPath(new URL('..', import.meta.url)),
  log: silentLog,
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
