import ky from 'ky';

/** What the client sends, after auth has been applied. */
export interface TransportRequest {
  method: string;
  url: URL;
  headers: Headers;
  body?: string | undefined;
  signal: AbortSignal;
}

/** What comes back: the body is read fully inside the attempt's timeout. */
export interface TransportResponse {
  status: number;
  headers: Headers;
  bodyText: string;
}

/** The HTTP step of the pipeline. Swappable so the policy pipeline can be measured without I/O. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * The default transport, on ky. ky's own retry, timeout and error throwing are off: those
 * decisions belong to core's policies, which see every attempt.
 */
export function kyTransport(fetchImpl: typeof fetch = fetch): Transport {
  return async (request) => {
    const response = await ky(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: request.signal,
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      fetch: fetchImpl,
    });
    return { status: response.status, headers: response.headers, bodyText: await response.text() };
  };
}
