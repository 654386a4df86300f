import { defineFieldMapping } from '@interlock/core';

/** Acme's field names, declared once; transforms read and write through these only. */
export const PAYMENT_FIELDS = defineFieldMapping({
  provider: 'acme',
  inbound: {
    id: 'id',
    amountMinor: 'amount',
    currency: 'currency',
    status: 'status',
    customerName: 'customer.name',
    createdAt: 'created',
  },
  outbound: {
    amountMinor: 'amount',
    currency: 'currency',
    customerName: 'customer.name',
    reference: 'metadata.reference',
  },
});
