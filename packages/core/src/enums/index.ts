export { isOpenEnumSchema, openEnum, type OpenEnum, type OpenEnumValue } from './open-enum.js';
export { statusMap, type MappedStatus, type StatusMap, type StatusTable } from './status-map.js';
export { UnknownValueTracker, type UnknownValueTrackerOptions } from './unknown-value-tracker.js';
