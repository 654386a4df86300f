import type { z } from 'zod';
import { parseContract, type Contract } from '../contracts/index.js';
import type { EndpointConfig } from './endpoint.js';
import type { CallOptions, ProviderClient, ProviderResponse } from './provider-client.js';

/** An endpoint declared with the contract its answer must meet. */
export interface ContractEndpoint<S extends z.ZodTypeAny = z.ZodTypeAny> extends EndpointConfig {
  response: Contract<S>;
}

/** A connector's endpoints by name, each with its response contract. */
export type ContractEndpoints = Readonly<Record<string, ContractEndpoint>>;

/** What an endpoint's contract parses its answer into. */
export type EndpointOutput<M extends ContractEndpoints, K extends keyof M> = z.output<M[K]['response']['schema']>;

/**
 * A provider client whose calls are paired with their contracts by the compiler: `call('getOrder')`
 * parses with the contract `getOrder` declares and returns its type, so no call site can forget
 * the parse or pick another endpoint's contract.
 */
export interface EndpointApi<M extends ContractEndpoints> {
  readonly client: ProviderClient<keyof M & string>;
  /** Calls the endpoint and returns its answer parsed by the endpoint's contract. */
  call<K extends keyof M & string>(endpoint: K, options?: CallOptions): Promise<EndpointOutput<M, K>>;
  /** Like `call`, with the whole response (headers, attempts) beside the parsed value. */
  respond<K extends keyof M & string>(endpoint: K, options?: CallOptions): Promise<{ response: ProviderResponse; value: EndpointOutput<M, K> }>;
  /** Parses a body already in hand (a page) with the endpoint's contract. */
  parse<K extends keyof M & string>(endpoint: K, body: unknown): EndpointOutput<M, K>;
  /**
   * Parses what is no endpoint's answer (a webhook body, an event's object) with its own contract,
   * reporting drift and unknown values through this client, labelled with where it came from.
   */
  parseObject<S extends z.ZodTypeAny>(contract: Contract<S>, body: unknown, source: string): z.output<S>;
}

/** Pairs a client with the endpoints it was made from (the same map it was given as `endpoints`). */
export function endpointApi<M extends ContractEndpoints>(client: ProviderClient<keyof M & string>, endpoints: M): EndpointApi<M> {
  const parse = <K extends keyof M & string>(endpoint: K, body: unknown): EndpointOutput<M, K> => {
    const declared = endpoints[endpoint];
    // Reachable only from untyped callers.
    if (declared === undefined) throw new TypeError(`Unknown endpoint "${endpoint}" for ${client.provider}`);
    return client.parse(declared.response, body, endpoint).value as EndpointOutput<M, K>;
  };
  const respond = async <K extends keyof M & string>(endpoint: K, options?: CallOptions) => {
    const response = await client.request(endpoint, options);
    return { response, value: parse(endpoint, response.body) };
  };
  return {
    client,
    parse,
    parseObject: (contract, body, source) =>
      parseContract(contract, body, { emit: client.emit, tracker: client.unknownValues, driftCounter: client.drift, endpoint: source, clock: client.clock }).value,
    respond,
    call: async (endpoint, options) => (await respond(endpoint, options)).value,
  };
}
