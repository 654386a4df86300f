import { openEnum } from '@interlock/core';

/*
 * Sendcloud speaks of a parcel's state in three vocabularies, and this connector keeps them apart:
 *
 * - The v3 shipment's parcel `status.code` (v3-shipments.openapi.yml, components.schemas.status):
 *   the codes its examples show. The full list lives behind GET /parcels/statuses, whose spec is
 *   not in the mirror, so only these are known.
 * - The consolidated `parent_status` of v2 tracking (v2-tracking.openapi.yml,
 *   DetailedTrackingBlobStatus): Sendcloud's one status for many carriers' messages. sendcloud.dev's
 *   "Tracking statuses" page names each one in words (Announced, At sorting centre, Delivered, ...)
 *   but the spec shows the wire spelling of only these four, so no other is written here.
 * - The numeric status `id` of a v2 parcel, the one webhooks carry (`parcel.status.id`,
 *   v2-webhooks.openapi.yml and v3-webhooks.openapi.yml). Only three ids have a documented meaning
 *   (v3-shipments.openapi.yml, POST /shipments/{id}/cancel: 1000 ready to send, 2000 cancelled,
 *   11 delivered). The examples' `{ id: 0 | 1, message: "Ready to send" }` are placeholders that
 *   contradict 1000 (../shared/providers/NOTES.md §2.5), so they are not listed. Ids are kept as
 *   their decimal text, so an unknown one is reported like any other open enum value.
 *
 * Anything else is kept raw and alerted on, never guessed.
 */

export const PARCEL_STATUS_CODE = openEnum('sendcloud.parcel_status_code', ['ANNOUNCING', 'READY_TO_SEND', 'ANNOUNCEMENT_FAILED', 'CANCELLED']);

export const PARENT_STATUS = openEnum('sendcloud.parent_status', ['announcing', 'ready-to-send', 'shipment-on-route', 'delivered']);

export const STATUS_ID = openEnum('sendcloud.status_id', ['11', '1000', '2000']);
