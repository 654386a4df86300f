import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConnector, type ConnectorDescriptor } from '@interlock/core';
import { MemoryTelemetrySink, type FakeClock } from '@interlock/core/testing';
import { loadConfig, silentLog, startHub, type Hub } from '@interlock/hub';

/** One provider as the hub's config names it, pointed at its simulation. */
export interface HubProvider<C> {
  descriptor: ConnectorDescriptor<C>;
  /** The connector's options in the config (the simulator's `baseUrl`, credentials by variable name). */
  options: Readonly<Record<string, unknown>>;
  /** The variables those options and the webhook secrets are read from. */
  env: Readonly<Record<string, string>>;
}

/** The hub running one provider, and what the run watches it through. */
export interface HubStage<C> {
  clock: FakeClock;
  hub: Hub;
  /** The connector the hub runs: the caller works through it as an application using the hub would. */
  connector: C;
  /** Every telemetry event the hub's connector emitted. */
  telemetry: MemoryTelemetrySink;
  close(): Promise<void>;
}

/** How the hub's poller reads records no webhook settled: soon, then at most every five minutes. */
const POLLING = { firstAfterSeconds: 30, capSeconds: 300 };

/**
 * The real hub (`startHub`) on embedded SQLite in a temp folder, on an auto-advancing fake clock
 * it shares with the simulator and the caller; its connector's requests hold the clock while on
 * the wire. Reconciliation, retention and alerts are off: the run reconciles on demand. The
 * descriptor is wrapped only to add a telemetry sink beside the hub's own.
 */
export async function startHubStage<C>(provider: HubProvider<C>, clock: FakeClock): Promise<HubStage<C>> {
  const dir = mkdtempSync(join(tmpdir(), 'interlock-e2e-'));
  const telemetry = new MemoryTelemetrySink();
  const watched = defineConnector<C, ConnectorDescriptor<C>['config']>({
    ...provider.descriptor,
    create: (config, context) => provider.descriptor.create(config, { ...context, telemetry: [...context.telemetry, telemetry] }),
  });
  const config = loadConfig(undefined, {
    port: 0,
    store: { kind: 'sqlite', path: join(dir, 'hub.db') },
    reconciliation: { enabled: false },
    retention: { enabled: false },
    alerts: { enabled: false },
    console: { enabled: false },
    polling: POLLING,
    providers: [{ name: provider.descriptor.id, connector: provider.descriptor.id, options: { ...provider.options } }],
  });
  let hub: Hub;
  try {
    hub = await startHub({ config, clock, env: { ...provider.env }, descriptors: { [provider.descriptor.id]: watched }, fetch: clock.trackFetch(), log: silentLog });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    clock,
    hub,
    connector: hub.connector(watched),
    telemetry,
    close: async () => {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
