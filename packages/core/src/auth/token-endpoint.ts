import type { Clock } from '../clock/clock.js';
import { classifyNetworkError } from '../errors/classify-network.js';
import { classifyStatus } from '../errors/classify-status.js';
import { IntegrationError } from '../errors/integration-error.js';
import { oauth2ErrorKind } from './oauth2-error-codes.js';
import type { TokenGrant } from './token-grant.js';

/** The endpoint name token errors carry. */
export const TOKEN_ENDPOINT = 'oauth2.token';

const DEFAULT_EXPIRES_IN_S = 3600;

/** Where and how to reach a token endpoint. */
export interface TokenEndpoint {
  provider: string;
  tokenUrl: string;
  clock: Clock;
  fetch?: typeof fetch | undefined;
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function stringField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// Some providers send expires_in as a string; a missing or unreadable one gets the common default.
function expiresInSeconds(body: unknown): number {
  const value = Number(field(body, 'expires_in') ?? Number.NaN);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_EXPIRES_IN_S;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkFailure(endpoint: TokenEndpoint, error: unknown): unknown {
  const network = classifyNetworkError(error);
  if (!network) return error;
  const cause = error instanceof Error ? error : undefined;
  return new IntegrationError(
    network.kind,
    `${endpoint.provider}: token request failed (${network.code})`,
    {
      provider: endpoint.provider,
      endpoint: TOKEN_ENDPOINT,
      reason: network.code,
      requestMayHaveReachedProvider: network.requestMayHaveReachedProvider,
    },
    { name: cause?.name ?? 'Error', message: cause?.message ?? '', code: network.code },
  );
}

// Only the status and the RFC error code are reported: error_description is provider text
// and some servers echo the submitted credential in it.
function refusal(endpoint: TokenEndpoint, status: number, body: unknown): IntegrationError {
  const code = stringField(body, 'error');
  const codeKind = code === undefined ? undefined : oauth2ErrorKind(code);
  const kind = codeKind ?? classifyStatus(status) ?? 'unavailable';
  return new IntegrationError(
    kind,
    `${endpoint.provider}: token endpoint answered ${status}${code === undefined ? '' : ` (${code})`}`,
    {
      provider: endpoint.provider,
      endpoint: TOKEN_ENDPOINT,
      reason: codeKind ? `provider_code_${code}` : `http_${status}`,
      status,
      providerCode: code,
    },
  );
}

function toGrant(endpoint: TokenEndpoint, status: number, body: unknown): TokenGrant {
  const accessToken = stringField(body, 'access_token');
  if (accessToken === undefined) {
    throw new IntegrationError('contract_violation', `${endpoint.provider}: token response has no access_token`, {
      provider: endpoint.provider,
      endpoint: TOKEN_ENDPOINT,
      reason: 'missing_access_token',
      status,
    });
  }
  const grant: TokenGrant = {
    accessToken,
    expiresAt: endpoint.clock.now() + expiresInSeconds(body) * 1000,
    refreshToken: stringField(body, 'refresh_token'),
  };
  const tokenType = stringField(body, 'token_type');
  if (tokenType !== undefined) grant.tokenType = tokenType;
  return grant;
}

/**
 * POSTs a form to the token endpoint (RFC 6749 §4) and reads the grant. Failures become
 * IntegrationErrors whose messages carry neither the credentials sent nor tokens received.
 */
export async function requestToken(
  endpoint: TokenEndpoint,
  form: URLSearchParams,
  headers: Headers,
  signal?: AbortSignal,
): Promise<TokenGrant> {
  headers.set('Accept', 'application/json');
  headers.set('Content-Type', 'application/x-www-form-urlencoded');
  const doFetch = endpoint.fetch ?? fetch;
  let status: number;
  let text: string;
  try {
    const response = await doFetch(endpoint.tokenUrl, { method: 'POST', headers, body: form.toString(), signal: signal ?? null });
    status = response.status;
    text = await response.text();
  } catch (error) {
    throw signal?.aborted ? error : networkFailure(endpoint, error);
  }
  const body = parseJson(text);
  if (status < 200 || status > 299) throw refusal(endpoint, status, body);
  return toGrant(endpoint, status, body);
}
