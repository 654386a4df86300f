// The hub as a process of its own, for the parent to kill: `node dist/child.js` with the run's spec
// in INTERLOCK_CHAOS_SPEC and the provider's credentials in the variables the config names. It
// loads its modules, then waits for a line on stdin (this life's orders, as JSON): the parent starts
// the next life while the current one runs, so a restart after a kill costs opening the store, not
// loading the hub. Once it listens it prints one JSON line with its URL; it runs until killed, and
// closes on SIGTERM. A life told to freeze mid-apply prints FROZEN_LINE when it does, and waits for its SIGKILL.
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@interlock/core';
import { loadConfig, silentLog, startHub } from '@interlock/hub';
import { openRunEngines, preloadAdapters, withLease } from './engines.js';
import { freezeMidApply } from './freeze-mid-apply.js';
import { CHILD_SPEC_ENV, type ChildSpec, type LifeOrders } from './hub-process.js';
import { recordFirst } from './record-first.js';

const text = process.env[CHILD_SPEC_ENV];
if (text === undefined) throw new TypeError(`${CHILD_SPEC_ENV} is not set: this script is started by the chaos run`);
// Written by the parent from the same build, not by a person.
const spec = JSON.parse(text) as ChildSpec;
// What the hub imports as it starts (the connectors its config names, the engine's adapter), loaded
// before the word to go.
for (const provider of spec.config.providers ?? []) await import(provider.connector);
await preloadAdapters(spec.engine);
const orders = await new Promise<LifeOrders | undefined>((resolve) => {
  const input = createInterface({ input: process.stdin });
  // Written by the parent: this life's orders.
  input.once('line', (line) => resolve(JSON.parse(line) as LifeOrders));
  // The parent went away before this life was needed.
  input.once('close', () => resolve(undefined));
});
if (orders === undefined) process.exit(0);
const freezer = orders.freezeAtMovement === undefined ? undefined : freezeMidApply(spec.engine, orders.freezeAtMovement);
const engines = await openRunEngines(spec.engine, systemClock);
const hub = await startHub({
  config: loadConfig(undefined, spec.config),
  engines: { ...engines, integrity: spec.recordFirst ? recordFirst(engines.integrity) : engines.integrity, queue: withLease(engines.queue, spec.leaseMs) },
  // The connector packages are resolved from this package, which depends on them.
  baseDir: fileURLToPath(new URL('..', import.meta.url)),
  log: silentLog,
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
freezer?.arm();
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});
