import type { Clock, Weight } from '@interlock/core';
import type { Shipment } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { ProviderSimulator, type FaultScenario, type WebhookEvent } from '@interlock/testkit/simulator';
import { UPS_API_VERSION, UPS_DEFAULT_LOCAL_ZONE, UPS_PROVIDER, UPS_TOKEN_PATH, UPS_TRACK_ALERT_VERSION } from '../src/provider.js';
import { UPS_ALERT_CREDENTIAL_HEADER } from '../src/webhooks.js';
import { alertBody, ROUTES, trackResponse, upsError, type SimParcel } from './parcels.js';

export { ROUTES, UNLISTED, wireWeight, type RouteStep } from './parcels.js';

export interface UpsSimulationOptions {
  /** Shared with the connector under test, so scans, delays and outages run in virtual time. */
  clock: Clock;
  /** The Track Alert credential pushes carry; give the connector the same one. */
  credential: string;
  /** The zone scans are written in (zone-less); give the connector the same one. Default America/New_York. */
  zone?: string;
  /** Track Alert holds each push this long after its scan (`min`..`max`, spread by parcel): late by hours. */
  alertLagMs?: { min: number; max: number };
  /** Every request fails with 503 for `durationMs` from `fromMs` after each fault scenario is set. */
  outage?: { fromMs: number; durationMs: number };
  /**
   * Answer 429 to a tracking read beyond this many in any minute, as UPS does past a client's
   * quota; give it the connector's documented limit to prove the connector stays under it.
   */
  trackLimitPerMinute?: number;
  /** Seconds a token lives. Default 14,399, what UPS's token endpoint is commonly seen to issue. */
  tokenLifetimeS?: number;
  /** The shipper account in the 1Z numbers carries it, so a simulation started again with another seed never reuses one. */
  seed?: number;
}

/** The simulated UPS, with what the tests need beyond the LogisticsSimulation contract. */
export interface UpsSimulation extends LogisticsSimulation {
  /**
   * Issues a label for a parcel, as UPS's Shipping API (not part of this connector) would:
   * a 1Z number, the manifest scan, and a Track Alert subscription.
   */
  ship(input: { reference: string; weight: Weight }): Shipment;
  /** When each tracking read reached the carrier (429s included), epoch ms. */
  readonly trackReads: readonly { at: number; status: number }[];
  /** Tokens the token endpoint issued. */
  readonly tokensIssued: number;
  /** Numbers subscribed to Track Alert through the API, with the time of their latest subscription. */
  readonly subscriptions: ReadonlyMap<string, number>;
}

const MINUTE = 60_000;

/**
 * UPS on 127.0.0.1, shaped from Tracking.yaml and UPSTrackAlert.yaml: the OAuth2 token endpoint,
 * `GET /api/track/v1/details/{inquiryNumber}`, Track Alert's package subscription, and pushes that
 * carry the registered credential. Each `scan()` moves every parcel one step along its route.
 */
