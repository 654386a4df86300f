/**
 * Test credentials. They follow Stripe's shapes (`sk_test_…`, `whsec_…`) so redaction is tested
 * on realistic values, but are marked as fixtures and can never be live keys.
 */
export const TEST_API_KEY = 'sk_test_fixture_4eC39HqLyjWDarjtT1zdp7dcInterlock';
export const NEXT_API_KEY = 'sk_test_fixture_rolled_9Hq2LyjWDarjtT1zdp7dcXyZ';
export const WEBHOOK_SECRET = 'whsec_fixture_primary_5b7d0c1e9f2a4c8e';
export const OLD_WEBHOOK_SECRET = 'whsec_fixture_rolled_3a6f2b9d1c0e8a7b';
