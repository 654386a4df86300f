/** What the bench tells one client process: where the provider is, which store, how much load. */
export interface ClientSettings {
  url: string;
  /** Interlock's client, or a baseline library pacing the same transport as its docs suggest. */
  limiter: 'interlock' | 'p-queue' | 'bottleneck';
  /** Where interlock keeps the limits (bottleneck clusters through Redis whatever this says). */
  store: 'redis' | 'memory';
  /** Redis key prefix shared by the processes of one run. */
  prefix: string;
  callers: number;
  callsEach: number;
  limit: number;
  windowMs: number;
  oneWayBaseMs: number;
  oneWayJitterMs: number;
  seed: number;
}

export type FromClient = { type: 'ready' } | { type: 'done'; succeeded: number; failures: Record<string, number> };
export type ToClient = { type: 'go' };

export function isMessage<T extends { type: string }>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
