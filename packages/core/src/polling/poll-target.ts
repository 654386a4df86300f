/** A record's status as the provider reports it, with the provider's time of that status. */
export interface PolledState<S extends string> {
  status: S;
  /** Epoch ms of the provider's last change, compared by the stale guard. */
  updatedAt: number;
}

/** How a poller reads one kind of record (a payment, a shipment) and knows when it is final. */
export interface PollTarget<S extends string> {
  /** Reads the record's current status from the provider; the signal aborts when tracking stops. */
  read(recordId: string, signal?: AbortSignal): Promise<PolledState<S>>;
  /** True for statuses that will not change again (the domain machine's terminal states, usually). */
  isSettled(status: S): boolean;
}
