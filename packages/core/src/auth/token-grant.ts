/** An access token as the token endpoint issued it. */
export interface TokenGrant {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string | undefined;
  tokenType?: string;
}

/** Obtains a new grant from the provider's token endpoint. */
export type TokenFetcher = (signal?: AbortSignal) => Promise<TokenGrant>;
