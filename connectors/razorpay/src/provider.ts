/** The provider's id, as records, errors and telemetry carry it. */
export const RAZORPAY_PROVIDER = 'razorpay';

export const RAZORPAY_BASE_URL = 'https://api.razorpay.com';

/** Razorpay's REST API has one version, `v1` in every path; each wire contract is written against it. */
export const RAZORPAY_API_VERSION = 'v1';
