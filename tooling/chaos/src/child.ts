// The hub as a process of its own, for the parent to kill: `node dist/child.js` with the run's spec
// in INTERLOCK_CHAOS_SPEC and the provider's credentials in the variables the config names. It
// prints one JSON line with its URL once it listens, runs until killed, and closes the hub on SIGTERM.
import { fileURLToPath } from 'node:url';
import { systemClock } from '@interlock/core';
import { loadConfig, startHub } from '@interlock/hub';
import { openRunEngines, withLease } from './engines.js';
import { CHILD_SPEC_ENV, type ChildSpec } from './hub-process.js';

const text = process.env[CHILD_SPEC_ENV];
if (text === undefined) throw new TypeError(`${CHILD_SPEC_ENV} is not set: this script is started by the chaos run`);
// Written by the parent from the same build, not by a person.
const spec = JSON.parse(text) as ChildSpec;
const engines = await openRunEngines(spec.engine, systemClock);
const hub = await startHub({
  config: loadConfig(undefined, spec.config),
  engines: { ...engines, queue: withLease(engines.queue, spec.leaseMs) },
  // The connector packages are resolved from this package, which depends on them.
  baseDir: fileURLToPath(new URL('..', import.meta.url)),
  log: { warn: () => undefined },
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
