import { admitDelivery, MemoryTelemetrySink, weight, type StoredEvent } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import { READ_REQUEST_TIMEOUT_MS, SHIPMENT_RECORD_TYPE, shipmentPolling, trackingStatusMachine, trackSchema, type LogisticsConnector } from '@interlock/logistics';
import { runLogisticsEndToEnd, trackAborted, type LogisticsEndToEndResult } from '@interlock/logistics/testing';
import { describe, expect, it } from 'vitest';
import { createUpsConnector, descriptor, SUBSCRIPTION_LIFETIME_MS, UPS_ALERT_CREDENTIAL_HEADER, SUBSCRIPTION_RENEW_BEFORE_MS, UNSUPPORTED_OPERATIONS, type UpsConnector } from '../src/index.js';
import { createUpsSimulation, TEN_MINUTE_OUTAGE, UNLISTED, type UpsSimulation, type UpsSimulationOptions } from '../testing/index.js';

const CREDENTIAL = 'ups-simulation-credential';
const SHIPMENTS = 16;
const HOUR = 60 * 60_000;
const ADDRESS = { name: 'Receiver', lines: ['2 Main St'], city: 'Atlanta', postalCode: '30302', country: 'US' };

async function onSimulation<T>(extra: Partial<UpsSimulationOptions>, run: (clock: FakeClock, simulation: UpsSimulation) => Promise<T>): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start: Date.UTC(2026, 0, 5, 9) });
  const simulation = await createUpsSimulation({ clock, credential: CREDENTIAL, ...extra });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

const connectorFor = (clock: FakeClock, simulation: UpsSimulation, telemetry = new MemoryTelemetrySink()): UpsConnector =>
  createUpsConnector({
    baseUrl: simulation.simulator.url,
    credentials: { clientId: 'sim-client', clientSecret: 'sim-client-secret' },
    webhookSecrets: [CREDENTIAL],
    clock,
    fetch: clock.trackFetch(),
    telemetry: [telemetry],
  });

/**
 * UPS labels come from its Shipping API, which this connector does not implement; the run's
 * creates go to the simulated carrier's own label desk, looked up by reference first as a caller
 * without keys would. Everything after the label is this connector's.
 */
