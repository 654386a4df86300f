import { IntegrationError, isIntegrationError, length, OPERATION_UNSUPPORTED, POLLED_EVENT_TYPE, sortableId, weight, type RecordChange } from '@interlock/core';
import type { Hub } from '@interlock/hub';
import { isFinalTrackingStatus, SHIPMENT_RECORD_TYPE, type Address, type CreateShipmentInput, type Shipment } from '@interlock/logistics';
import type { DemoCarrier } from './carriers.js';

// Made-up numbers: DHL Express needs a phone for the shipper and the receiver.
const FROM: Address = { name: 'Demo Sender', company: 'Müller GmbH', lines: ['Teststraat'], houseNumber: '1', postalCode: '1011 AB', city: 'Amsterdam', country: 'NL', phone: '+31201234567' };
const TO: Address = { name: 'Demo Receiver', lines: ['Zakładowa'], houseNumber: '7', postalCode: '90-001', city: 'Łódź', country: 'PL', phone: '+48221234567' };

// DHL Express prices by volume as well as weight, so it asks for the outer size of every piece.
const SHOE_BOX = { length: length(30, 'cm'), width: length(20, 'cm'), height: length(12, 'cm') };

/** What the demo made at one carrier during this run. */
export class CarrierRun {
  /** Every tracking number of this run's labels, oldest first. */
  readonly trackingNumbers: string[] = [];
  /** Numbers the carrier issued again that an earlier run on the same database had: not tracked. */
  reused = 0;
  /** The final status the hub holds for each number that has one. */
  readonly finalStatus = new Map<string, string>();
  /** Set once the connector refused to buy labels: the typed reason, and labels are bought elsewhere from then on. */
  labelsRefused: string | undefined;

  constructor(readonly carrier: DemoCarrier) {}
}

/**
 * Hands the hub a shipment the demo just made, as its first state: a record change on the event
 * queue, applied by the workers through the same guards, after which the hub's poller tracks the
 * number until it is final. A carrier without webhooks (DHL) would otherwise never be heard of.
 */
async function register(hub: Hub, carrier: DemoCarrier, shipment: Shipment): Promise<void> {
  const now = Date.now();
  for (const trackingNumber of shipment.trackingNumbers) {
    const change: RecordChange = { recordType: SHIPMENT_RECORD_TYPE, recordId: trackingNumber, status: shipment.status, occurredAt: shipment.updatedAt };
    await hub.queue.accept({
      id: sortableId(now),
      provider: carrier.name,
      eventId: `registered:${trackingNumber}`,
      type: POLLED_EVENT_TYPE,
      receivedAt: now,
      occurredAt: shipment.updatedAt,
      payload: JSON.stringify(change),
    });
  }
}

/** A label through the connector the hub runs; once it refuses as tracking-only, from the carrier's other channel. */
async function buyLabel(hub: Hub, run: CarrierRun, input: CreateShipmentInput): Promise<Shipment> {
  const { carrier } = run;
  if (run.labelsRefused === undefined) {
    try {
      return await hub.connector(carrier.descriptor, carrier.name).createShipment({ ...input, idempotencyKey: input.reference });
    } catch (error) {
      if (!isIntegrationError(error) || error.reason !== OPERATION_UNSUPPORTED || carrier.shipElsewhere === undefined) throw error;
      run.labelsRefused = error.reason;
    }
  }
  if (carrier.shipElsewhere === undefined) throw new IntegrationError('invalid_request', `${carrier.name} buys no labels here`, { provider: carrier.name, endpoint: 'createShipment', reason: 'no_label_channel' });
  return carrier.shipElsewhere(input);
}

/** One batch's shipping at one carrier, before the pause: what the console line reports of it. */
export interface ShippingBatch {
  /** False on a batch the carrier ships nothing (it ships every few batches). */
  ships: boolean;
  labels: number;
  failures: ReadonlyMap<string, number>;
  webhooks: number;
  refused: number;
}

/**
 * One batch at one carrier: labels (through the connector, or bought elsewhere for a carrier the
 * connector only tracks) handed to the hub, a round of the carrier's scans, and the webhooks
 * those scans make delivered to the hub as carriers misbehave (some twice, some out of order, a
 * stale replay and a forged one). A carrier without webhooks sends none: the hub's poller reads it.
 */
