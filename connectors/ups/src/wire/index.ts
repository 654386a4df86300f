import { errorContract } from './error.js';
import { alertContract, subscriptionContract } from './event.js';
import { trackResponseContract } from './tracking.js';

export { errorContract, wireError, type WireError } from './error.js';
export { alertContract, subscriptionContract, wireAlert, wireSubscription, type WireAlert, type WireSubscription } from './event.js';
export { STATUS_TYPE } from './status.js';
export {
  trackResponseContract,
  wireActivity,
  wirePackage,
  wireTrackResponse,
  wireWeight,
  type WireActivity,
  type WirePackage,
  type WireTrackResponse,
  type WireWeight,
} from './tracking.js';

/** Every contract by the name recorded fixtures give it, so a fixture's body is checked as it loads. */
export const UPS_CONTRACTS = {
  track_response: trackResponseContract,
  track_alert: alertContract,
  subscription: subscriptionContract,
  error: errorContract,
} as const;
