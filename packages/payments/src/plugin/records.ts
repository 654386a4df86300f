/** The record type canonical payments are stored under. */
export const PAYMENT_RECORD_TYPE = 'payment';
/** The record type of the money each applied payment change moved (see `paymentsInterpreter`). */
export const PAYMENT_MOVEMENT_RECORD_TYPE = 'payment_movement';
