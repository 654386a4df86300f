/** The provider name as it appears in records, errors and telemetry. */
export const STRIPE_PROVIDER = 'stripe';

/**
 * The Stripe API version every request pins with `Stripe-Version`. It is the version of the spec
 * the wire contracts were written from (stripe/openapi spec3 @ 63a674638635, info.version), so a
 * change of account default on Stripe's side cannot change the shapes this connector reads.
 */
export const STRIPE_API_VERSION = '2023-08-16';

/** Stripe's production API; sandbox keys (`sk_test_…`) use the same host. */
export const STRIPE_API_BASE_URL = 'https://api.stripe.com';