function withLabelDesk(connector: UpsConnector, simulation: UpsSimulation): LogisticsConnector {
  const made = new Map<string, ReturnType<UpsSimulation['ship']>>();
  return {
    ...connector,
    createShipment: (input) => {
      const shipment = made.get(input.reference) ?? simulation.ship({ reference: input.reference, weight: input.parcels[0]?.weight ?? weight(1, 'kg') });
      made.set(input.reference, shipment);
      return Promise.resolve(shipment);
    },
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function endToEnd(webhooks: boolean): Promise<LogisticsEndToEndResult> {
  // Pushes held 1 to 5 hours, and every call failing with 503 for ten minutes once the parcels are out.
  return onSimulation({ alertLagMs: { min: HOUR, max: 5 * HOUR }, outage: TEN_MINUTE_OUTAGE(45 * 60_000) }, (clock, simulation) => {
    const telemetry = new MemoryTelemetrySink();
    return runLogisticsEndToEnd({
      clock,
      simulation,
      connector: withLabelDesk(connectorFor(clock, simulation, telemetry), simulation),
      telemetry,
      shipments: SHIPMENTS,
      webhooks,
      input: (index) => ({ from: ADDRESS, to: ADDRESS, parcels: [{ weight: weight(250 + index, 'g') }], service: '003', reference: `order-${index}` }),
    });
  });
}

describe('ups on its simulation', () => {
  it('stops tracking when its caller stops waiting: an aborted read rejects with its reason and asks the carrier nothing', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const { error, requests } = await trackAborted(connectorFor(clock, simulation), simulation, ['1ZSIM0000000000001', '1ZSIM0000000000002']);
      expect(error).toMatchObject({ message: 'closing' });
      expect(requests).toBe(0);
    });
  });

  it('settles every parcel on its true final status by polling through late, duplicated, reordered and dropped pushes and a ten-minute outage', { timeout: 60_000 }, async () => {
    const result = await endToEnd(true);
    expect(result.trackingNumbers).toBe(SHIPMENTS);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    // Pushes are read requests: accepted with the credential, each answered by one read of UPS,
    // whose state is applied; the pushes themselves never carry one.
    expect(result.webhooks.accepted).toBeGreaterThan(0);
    expect(result.webhooks.crashed).toBe(0);
    expect(result.readRequests).toBe(result.webhooks.accepted);
    expect(result.settledBy.webhook).toBeGreaterThan(0);
    expect(result.settledBy.webhook + result.settledBy.polling).toBe(SHIPMENTS);
    expect(result.faultsInjected['outage']).toBeGreaterThan(0);
    // The unlisted type is kept raw on the tracks applied and alerted once; U (a new delivery
    // date, documented, no state) is kept raw too but is no news to alert on.
    expect(result.unknownCodes).toEqual([`${UNLISTED.type}/${UNLISTED.code}`, 'U/UD']);
    expect(result.unknownAlerts).toBe(1);
  });

  it('settles every parcel by polling alone when every push is dropped', { timeout: 60_000 }, async () => {
    const result = await endToEnd(false);
    expect(result.unsettled).toEqual([]);
    expect(result.wrongFinal).toEqual([]);
    expect(result.backwardSteps).toBe(0);
    expect(result.settledBy.polling).toBe(SHIPMENTS);
  });

  it('refuses a push without the registered credential, and reads UPS for one with it', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const [number = ''] = simulation.ship({ reference: 'alerted', weight: weight(1, 'kg') }).trackingNumbers;
      simulation.scan();
      const [, event] = simulation.takeWebhookEvents();
      const rawBody = JSON.stringify(event?.payload);
      const delivery = (headers: Record<string, string>) => ({ rawBody, headers, now: clock.now() });
      expect(thrown(() => connector.parseWebhook(delivery({})))).toMatchObject({ kind: 'auth' });
      expect(thrown(() => connector.parseWebhook(delivery({ credential: 'someone-else' })))).toMatchObject({ kind: 'auth' });
      const headers = simulation.signWebhook(rawBody, event ?? { id: '', type: '', payload: null, occurredAt: 0 }, clock.now());
      const [request] = connector.parseWebhook(delivery({ ...headers }));
      expect(request).toMatchObject({ type: 'tracking.updated', rawType: 'track_alert' });
      expect(request?.track).toBeUndefined();

      const before = simulation.trackReads.length;
      const read = await connector.readAlerted(delivery({ ...headers }));
      expect(simulation.trackReads.length).toBe(before + 1);
      expect(read.track).toMatchObject({ trackingNumber: number, status: 'in_transit' });
      expect(read.track?.events.map((scan) => scan.rawText)).toEqual(['Shipper created a label, UPS has not received the package yet.', 'Origin Scan']);
    });
  });

  it('fails a push for a number UPS does not know as not found, as the workers\' read does, rather than answering it without a track', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const rawBody = JSON.stringify({ trackingNumber: '1ZSIMNEVERSHIPPED1', activityStatus: { type: 'D', code: 'KB', description: 'DELIVERED' }, gmtActivityDate: '20260105', gmtActivityTime: '100000' });
      const headers = simulation.signWebhook(rawBody, { id: 'unknown', type: 'D', payload: null, occurredAt: clock.now() }, clock.now());
      await expect(connector.readAlerted({ rawBody, headers: { ...headers }, now: clock.now() })).rejects.toMatchObject({ kind: 'not_found' });
    });
  });

  it("as the hub runs it, admits a push by its credential and has the workers read its number once and apply UPS's answer; a forged push reads nothing", async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const interpreter = descriptor.domain.interpreter(connector);
      const [number = ''] = simulation.ship({ reference: 'pushed', weight: weight(1, 'kg') }).trackingNumbers;
      simulation.scan();
      // A push that claims more than UPS says: its content must not become the record's state.
      const claim = { trackingNumber: number, activityStatus: { type: 'D', code: 'KB', description: 'DELIVERED' }, gmtActivityDate: '20260105', gmtActivityTime: '100000' };
      const rawBody = JSON.stringify(claim);
      const stored = (eventId: string): StoredEvent => ({ id: 'q1', provider: 'ups', eventId, type: 'D', receivedAt: clock.now(), occurredAt: clock.now(), payload: rawBody, status: 'processing', attempts: 1, updatedAt: clock.now() });
      const before = simulation.trackReads.length;

      for (const headers of [{}, { [UPS_ALERT_CREDENTIAL_HEADER]: 'someone-else' }]) {
        expect(admitDelivery(descriptor.webhooks, { rawBody, headers, now: clock.now() }, [CREDENTIAL])).toMatchObject({ ok: false, refusal: 'forged' });
      }
      expect(simulation.trackReads.length).toBe(before);

      const admitted = admitDelivery(descriptor.webhooks, { rawBody, headers: simulation.signWebhook(rawBody, { id: 'push', type: 'D', payload: claim, occurredAt: clock.now() }, clock.now()), now: clock.now() }, [CREDENTIAL]);
      if (!admitted.ok) throw new Error(`refused: ${admitted.reason}`);
      const change = await interpreter.read?.(stored(admitted.identity.eventId));
      expect(simulation.trackReads.length).toBe(before + 1);
      expect(change).toMatchObject({ recordType: SHIPMENT_RECORD_TYPE, recordId: number, status: 'in_transit' });
      expect(trackingStatusMachine.canTransition('label_created', change?.status as 'in_transit')).toBe(true);
      expect(JSON.parse(change?.snapshot ?? '{}')).toMatchObject({ trackingNumber: number, status: 'in_transit', statusRaw: 'I/OR' });
    });
  });

  it('answers a burst of pushes within half a minute each: a read the 20-a-minute limit cannot start in time is left to the poller, nothing sent for it', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const telemetry = new MemoryTelemetrySink();
      const interpreter = descriptor.domain.interpreter(connectorFor(clock, simulation, telemetry));
      const numbers = Array.from({ length: 40 }, (_, index) => simulation.ship({ reference: `burst-${index}`, weight: weight(1, 'kg') }).trackingNumbers[0] ?? '');
      simulation.scan();
      const before = simulation.trackReads.length;
      const start = clock.now();
      const reads = numbers.map(async (number, index) => {
        const change = await interpreter.read?.({ id: `q${index}`, provider: 'ups', eventId: `push-${index}`, type: 'D', receivedAt: start, occurredAt: start, payload: JSON.stringify({ trackingNumber: number, activityStatus: { type: 'I', code: 'OR', description: 'Origin Scan' }, gmtActivityDate: '20260105', gmtActivityTime: '090000' }), status: 'processing', attempts: 1, updatedAt: start });
        return { number, change, tookMs: clock.now() - start };
      });
      const answered = await Promise.all(reads);
      const deferred = answered.filter(({ change }) => change === undefined);
      expect(Math.max(...answered.map(({ tookMs }) => tookMs))).toBeLessThanOrEqual(READ_REQUEST_TIMEOUT_MS);
      expect(deferred.length).toBeGreaterThan(0);
      expect(simulation.trackReads.length - before).toBe(answered.length - deferred.length);
      for (const { number, change } of answered) if (change !== undefined) expect(change).toMatchObject({ recordType: SHIPMENT_RECORD_TYPE, recordId: number });
      // Why each was left: the connector's telemetry says the read gave up on the limiter's wait.
      expect(telemetry.ofType('request.gave_up').filter((event) => event.endpoint === 'track' && event.errorKind === 'rate_limited')).toHaveLength(deferred.length);
    });
  });

  it("dates a polled read by UPS's scan time resolved to UTC, local and zone-less or GMT, and receives it at the read", async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      // The first parcel's scans carry GMT fields, the second's only local zone-less times.
      const numbers = ['gmt', 'local'].map((reference) => simulation.ship({ reference, weight: weight(1, 'kg') }).trackingNumbers[0] ?? '');
      // Two scans: the second parcel's first is a code nobody maps, which moves no status.
      for (const pause of [90_000, 90_000]) {
        await clock.sleep(pause);
        simulation.scan();
      }
      const scannedAt = Math.floor(clock.now() / 1000) * 1000;
      await clock.sleep(3 * HOUR);
      for (const number of numbers) {
        const readAt = clock.now();
        const read = await shipmentPolling.read(connector, number);
        expect(read).toMatchObject({ status: 'in_transit', updatedAt: scannedAt });
        const track = trackSchema.parse(JSON.parse(read.snapshot ?? '{}'));
        expect(track.events.map((event) => event.receivedAt)).toEqual(track.events.map(() => readAt));
        expect(track.events.every((event) => event.occurredAt < readAt)).toBe(true);
      }
    });
  });

  it('subscribes 100 numbers a call and renews each a day before its 14 days lapse', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const numbers = Array.from({ length: 150 }, (_, index) => simulation.ship({ reference: `sub-${index}`, weight: weight(1, 'kg') }).trackingNumbers[0] ?? '');
      const calls = () => simulation.simulator.requests.filter((request) => request.path.endsWith('/subscription/standard/package')).length;
      const first = await connector.subscriptions.add([...numbers, '1ZNEVERISSUED0000']);
      expect(first.subscribed).toHaveLength(150);
      expect(first.refused).toEqual(['1ZNEVERISSUED0000']);
      expect(calls()).toBe(2);
      const subscribedAt = clock.now();
      expect(connector.subscriptions.expiresAt(numbers[0] ?? '')).toBe(subscribedAt + SUBSCRIPTION_LIFETIME_MS);

      await clock.sleep(SUBSCRIPTION_LIFETIME_MS - SUBSCRIPTION_RENEW_BEFORE_MS - HOUR);
      expect((await connector.subscriptions.renewDue()).subscribed).toEqual([]);
      connector.subscriptions.remove(numbers[0] ?? '');
      await clock.sleep(2 * HOUR);
      const renewed = await connector.subscriptions.renewDue();
      expect(renewed.subscribed).toHaveLength(149);
      expect(renewed.subscribed).not.toContain(numbers[0]);
      expect(simulation.subscriptions.get(numbers[1] ?? '')).toBeGreaterThan(subscribedAt + SUBSCRIPTION_LIFETIME_MS - SUBSCRIPTION_RENEW_BEFORE_MS);
      expect(calls()).toBe(4);
    });
  });

  it("as the hub's poller runs it, subscribes each number polling starts on, renews it before it lapses, and stops renewing it once let go", async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const watching = descriptor.domain.polling?.watching;
      if (watching === undefined) throw new Error('logistics polling watches no numbers');
      const numbers = ['kept', 'settled'].map((reference) => simulation.ship({ reference, weight: weight(1, 'kg') }).trackingNumbers[0] ?? '');
      const [kept = '', settled = ''] = numbers;
      expect(await watching.watch(connector, [...numbers, '1ZNEVERISSUED0000'])).toEqual({ watched: numbers, refused: ['1ZNEVERISSUED0000'] });
      const subscribedAt = clock.now();
      expect(simulation.subscriptions.get(kept)).toBe(subscribedAt);

      watching.unwatch(connector, settled);
      await clock.sleep(SUBSCRIPTION_LIFETIME_MS - SUBSCRIPTION_RENEW_BEFORE_MS);
      expect(await watching.renew(connector)).toEqual({ watched: [kept], refused: [] });
      expect(simulation.subscriptions.get(kept)).toBe(clock.now());
      expect(simulation.subscriptions.get(settled)).toBe(subscribedAt);
    });
  });

  it('refreshes its OAuth2 token before it expires, and sends a fresh transId on every call', async () => {
    await onSimulation({ tokenLifetimeS: 3_600 }, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const [number = ''] = simulation.ship({ reference: 'token', weight: weight(1, 'kg') }).trackingNumbers;
      await connector.track([number]);
      await clock.sleep(50 * 60_000);
      await connector.track([number]);
      expect(simulation.tokensIssued).toBe(1);
      // Less than the five-minute margin left: refreshed before the call, never after a 401.
      await clock.sleep(6 * 60_000);
      await connector.track([number]);
      expect(simulation.tokensIssued).toBe(2);
      const reads = simulation.simulator.requests.filter((request) => request.path.includes('/details/'));
      expect(reads.every((request) => request.headers['authorization'] !== undefined && request.headers['transactionsrc'] === 'interlock')).toBe(true);
      const transIds = reads.map((request) => request.headers['transid']);
      expect(new Set(transIds).size).toBe(reads.length);
      expect(reads.map((request) => request.headers['authorization'])).toEqual(['Bearer sim-token-1', 'Bearer sim-token-1', 'Bearer sim-token-2']);
    });
  });

  it('refuses every operation UPS has no pinned spec for, typed and before any call', async () => {
    await onSimulation({}, async (clock, simulation) => {
      const connector = connectorFor(clock, simulation);
      const refusal = { kind: 'invalid_request', retryable: false, context: { reason: 'operation_unsupported' } };
      const input = { from: ADDRESS, to: ADDRESS, parcels: [{ weight: weight(1, 'kg') }], service: '003', reference: 'never' };
      await expect(connector.quoteRates({ from: ADDRESS, to: ADDRESS, parcels: input.parcels })).rejects.toMatchObject(refusal);
      await expect(connector.createShipment(input)).rejects.toMatchObject(refusal);
      await expect(connector.cancelShipment('1Z')).rejects.toMatchObject(refusal);
      await expect(connector.getShipment('1Z')).rejects.toMatchObject(refusal);
      await expect(connector.findShipmentByReference('never')).rejects.toMatchObject(refusal);
      await expect(connector.listShipments()[Symbol.asyncIterator]().next()).rejects.toMatchObject(refusal);
      expect(UNSUPPORTED_OPERATIONS).toHaveLength(6);
      expect(simulation.simulator.requests).toHaveLength(0);
    });
  });
});
