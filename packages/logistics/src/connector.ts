import type { ErrorKind, ReadOptions, WatchOutcome, WebhookHeaders } from '@interlock/core';
import type { Address } from './models/address.js';
import type { Customs } from './models/customs.js';
import type { LogisticsEvent } from './models/logistics-event.js';
import type { Parcel } from './models/parcel.js';
import type { Rate } from './models/rate.js';
import type { Label, Shipment } from './models/shipment.js';
import type { Track } from './models/tracking.js';

/** What a caller asks a price for. */
export interface RateRequest {
  from: Address;
  to: Address;
  parcels: readonly Parcel[];
  /** Quote only these services; all the carrier offers otherwise. */
  services?: readonly string[];
  /** Needed for a quote across a customs border by carriers that price duties in (DDP). */
  customs?: Customs;
}

/** What a caller asks for when buying a label. */
export interface CreateShipmentInput {
  from: Address;
  to: Address;
  parcels: readonly Parcel[];
  /** The carrier's service code, as a `Rate` names it. */
  service: string;
  /** Required across a customs border (`validateCustoms` checks it before any call). */
  customs?: Customs;
  labelFormat?: Label['format'];
  /** The caller's own order or shipment id: sent to the carrier, and what a retried create looks up. */
  reference: string;
}

/** Options for a call that changes something at the carrier. */
export interface IdempotentOptions {
  /**
   * The key the carrier dedupes the operation on, for carriers that take one. Pass one when the
   * caller retries across process restarts; otherwise the connector makes one per call and keeps it
   * across its retries. A carrier without keys finds an earlier attempt by `reference` instead.
   */
  idempotencyKey?: string;
}

/** A window of creation times, epoch milliseconds: `createdFrom` inclusive, `createdTo` exclusive. */
export interface ShipmentListFilter {
  createdFrom?: number;
  createdTo?: number;
}

/**
 * What the carrier answered for one tracking number of a batch. A number the carrier does not
 * know (or refused) is a failed result, never a failed batch.
 */
export type TrackingResult =
  | { trackingNumber: string; found: true; tracks: Track[] }
  | { trackingNumber: string; found: false; error: { kind: ErrorKind; reason: string; message: string } };

/** One webhook delivery exactly as received: the body must be the raw bytes, never re-serialised JSON. */
export interface WebhookDelivery {
  rawBody: Buffer | string;
  headers: WebhookHeaders;
  /** Epoch milliseconds, from the caller's clock, for the scheme's replay window. */
  now: number;
}

/**
 * What every carrier (Sendcloud, UPS, DHL, …) implements. Every member is required, so a connector
 * lacking a capability fails to compile. Failures are core's `IntegrationError`s.
 */
export interface LogisticsConnector {
  /** The provider's name in records and telemetry, e.g. `sendcloud`. */
  readonly provider: string;

  /**
   * Prices for the shipment, fetched from the carrier every time: never a hard-coded table. Hold
   * them in a `RateCache` (what the hub does) rather than calling this per page view.
   */
  quoteRates(request: RateRequest): Promise<Rate[]>;

  /**
   * Buys the label. Safe to retry: with the carrier's idempotency key where it has one, otherwise
   * by looking the shipment up by `reference` before creating again (core's `createOrFind`).
   * Across a customs border the declaration is validated before any call (`validateCustoms`).
   */
  createShipment(input: CreateShipmentInput & IdempotentOptions): Promise<Shipment>;

  /** Cancels or voids the label; a shipment the carrier already holds is refused as `conflict`. */
  cancelShipment(id: string, options?: IdempotentOptions): Promise<Shipment>;

  /** Reads one shipment by the carrier's id. */
  getShipment(id: string): Promise<Shipment>;

  /** The shipment an earlier create made under `reference`, or undefined: what a retried create checks first. */
  findShipmentByReference(reference: string): Promise<Shipment | undefined>;

  /**
   * Tracks a batch of numbers with one result per number, in the order asked. An unknown number is
   * a `found: false` result beside the others; only a failure of the whole call (the carrier down,
   * a bad key) rejects. An aborted `signal` stops the batch where it is (a read waiting for its
   * turn under the carrier's limits included) and rejects with the signal's reason.
   */
  track(trackingNumbers: readonly string[], options?: ReadOptions): Promise<TrackingResult[]>;

  /** Lists shipments created in the window, to the last page: stopping early is the caller's choice (break). */
  listShipments(filter?: ShipmentListFilter): AsyncIterable<Shipment>;

  /**
   * Verifies a webhook delivery and turns it into canonical events. Verification comes first and a
   * failure throws (`auth`, reason `webhook_signature_invalid`), which ingress answers with 400. A
   * carrier with no webhooks (DHL's tracking API) throws the same way for every delivery: nothing
   * unverified is ever read, and polling carries its tracking.
   */
  parseWebhook(delivery: WebhookDelivery): LogisticsEvent[];

  /**
   * The events in a body whose delivery was verified earlier (by `parseWebhook` or the hub's
   * ingress). Never call it on a body nobody verified. `eventId` is the id it was deduped on.
   */
  eventsFromVerifiedBody(rawBody: string, eventId: string): LogisticsEvent[];

  /**
   * For a carrier that pushes tracking only for numbers subscribed to, for a while: subscribes
   * numbers not subscribed yet. The hub's poller calls it when it starts following a number;
   * numbers refused are polled all the same.
   */
  watch?(trackingNumbers: readonly string[]): Promise<WatchOutcome>;

  /** Stops keeping a number subscribed (it is final, or no longer followed); the subscription lapses. */
  unwatch?(trackingNumber: string): void;

  /** Subscribes again the numbers whose subscriptions lapse soon; cheap when none do, so it may be called often. */
  renewWatches?(): Promise<WatchOutcome>;
}
