import type { FakeClock } from '@interlock/core/testing';
import type { Hub } from '@interlock/hub';
import { OUTAGE_RULE, TRANSIENT_RULE_PREFIX, transientFaultScenario } from '@interlock/payments/testing';
import { measureFaults, type FaultMeasurement } from './fault-measurement.js';
import type { FinalStates } from './hub-tally.js';
import { startHubStage, type HubProvider, type HubStage } from './hub-stage.js';
import { ProviderWebhooks, replayOldDeliveries, type WebhookSource } from './provider-webhooks.js';

/** Captured deliveries sent again once older than the replay window, and what the hub did with them. */
export interface OldDeliveries {
  sent: number;
  /** The status the hub answered each. */
  statuses: readonly number[];
  /** Events the hub's queue gained meanwhile. */
  storedMeanwhile: number;
}

const IDLE_MS = 2_000;
/** Nearly a third of first deliveries fails, so that at every provider the hub's poller settles a good number of records first; the provider sends them again half an hour later. */
const FAILED_FIRST_SHARE = 0.3;
const RETRY_AFTER_MS = 30 * 60_000;
const OLD_DELIVERIES = 5;
/** Long enough for every record to settle by polling alone; a run that needs more is a failure. */
const SETTLE_WITHIN_MS = 12 * 3_600_000;

/** Every event the hub's queue holds, whatever its status. */
async function storedEvents(hub: Hub): Promise<number> {
  return Object.values(await hub.queue.counts()).reduce((sum, count) => sum + count, 0);
}

/**
 * What every run through the hub shares: the hub on its stage, the provider's webhook sender
 * pointed at the hub's ingress, the fault scenario (a share of transient faults and a ten-minute
 * outage), and the measurements taken after: faults from the simulator's record, drift from the
 * connector's telemetry, and captured deliveries replayed once old.
 */
export class HubRun<C> {
  readonly webhooks: ProviderWebhooks;
  readonly startedAt: number;

  private constructor(
    readonly stage: HubStage<C>,
    private readonly provider: HubProvider<C>,
    private readonly simulation: WebhookSource,
    private readonly url: string,
    private readonly send: typeof fetch,
    seed: number,
  ) {
    const { clock } = stage;
    this.startedAt = clock.now();
    this.webhooks = new ProviderWebhooks({ simulation, url, clock, fetch: send, failedFirstShare: FAILED_FIRST_SHARE, retryAfterMs: RETRY_AFTER_MS, keepSigned: OLD_DELIVERIES, seed });
  }

  /** Starts the hub for `provider` and sets the simulator's fault scenario. */
  static async start<C>(provider: HubProvider<C>, simulation: WebhookSource, clock: FakeClock, options: { transientShare: number; seed: number }): Promise<HubRun<C>> {
    const stage = await startHubStage(provider, clock);
    simulation.simulator.setScenario(transientFaultScenario(options.transientShare));
    return new HubRun(stage, provider, simulation, `${stage.hub.url}/webhooks/${provider.descriptor.id}`, clock.trackFetch(), options.seed);
  }

  get hub(): Hub {
    return this.stage.hub;
  }

  get connector(): C {
    return this.stage.connector;
  }

  /** Sends webhook rounds until `stopped()` says so: the provider's side of the run. */
  async sendWebhooksUntil(stopped: () => boolean): Promise<void> {
    while (!stopped()) if (!(await this.webhooks.sendRound())) await this.stage.clock.sleep(IDLE_MS);
  }

  /** Waits (virtual time) until no webhook is held back and every record is final; false when that never came. */
  async settled(final: FinalStates): Promise<boolean> {
    const { clock } = this.stage;
    const deadline = clock.now() + SETTLE_WITHIN_MS;
    for (;;) {
      if (this.webhooks.pending === 0 && (await final.reached())) return true;
      if (clock.now() >= deadline) return false;
      await clock.sleep(IDLE_MS);
    }
  }

  /** Once the kept deliveries are older than the provider's replay window, sends each again as it was signed. */
  async replayOldDeliveries(): Promise<OldDeliveries> {
    await this.stage.clock.sleep((this.provider.descriptor.webhooks.replayWindowMs ?? 0) + 60_000);
    const before = await storedEvents(this.hub);
    const statuses = await replayOldDeliveries(this.url, this.webhooks.signed, this.send);
    return { sent: this.webhooks.signed.length, statuses, storedMeanwhile: (await storedEvents(this.hub)) - before };
  }

  faults(): FaultMeasurement {
    const { simulator } = this.simulation;
    return measureFaults(simulator.requests.length, simulator.injections, { outage: OUTAGE_RULE, transientPrefix: TRANSIENT_RULE_PREFIX });
  }

  /** Contract drift the hub's connector reported, one line per difference. */
  drift(): string[] {
    return this.stage.telemetry.ofType('contract.drift').flatMap((event) => event.drift);
  }

  /** Provider enum values no mapping knew, as `enum: raw`. */
  unknownValues(): string[] {
    return this.stage.telemetry.ofType('enum.unknown_value').map((event) => `${event.enum}: ${event.raw}`);
  }

  close(): Promise<void> {
    return this.stage.close();
  }
}
