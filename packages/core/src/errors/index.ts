export { ERROR_KINDS, isErrorKind, isRetryableKind, type ErrorKind } from './kinds.js';
export {
  IntegrationError,
  integrationErrorFromJSON,
  isIntegrationError,
  type ErrorCauseSummary,
  type IntegrationErrorContext,
} from './integration-error.js';
export { classifyStatus } from './classify-status.js';
export { classifyNetworkError, type NetworkClassification } from './classify-network.js';
export {
  classifyResponse,
  type ProviderErrorDetail,
  type ProviderErrorTable,
  type ResponseClassification,
} from './error-table.js';
export { OPERATION_UNSUPPORTED, unsupportedList, unsupportedOperation } from './unsupported-operation.js';
