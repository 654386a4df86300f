import { openEnum } from '@interlock/core';

/**
 * Razorpay's enums, never assumed closed: an unlisted value parses as `{ known: false, raw }` and
 * is reported (`enum.unknown_value`) by the client's parse. Values from the v1 API docs and
 * razorpay-openapi.unofficial-v2-stage.json.
 */
export const PAYMENT_STATUS = openEnum('razorpay.payment_status', ['created', 'authorized', 'captured', 'refunded', 'failed']);

export const ORDER_STATUS = openEnum('razorpay.order_status', ['created', 'attempted', 'paid']);

/** A payment's `refund_status`; `null` (no refund yet) is not a value of the enum. */
export const PAYMENT_REFUND_STATUS = openEnum('razorpay.payment_refund_status', ['partial', 'full']);

export const REFUND_STATUS = openEnum('razorpay.refund_status', ['pending', 'processed', 'failed']);

export const SETTLEMENT_STATUS = openEnum('razorpay.settlement_status', ['created', 'processed', 'failed']);

/** What a line of the combined recon report settles. */
export const RECON_TYPE = openEnum('razorpay.recon_type', ['payment', 'refund', 'transfer', 'adjustment']);
