import { isIntegrationError, Poller } from '@interlock/core';
import type { FakeClock, MemoryTelemetrySink } from '@interlock/core/testing';
import type { FaultScenario } from '@interlock/testkit/simulator';
import { cachedConnector } from '../cache/cached-connector.js';
import { TrackingCache } from '../cache/tracking-cache.js';
import type { CreateShipmentInput, LogisticsConnector } from '../connector.js';
import type { Track } from '../models/tracking.js';
import { readTrack, shipmentPolling } from '../plugin/polling.js';
import { isFinalTrackingStatus, type TrackingStatus } from '../tracking-status.js';
import type { LogisticsSimulation } from './simulation.js';
import { TrackingRecords, type Source } from './tracking-records.js';
import { startWebhookReceiver, type ReceiverCounts } from './webhook-receiver.js';

/** One end-to-end run of a logistics connector against its simulated carrier. */
export interface LogisticsEndToEndOptions {
  /** Auto-advancing, shared with the simulator and the connector (whose fetch is `clock.trackFetch()`). */
  clock: FakeClock;
  simulation: LogisticsSimulation;
  connector: LogisticsConnector;
  /** The sink the connector's telemetry goes to: where unknown carrier codes are alerted. */
  telemetry: MemoryTelemetrySink;
  /** Shipments to create. Default 40. */
  shipments?: number;
  input(index: number): CreateShipmentInput;
  /** Share of requests failing transiently (503, 429, resets, lost responses). Default 0.15. */
  transientShare?: number;
  /** False drops every webhook, so polling alone must settle everything. Default true. */
  webhooks?: boolean;
}

/** What the run saw; the caller asserts on it. */
export interface LogisticsEndToEndResult {
  /** Distinct shipments the connector returned, and createShipment calls (the caller's retries included). */
  created: number;
  createCalls: number;
  /** Labels the carrier made beyond one per reference: each a parcel paid for twice. */
  duplicateLabels: number;
  trackingNumbers: number;
  settledBy: Readonly<Record<Source, number>>;
  /** Tracking numbers that never reached a final status. */
  unsettled: readonly string[];
  /** Tracking numbers whose final status is not the one the carrier ended on. */
  wrongFinal: readonly string[];
  /** Applied steps the tracking machine refuses: must be zero. */
  backwardSteps: number;
  refusedByGuard: Readonly<Record<string, number>>;
  webhooks: ReceiverCounts;
  /** Pushes that only asked for a read (UPS Track Alert), each answered by one read of the carrier. */
  readRequests: number;
  /** Carrier codes read as `unknown`, kept raw in the tracks we applied. */
  unknownCodes: readonly string[];
  /** `enum.unknown_value` alerts (first sightings) the connector raised. */
  unknownAlerts: number;
  /** Tracking reads answered by the cache or joined to a read under way instead of calling the carrier. */
  trackingCalls: { loads: number; hits: number; joined: number };
  faultsInjected: Readonly<Record<string, number>>;
  virtualMs: number;
}

const CALLER_RETRY_MS = 20_000;
const SCAN_EVERY_MS = 30 * 60_000;
const IDLE_MS = 5_000;

function faults(share: number): FaultScenario {
  const kinds = [{ type: 'status', status: 503 }, { type: 'rate_limit', retryAfterSeconds: 1 }, { type: 'reset' }, { type: 'lost_response' }] as const;
  const each = share / kinds.length;
  // The injector draws per rule in order, so each probability is conditional on the earlier ones not firing.
  return { rules: kinds.map((fault, index) => ({ name: `transient_${fault.type}`, probability: each / (1 - each * index), fault })) };
}

/**
 * The run the logistics issue asks of every connector: shipments created while requests fail
 * transiently (a failed create is called again with the same reference and key, as a caller
 * recovering from a crash would, so the connector's duplicate protection is what is tested); the
 * carrier scanning every parcel along its route; webhooks delivered late, twice, out of order,
 * dropped and forged to a receiver that verifies through `parseWebhook` and applies through the
 * ordering guard; and the domain plug-in's polling, through a `TrackingCache`, as the source of
 * truth that settles whatever the webhooks never said.
 */