export async function shipBatch(hub: Hub, run: CarrierRun, tag: string, batch: number): Promise<ShippingBatch> {
  const { carrier } = run;
  let labels = 0;
  const failures = new Map<string, number>();
  const ships = (batch - 1) % (carrier.shipEvery ?? 1) === 0;
  for (let i = 0; ships && i < carrier.shipmentsPerBatch; i++) {
    const reference = `demo-${tag}-${batch}-${i}`;
    try {
      const shipment = await buyLabel(hub, run, { from: FROM, to: TO, parcels: [{ weight: weight(250 + ((batch * 7 + i) % 40) * 50, 'g'), dimensions: SHOE_BOX }], service: carrier.service, reference });
      labels++;
      // A simulation that numbers its parcels from 1 on every start reuses an earlier run's numbers
      // on a saved database: the hub's record is that run's parcel, so the number is left out.
      const fresh: string[] = [];
      for (const trackingNumber of shipment.trackingNumbers) {
        if ((await hub.integrity.getRecord({ provider: carrier.name, recordType: SHIPMENT_RECORD_TYPE, recordId: trackingNumber })) === undefined) fresh.push(trackingNumber);
        else run.reused++;
      }
      await register(hub, carrier, { ...shipment, trackingNumbers: fresh });
      run.trackingNumbers.push(...fresh);
    } catch (error) {
      const label = isIntegrationError(error) ? `${error.kind}/${error.reason}` : 'bug';
      failures.set(label, (failures.get(label) ?? 0) + 1);
    }
  }
  const { webhooks, refused } = await scanRound(hub, carrier, batch);
  return { ships, labels, failures, webhooks, refused };
}

/** The carrier scans every parcel one step along its route and delivers the webhooks the scans make. */
export async function scanRound(hub: Hub, carrier: DemoCarrier, seed: number): Promise<{ webhooks: number; refused: number }> {
  const { simulation } = carrier;
  simulation.scan();
  const events = simulation.takeWebhookEvents();
  if (events.length === 0) return { webhooks: 0, refused: 0 };
  const deliveries = await simulation.simulator.deliverWebhooks(
    `${hub.url}/webhooks/${carrier.name}`,
    { sign: simulation.signWebhook, duplicates: 0.2, outOfOrder: 0.1, staleReplays: 1, forged: 1, seed },
    events,
  );
  return { webhooks: deliveries.length, refused: deliveries.filter((delivery) => delivery.status === 400).length };
}

/** Where this run's shipments at a carrier stand in the hub: counts of each final status, and how many are still moving. */
export interface ShipmentStanding {
  total: number;
  final: ReadonlyMap<string, number>;
  moving: number;
}

/**
 * Reads the hub's record of each of the run's numbers not known final yet (a final status is never
 * left, so each number is read until it gets there, and the reads stay as few as the open numbers).
 */
export async function standing(hub: Hub, run: CarrierRun): Promise<ShipmentStanding> {
  for (const trackingNumber of run.trackingNumbers) {
    if (run.finalStatus.has(trackingNumber)) continue;
    const record = await hub.integrity.getRecord({ provider: run.carrier.name, recordType: SHIPMENT_RECORD_TYPE, recordId: trackingNumber });
    if (record !== undefined && isFinalTrackingStatus(record.status)) run.finalStatus.set(trackingNumber, record.status);
  }
  const final = new Map<string, number>();
  for (const status of run.finalStatus.values()) final.set(status, (final.get(status) ?? 0) + 1);
  return { total: run.trackingNumbers.length, final, moving: run.trackingNumbers.length - run.finalStatus.size };
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function describeStanding(standing: ShipmentStanding): string {
  const finals = [...standing.final].map(([status, n]) => `${n} ${status}`);
  return [...finals, `${standing.moving} on the way`].join(', ');
}

/** The batch's line for one carrier, e.g. `sendcloud: 3 labels, 7 webhooks (1 refused); 9 shipments: 4 delivered, 5 on the way`. */
export function shippingLine(run: CarrierRun, batch: ShippingBatch, now: ShipmentStanding): string {
  const failed = [...batch.failures].map(([label, n]) => `${n} ${label}`).join(', ');
  const made = !batch.ships
    ? 'no labels this batch'
    : run.labelsRefused === undefined
      ? count(batch.labels, 'label')
      : `${count(batch.labels, 'label')} bought elsewhere (connector: ${run.labelsRefused})`;
  const webhooks = batch.webhooks === 0 ? 'no webhooks' : `${count(batch.webhooks, 'webhook')} (${batch.refused} refused)`;
  const reused = run.reused === 0 ? '' : ` (${count(run.reused, 'number')} an earlier run used, left out)`;
  return `${run.carrier.name}: ${made}${failed ? ` (${failed})` : ''}, ${webhooks}; ${count(now.total, 'shipment')}${reused}: ${describeStanding(now)}`;
}

/** Whether every shipment the runs made is at a final status in the hub. */
export async function allFinal(hub: Hub, runs: readonly CarrierRun[]): Promise<boolean> {
  for (const run of runs) if ((await standing(hub, run)).moving > 0) return false;
  return true;
}

/**
 * How the run's final statuses reached the hub: by the carrier's webhook, or by the hub's poller
 * (the audit entry of the event that applied the final status says which).
 */
export async function settledBy(hub: Hub, run: CarrierRun): Promise<{ webhook: number; poller: number }> {
  const counts = { webhook: 0, poller: 0 };
  for (const [recordId, status] of run.finalStatus) {
    const audit = await hub.integrity.listAudit({ provider: run.carrier.name, recordId });
    const applied = audit.find((entry) => entry.outcome === 'applied' && entry.detail?.endsWith(`-> ${status}`));
    if (applied === undefined) continue;
    if (applied.action === `apply ${POLLED_EVENT_TYPE}`) counts.poller++;
    else counts.webhook++;
  }
  return counts;
}
