export {
  createProviderClient,
  DEFAULT_IDEMPOTENCY_HEADER,
  DEFAULT_TIMEOUT_MS,
  type CallOptions,
  type Operation,
  type ProviderClient,
  type ProviderClientOptions,
  type ProviderResponse,
  type ResponseSource,
} from './provider-client.js';
export { buildPath, type EndpointConfig, type HttpMethod, type QueryValue } from './endpoint.js';
export { encodeForm } from './form-encoding.js';
export { kyTransport, type Transport, type TransportRequest, type TransportResponse } from './transport.js';
export { endpointApi, type ContractEndpoint, type ContractEndpoints, type EndpointApi, type EndpointOutput } from './endpoint-api.js';
