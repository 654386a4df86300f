import { openEnum } from '@interlock/core';

/** The carrier's status codes, on shipments and on scans alike. Template value: the carrier's documented list. */
export const STATUS_CODE = openEnum('sendcloud.status_code', ['created', 'in_transit', 'out_for_delivery', 'delivery_failed', 'ready_for_pickup', 'exception', 'delivered', 'returned', 'cancelled']);
