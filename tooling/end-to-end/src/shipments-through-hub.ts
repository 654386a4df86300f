import type { FakeClock } from '@interlock/core/testing';
import { isFinalTrackingStatus, SHIPMENT_RECORD_TYPE, type CreateShipmentInput, type LogisticsConnector, type TrackingStatus } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { Callers } from './callers.js';
import type { FaultMeasurement } from './fault-measurement.js';
import { HubRun, type OldDeliveries } from './hub-run.js';
import { FinalStates, readHubTally, type HubTally } from './hub-tally.js';
import type { HubProvider } from './hub-stage.js';

export interface ShipmentsThroughHubOptions {
  /** Auto-advancing; shared with the simulation, which must have been started on it. */
  clock: FakeClock;
  provider: HubProvider<LogisticsConnector>;
  simulation: LogisticsSimulation;
  shipments: number;
  input: (index: number) => CreateShipmentInput;
  /** Share of requests failing transiently outside the outage. */
  transientShare: number;
  seed: number;
}

/** One parcel: where the carrier's route ends it, and what the hub's records hold. */
export interface ParcelOutcome {
  trackingNumber: string;
  carrierFinal: TrackingStatus | undefined;
  held: string | undefined;
}

export interface ShipmentsThroughHubResult {
  parcels: readonly ParcelOutcome[];
  calls: number;
  /** Labels the carrier made beyond one per reference: each a parcel paid for twice. */
  duplicateLabels: number;
  hub: HubTally;
  oldDeliveries: OldDeliveries;
  faults: FaultMeasurement;
  drift: readonly string[];
  /** Carrier codes no mapping knew (the simulations send some on purpose: they are kept raw and alerted). */
  unknownValues: readonly string[];
  virtualMs: number;
}

/** How often the carrier scans every parcel one step along its route. */
const SCAN_EVERY_MS = 30 * 60_000;

/**
 * The logistics end-to-end run through the real hub, for a carrier whose connector buys labels
 * and whose webhooks are signed: labels bought through the connector the hub runs while the
 * simulator fails a share of requests and goes down for ten minutes; the carrier scanning every
 * parcel along its route and sending its webhooks to the hub's ingress (duplicates, reordering,
 * forgeries, late retries of failed first deliveries); the hub's workers and poller settling
 * every parcel; then captured deliveries replayed once old.
 */
export async function runShipmentsThroughHub(options: ShipmentsThroughHubOptions): Promise<ShipmentsThroughHubResult> {
  const { clock, simulation, provider } = options;
  const name = provider.descriptor.id;
  const run = await HubRun.start(provider, simulation, clock, options);
  const numbers = new Set<string>();
  const callers = new Callers(clock, options.shipments);
  const ship = async (index: number): Promise<void> => {
    const shipment = await callers.retrying(() => run.connector.createShipment({ ...options.input(index), idempotencyKey: `e2e-${index}` }));
    for (const number of shipment.trackingNumbers) numbers.add(number);
  };

  try {
    let shipping = true;
    const carrier = async (): Promise<void> => {
      while (shipping) {
        await clock.sleep(SCAN_EVERY_MS);
        simulation.scan();
        await run.webhooks.sendRound();
      }
    };
    const scanning = carrier();
    try {
      await callers.run(8, ship);
      const finals = new Map([...numbers].map((number) => [number, simulation.finalStatus(number) ?? 'unknown']));
      await run.settled(new FinalStates(run.hub, name, SHIPMENT_RECORD_TYPE, finals));
    } finally {
      shipping = false;
      await scanning;
    }
    const oldDeliveries = await run.replayOldDeliveries();
    const parcels: ParcelOutcome[] = [];
    for (const trackingNumber of numbers) {
      const record = await run.hub.integrity.getRecord({ provider: name, recordType: SHIPMENT_RECORD_TYPE, recordId: trackingNumber });
      parcels.push({ trackingNumber, carrierFinal: simulation.finalStatus(trackingNumber), held: record?.status });
    }
    return {
      parcels,
      calls: callers.calls,
      duplicateLabels: [...simulation.labelsByReference().values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
      hub: await readHubTally(run.hub, name, run.webhooks.deliveries, { recordType: SHIPMENT_RECORD_TYPE, isSettled: isFinalTrackingStatus }),
      oldDeliveries,
      faults: run.faults(),
      drift: run.drift(),
      unknownValues: run.unknownValues(),
      virtualMs: clock.now() - run.startedAt,
    };
  } finally {
    await run.close();
  }
}
