import { AuthObservers, type AuthObserverContext } from './auth-observers.js';
import type { Clock } from '../clock/clock.js';
import type { IntegrationError } from '../errors/integration-error.js';
import type { SecretSink } from '../redaction/redactor.js';
import { backoffDelay, resolveBackoffOptions, type BackoffOptions } from '../retry/backoff.js';
import type { Emit } from '../telemetry/telemetry.js';
import { classifyRefreshFailure, refreshFailedError } from './refresh-failure.js';
import type { TokenFetcher, TokenGrant } from './token-grant.js';
import { untilAborted } from '../clock/until-aborted.js';

/** Options for {@link OAuth2TokenManager}. */
export interface OAuth2TokenManagerOptions {
  provider: string;
  fetchToken: TokenFetcher;
  clock: Clock;
  /** Refresh once less than this remains of the token's life. Default 300 000 (5 minutes). */
  refreshBeforeMs?: number;
  /** Attempts per refresh, the first included, when failures are transient. Default 3; at least 1. */
  maxRefreshAttempts?: number;
  /** Wait between refresh attempts; the retry module's defaults when omitted. */
  backoff?: BackoffOptions;
  emit?: Emit;
  /** Receives every access and refresh token the manager is given. */
  secrets?: SecretSink;
  /** A grant obtained elsewhere (e.g. restored from storage), used until it is due for refresh. */
  initial?: TokenGrant;
}

type RefreshResult = { ok: true; grant: TokenGrant } | { ok: false; error: IntegrationError; transient: boolean };

/**
 * Keeps one OAuth2 access token fresh for a provider. Tokens are refreshed shortly before they
 * expire, one refresh at a time, with transient failures retried and refusals surfaced as
 * errors that say re-authentication is required.
 */
export class OAuth2TokenManager {
  private readonly provider: string;
  private readonly fetchToken: TokenFetcher;
  private readonly clock: Clock;
  private readonly refreshBeforeMs: number;
  private readonly maxRefreshAttempts: number;
  private readonly backoff: Required<BackoffOptions>;
  private readonly observers: AuthObservers;
  private grant: TokenGrant | undefined;
  private refreshing: Promise<RefreshResult> | undefined;

  constructor(options: OAuth2TokenManagerOptions) {
    this.provider = options.provider;
    this.fetchToken = options.fetchToken;
    this.clock = options.clock;
    this.refreshBeforeMs = options.refreshBeforeMs ?? 300_000;
    this.maxRefreshAttempts = Math.max(1, options.maxRefreshAttempts ?? 3);
    // Resolved now so that bad options fail at construction, not during the first outage.
    this.backoff = resolveBackoffOptions(options.backoff);
    this.observers = new AuthObservers(options.emit, options.secrets);
    if (options.initial) this.accept(options.initial);
  }

  /** Reports to a client's telemetry and redactor too (the client calls this for the manager it is given). */
  attach(context: AuthObserverContext): void {
    this.observers.attach(context);
  }

  /** When the held token expires (epoch ms), or undefined when none is held. */
  get expiresAt(): number | undefined {
    return this.grant?.expiresAt;
  }

  /**
   * A token valid for more than `refreshBeforeMs`; refreshes when less remains. Only one
   * refresh runs at a time: concurrent callers await the same one. If a refresh started early
   * fails transiently, the old token is returned while it is still valid. An aborted `signal`
   * stops this caller's wait, not the shared refresh, whose token the next call will use.
   */
  async getToken(signal?: AbortSignal): Promise<string> {
    signal?.throwIfAborted();
    const held = this.grant;
    if (held && held.expiresAt - this.clock.now() > this.refreshBeforeMs) return held.accessToken;
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    const result = await untilAborted(this.refreshing, signal);
    if (result.ok) return result.grant.accessToken;
    const stillValid = held !== undefined && this.grant === held && held.expiresAt > this.clock.now();
    if (result.transient && stillValid) return held.accessToken;
    throw result.error;
  }

  /**
   * The provider refused `token` (401): forget it so the next getToken refreshes. Only that
   * token is dropped, so a report that arrives after a refresh keeps the newer token.
   */
  invalidate(token: string): void {
    if (this.grant?.accessToken === token) this.grant = undefined;
  }

  private accept(grant: TokenGrant): void {
    this.observers.addSecret(grant.accessToken);
    if (grant.refreshToken !== undefined) this.observers.addSecret(grant.refreshToken);
    this.grant = grant;
  }

  private async refresh(): Promise<RefreshResult> {
    let previousDelayMs: number | undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        // The refresh is shared, so no single caller's signal may cancel it.
        const grant = await this.fetchToken();
        this.accept(grant);
        this.observers.emit({
          type: 'auth.token_refreshed',
          at: this.clock.now(),
          provider: this.provider,
          expiresAt: grant.expiresAt,
          attempts: attempt,
        });
        return { ok: true, grant };
      } catch (error) {
        const failure = classifyRefreshFailure(error);
        if (failure.type !== 'transient' || attempt >= this.maxRefreshAttempts) {
          const surfaced = refreshFailedError(this.provider, failure, attempt, error);
          this.observers.emit({
            type: 'auth.token_refresh_failed',
            at: this.clock.now(),
            provider: this.provider,
            errorKind: failure.kind,
            reason: surfaced.reason,
          });
          return { ok: false, error: surfaced, transient: failure.type === 'transient' };
        }
        previousDelayMs = backoffDelay(attempt, this.backoff, previousDelayMs);
        await this.clock.sleep(previousDelayMs);
      }
    }
  }
}
