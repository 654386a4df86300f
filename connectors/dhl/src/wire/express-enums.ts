import { openEnum } from '@interlock/core';

/**
 * Which currency a MyDHL price is in. The 2.7.0 spec types it as free text with `BILLC` in its
 * examples; DHL's guides name `BILLC` (billing), `PULCL` (published, local) and `BASEC` (base).
 */
export const CURRENCY_TYPE = openEnum('dhl.express.currency_type', ['BILLC', 'PULCL', 'BASEC']);

/** The unit system a MyDHL message declares its weights and dimensions in (kg and cm, or lb and in). */
export const UNIT_OF_MEASUREMENT = openEnum('dhl.express.unit_of_measurement', ['metric', 'imperial']);

/** The documents a created shipment carries (`imageOptions.typeCode` in the request). */
export const DOCUMENT_TYPE = openEnum('dhl.express.document_type', ['label', 'waybillDoc', 'invoice', 'receipt', 'qr-code']);