export async function runLogisticsEndToEnd(options: LogisticsEndToEndOptions): Promise<LogisticsEndToEndResult> {
  const { clock, simulation, connector } = options;
  const total = options.shipments ?? 40;
  const startedAt = clock.now();
  const records = new TrackingRecords();
  const tracks = new Map<string, Track>();
  const trackingNumbers = new Set<string>();
  const shipmentIds = new Set<string>();
  let createCalls = 0;
  let done = false;

  const cache = new TrackingCache({ clock });
  const cached = cachedConnector(connector, { tracking: cache });
  const lastRead = new Map<string, Track>();
  const poller = new Poller<TrackingStatus>(
    {
      async read(trackingNumber, signal) {
        const polled = await shipmentPolling.read(cached, trackingNumber, signal);
        if (polled.snapshot !== undefined) lastRead.set(trackingNumber, JSON.parse(polled.snapshot) as Track);
        return { status: polled.status as TrackingStatus, updatedAt: polled.updatedAt };
      },
      isSettled: isFinalTrackingStatus,
    },
    {
      clock,
      provider: connector.provider,
      concurrency: 8,
      backoff: { baseMs: 10 * 60_000, capMs: 2 * 60 * 60_000, jitter: 'full' },
      maxDurationMs: 7 * 24 * 60 * 60_000,
      onState(trackingNumber) {
        const track = lastRead.get(trackingNumber);
        if (track === undefined) return;
        // Dated by the carrier's time of the change, as the hub's RecordPoller dates this domain's reads.
        if (records.apply(trackingNumber, track.status, track.updatedAt, 'polling').applied) tracks.set(trackingNumber, track);
      },
    },
  );
  const applyWebhook = (track: Track): void => {
    if (!trackingNumbers.has(track.trackingNumber)) return;
    const outcome = records.apply(track.trackingNumber, track.status, track.updatedAt, 'webhook');
    if (outcome.applied) tracks.set(track.trackingNumber, track);
    // The faster path: a webhook that settles a record saves the polls still due for it.
    if (outcome.settled) poller.untrack(track.trackingNumber);
  };
  // A push that only asks for a read is answered as the hub's workers answer it: one read of the
  // carrier, whose track is applied. A read that fails is left to the poller.
  const pushReads = new Set<Promise<void>>();
  let readRequests = 0;
  const readPushed = (trackingNumber: string): void => {
    readRequests++;
    const read = readTrack(connector, trackingNumber).then(applyWebhook, () => undefined);
    pushReads.add(read);
    void read.finally(() => pushReads.delete(read));
  };
  const receiver = await startWebhookReceiver(connector, clock, (event) => {
    if (event.track !== undefined) applyWebhook(event.track);
    else if (event.readRequest !== undefined && trackingNumbers.has(event.readRequest.trackingNumber)) readPushed(event.readRequest.trackingNumber);
  });

  const fetch = clock.trackFetch();
  const carrier = async (): Promise<void> => {
    for (let batch = 1; !done; batch++) {
      await clock.sleep(SCAN_EVERY_MS);
      simulation.scan();
      const events = simulation.takeWebhookEvents();
      const plan = options.webhooks === false ? { drop: 1 } : { duplicates: 0.2, outOfOrder: 0.2, drop: 0.2, staleReplays: 1, forged: 1 };
      if (events.length > 0) await simulation.simulator.deliverWebhooks(receiver.url, { sign: simulation.signWebhook, ...plan, delayMs: { min: 0, max: 60_000 }, seed: batch }, events, fetch);
    }
  };

  const createOne = async (index: number): Promise<void> => {
    for (;;) {
      createCalls++;
      try {
        const shipment = await connector.createShipment({ ...options.input(index), idempotencyKey: `e2e-${index}` });
        shipmentIds.add(shipment.id);
        for (const number of shipment.trackingNumbers) {
          if (trackingNumbers.has(number)) continue;
          trackingNumbers.add(number);
          records.apply(number, shipment.status, shipment.updatedAt, 'create');
          poller.track(number);
        }
        return;
      } catch (error) {
        if (!isIntegrationError(error) || !error.retryable) throw error;
        await clock.sleep(CALLER_RETRY_MS);
      }
    }
  };

  simulation.simulator.setScenario(faults(options.transientShare ?? 0.15));
  let scanning: Promise<void> | undefined;
  try {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < total) await createOne(next++);
    };
    await Promise.all(Array.from({ length: Math.min(8, total) }, worker));
    scanning = carrier();
    while ([...trackingNumbers].some((number) => !records.isFinal(number)) && poller.tracked > 0) await clock.sleep(IDLE_MS);
  } finally {
    done = true;
    await scanning;
    await Promise.all([...pushReads]);
    await poller.stop();
    await receiver.close();
  }

  const numbers = [...trackingNumbers];
  const unknownCodes = new Set(
    [...tracks.values()].flatMap((track) => track.events.filter((event) => event.status === 'unknown').map((event) => event.rawCode)),
  );
  return {
    created: shipmentIds.size,
    createCalls,
    duplicateLabels: [...simulation.labelsByReference().values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0),
    trackingNumbers: numbers.length,
    settledBy: { ...records.settledBy },
    unsettled: numbers.filter((number) => !records.isFinal(number)),
    wrongFinal: numbers.filter((number) => records.isFinal(number) && records.status(number) !== simulation.finalStatus(number)),
    backwardSteps: records.backwardSteps(),
    refusedByGuard: { ...records.refused },
    webhooks: { ...receiver.counts },
    readRequests,
    unknownCodes: [...unknownCodes].sort(),
    unknownAlerts: options.telemetry.ofType('enum.unknown_value').filter((event) => event.firstSeen).length,
    trackingCalls: { ...cache.stats },
    faultsInjected: Object.fromEntries(simulation.simulator.faultsInjected),
    virtualMs: clock.now() - startedAt,
  };
}