export async function createUpsSimulation(options: UpsSimulationOptions): Promise<UpsSimulation> {
  const { clock } = options;
  const zone = options.zone ?? UPS_DEFAULT_LOCAL_ZONE;
  const parcels = new Map<string, SimParcel>();
  const order: string[] = [];
  const account = 'S' + ((options.seed ?? 1) >>> 0).toString(36).toUpperCase().padStart(5, '0').slice(-5);
  const pending: WebhookEvent[] = [];
  const subscriptions = new Map<string, number>();
  const trackReads: { at: number; status: number }[] = [];
  let tokensIssued = 0;
  let alerts = 0;

  const simulator = await ProviderSimulator.start({ clock, idempotencyHeader: false });
  const setScenario = simulator.setScenario.bind(simulator);
  if (options.outage !== undefined) {
    const { fromMs, durationMs } = options.outage;
    simulator.setScenario = (scenario: FaultScenario) =>
      setScenario({ rules: [{ name: 'outage', from: fromMs, until: fromMs + durationMs, fault: { type: 'status', status: 503 } }, ...scenario.rules] });
    simulator.setScenario({ rules: [] });
  }

  simulator.route('POST', UPS_TOKEN_PATH, () => {
    tokensIssued++;
    return { status: 200, body: { token_type: 'Bearer', access_token: `sim-token-${tokensIssued}`, expires_in: String(options.tokenLifetimeS ?? 14_399) } };
  });
  simulator.route('GET', `/api/track/${UPS_API_VERSION}/details/:inquiryNumber`, (request) => {
    const now = clock.now();
    const limit = options.trackLimitPerMinute;
    if (limit !== undefined && trackReads.filter((read) => read.status !== 429 && read.at > now - MINUTE).length >= limit) {
      trackReads.push({ at: now, status: 429 });
      return { status: 429, body: { response: { errors: [] } } };
    }
    const number = String(request.params['inquiryNumber']);
    const parcel = parcels.get(number);
    trackReads.push({ at: now, status: parcel === undefined ? 404 : 200 });
    if (parcel === undefined) return upsError(404, 'TW0001', 'Tracking Information Not Found');
    return { status: 200, body: trackResponse(order.indexOf(number), parcel, zone) };
  });
  simulator.route('POST', `/api/track/${UPS_TRACK_ALERT_VERSION}/subscription/standard/package`, (request) => {
    const list = request.parsedBody['trackingNumberList'];
    const numbers = Array.isArray(list) ? list.map(String) : [];
    if (numbers.length === 0) return upsError(400, 'VSS200', 'Tracking Number List is required. The Subscription request has been rejected.');
    if (numbers.length > 100) return upsError(400, 'VSS220', 'You have submitted over 100 tracking numbers which is not allowed.');
    const valid = numbers.filter((number) => parcels.has(number));
    for (const number of valid) subscriptions.set(number, clock.now());
    return { status: 200, body: { validTrackingNumbers: valid, invalidTrackingNumbers: numbers.filter((number) => !parcels.has(number)) } };
  });

  const record = (parcel: SimParcel, index: number): void => {
    const scan = parcel.scans.at(-1);
    if (scan === undefined) return;
    const lag = options.alertLagMs === undefined ? 0 : options.alertLagMs.min + ((index * 7919) % (options.alertLagMs.max - options.alertLagMs.min + 1));
    alerts++;
    pending.push({ id: `alert-${alerts}`, type: scan.step.type, payload: alertBody(parcel, scan, zone), occurredAt: scan.at + lag });
  };

  return {
    provider: UPS_PROVIDER,
    simulator,
    get tokensIssued() {
      return tokensIssued;
    },
    subscriptions,
    trackReads,
    ship({ reference, weight }) {
      const index = order.length;
      // 1Z + six-character account + two-digit service + eight digits, the shape UPSTrackAlert.yaml's pattern takes.
      const trackingNumber = `1Z${account}${String(index + 1).padStart(10, '0')}`;
      const route = ROUTES[index % ROUTES.length] ?? [];
      const now = clock.now();
      const parcel: SimParcel = { trackingNumber, reference, weight, route, scans: [{ step: route[0] ?? { type: 'M', code: 'MP', description: '', status: 'label_created' }, at: now }] };
      parcels.set(trackingNumber, parcel);
      order.push(trackingNumber);
      subscriptions.set(trackingNumber, now);
      record(parcel, index);
      return {
        id: trackingNumber,
        provider: UPS_PROVIDER,
        carrier: 'ups',
        service: '003',
        reference,
        status: 'label_created',
        statusRaw: 'M/MP',
        trackingNumbers: [trackingNumber],
        from: { name: 'Sender', lines: ['1 Main St'], city: 'Atlanta', postalCode: '30301', country: 'US' },
        to: { name: 'Receiver', lines: ['2 Main St'], city: 'Atlanta', postalCode: '30302', country: 'US' },
        parcels: [{ weight }],
        createdAt: now,
        updatedAt: now,
      };
    },
    scan() {
      const now = clock.now();
      order.forEach((number, index) => {
        const parcel = parcels.get(number);
        if (parcel === undefined || parcel.scans.length >= parcel.route.length) return;
        const step = parcel.route[parcel.scans.length];
        if (step === undefined) return;
        parcel.scans.push({ step, at: now });
        record(parcel, index);
      });
    },
    takeWebhookEvents() {
      const now = clock.now();
      const due = pending.filter((event) => event.occurredAt <= now).sort((a, b) => a.occurredAt - b.occurredAt);
      for (const event of due) pending.splice(pending.indexOf(event), 1);
      return due;
    },
    signWebhook: () => ({ [UPS_ALERT_CREDENTIAL_HEADER]: options.credential, 'user-agent': 'UPSPubSubTrackingService' }),
    labelsByReference() {
      const counts = new Map<string, number>();
      for (const parcel of parcels.values()) counts.set(parcel.reference, (counts.get(parcel.reference) ?? 0) + 1);
      return counts;
    },
    finalStatus(trackingNumber) {
      const last = parcels.get(trackingNumber)?.route.at(-1);
      return last === undefined || last.status === 'unknown' ? undefined : last.status;
    },
  };
}

/** A ten-minute outage starting `fromMs` after the run sets its faults. */
export const TEN_MINUTE_OUTAGE = (fromMs: number): { fromMs: number; durationMs: number } => ({ fromMs, durationMs: 10 * MINUTE });
