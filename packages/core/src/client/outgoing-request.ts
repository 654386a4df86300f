import type { AttemptSignal } from './attempt-signal.js';
import { toHeaders, type HeaderRecord } from './prepare-request.js';
import type { TransportRequest } from './transport.js';

/**
 * One attempt's request as the transport sees it. The call keeps its URL as a string and its
 * headers as a plain record; the `URL`, the `Headers` and the signal are made only when the
 * transport reads them, since each costs more than the rest of an attempt's bookkeeping.
 */
export class OutgoingRequest implements TransportRequest {
  private builtUrl: URL | undefined;
  private builtHeaders: Headers | undefined;

  constructor(
    readonly method: string,
    private readonly href: string,
    private readonly headerRecord: HeaderRecord,
    readonly body: string | undefined,
    private readonly attemptSignal: AttemptSignal,
    /** Already made (auth wrote credentials onto them): sent as they are. */
    authorized?: { url: URL; headers: Headers },
  ) {
    this.builtUrl = authorized?.url;
    this.builtHeaders = authorized?.headers;
  }

  get url(): URL {
    this.builtUrl ??= new URL(this.href);
    return this.builtUrl;
  }

  get headers(): Headers {
    this.builtHeaders ??= toHeaders(this.headerRecord);
    return this.builtHeaders;
  }

  get signal(): AbortSignal {
    return this.attemptSignal.signal;
  }
}
