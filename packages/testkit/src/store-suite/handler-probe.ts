import type { Clock, EventHandler, EventOutcome, StoredEvent } from '@interlock/core';

/** What the probe's handler answers for one delivery; `hold` waits until the test releases it. */
export type ProbeDecision = EventOutcome | 'hold';

/** Decides one delivery; `delivery` counts this event's deliveries to this probe, from 1. */
export type ProbeDecide = (event: StoredEvent, delivery: number) => ProbeDecision;

/**
 * A handler that records every delivery (what, when, how many at once) and answers as told,
 * holding deliveries open on request so a check can look at the queue mid-flight.
 */
export class HandlerProbe {
  readonly deliveries: StoredEvent[] = [];
  /** Clock time of each delivery's start, for rate checks. */
  readonly starts: number[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private readonly held: ((outcome: EventOutcome) => void)[] = [];
  private readonly perEvent = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly decide: ProbeDecide = () => ({ status: 'applied' }),
  ) {}

  /** The handler to pass to `consume`. */
  readonly handler: EventHandler = async (event) => {
    this.deliveries.push(event);
    this.starts.push(this.clock.now());
    const delivery = (this.perEvent.get(event.id) ?? 0) + 1;
    this.perEvent.set(event.id, delivery);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const decision = this.decide(event, delivery);
      return decision === 'hold' ? await new Promise<EventOutcome>((resolve) => this.held.push(resolve)) : decision;
    } finally {
      this.inFlight--;
    }
  };

  /** Deliveries currently held open. */
  get holding(): number {
    return this.held.length;
  }

  /** Lets every held delivery finish with `outcome`. */
  release(outcome: EventOutcome = { status: 'applied' }): void {
    for (const resolve of this.held.splice(0)) resolve(outcome);
  }

  /** How many times the event with our id `id` was delivered. */
  deliveriesOf(id: string): number {
    return this.perEvent.get(id) ?? 0;
  }

  /** Distinct events delivered. */
  get distinct(): number {
    return this.perEvent.size;
  }
}
