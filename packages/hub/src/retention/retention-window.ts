import { DEFAULT_REDELIVERY_WINDOW_MS, type ConnectorDescriptor } from '@interlock/core';

/** One configured provider's redelivery window, as its connector declares it. */
export interface ProviderRedelivery {
  provider: string;
  redeliveryWindowMs: number;
}

export function redeliveryOf(provider: string, descriptor: Pick<ConnectorDescriptor<unknown>, 'webhooks'>): ProviderRedelivery {
  return { provider, redeliveryWindowMs: descriptor.webhooks.redeliveryWindowMs ?? DEFAULT_REDELIVERY_WINDOW_MS };
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * How long the hub remembers events: the configured window, which must cover the longest
 * redelivery window of the configured providers (an event forgotten sooner would be taken for a
 * new one when the provider resends it). Without a configured window, that longest one.
 */
export function retentionWindowMs(keepHours: number | undefined, providers: readonly ProviderRedelivery[]): number {
  const longest = providers.reduce<ProviderRedelivery | undefined>((max, p) => (max && max.redeliveryWindowMs >= p.redeliveryWindowMs ? max : p), undefined);
  const needed = longest?.redeliveryWindowMs ?? DEFAULT_REDELIVERY_WINDOW_MS;
  if (keepHours === undefined) return needed;
  const configured = keepHours * HOUR_MS;
  if (longest && configured < needed) {
    throw new TypeError(
      `Invalid hub config: retention.keepHours (${keepHours}) is shorter than ${longest.provider}'s redelivery window (${needed / HOUR_MS} h): its late redeliveries would be taken for new events`,
    );
  }
  return configured;
}
