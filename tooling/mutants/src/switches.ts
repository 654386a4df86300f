/**
 * The mutants made by substituting one function of core (a `vi.mock` of its source file): each
 * mock consults its switch on every call, so one test file can run the check on the real code and
 * on the mutant in turn.
 */
export const switches = {
  /** core's decideRetry retries a 400 (invalid request) as if it were transient. */
  retryA400: false,
  /** core's guardTransition applies an event older than the record. */
  applyStale: false,
  /** core's guardTransition applies a transition the state machine refuses. */
  applyBackward: false,
  /** core's createOrFind creates without ever looking for what an earlier attempt made. */
  createWithoutLookup: false,
  /** core's createOrFind forgets which keyed creates were begun: a repeat of one whose answer was lost creates without looking first. */
  forgetBegunCreates: false,
  /** core's isSafeToRetry calls every request safe to repeat, whatever its method and key. */
  retryUnsafe: false,
  /** core's RateLimiter grants every slot at once, counting nothing. */
  limiterNeverWaits: false,
  /** core's verifyWebhook accepts a signature that does not match. */
  acceptForged: false,
  /** core's outsideReplayWindow never finds a delivery too old. */
  noReplayWindow: false,
  /** core's parseContract keeps the drift it found to itself. */
  silentDrift: false,
  /** core's UnknownValueTracker forgets every sighting, so each one looks like the first. */
  forgetSightings: false,
  /** core's backoff without jitter: every caller waits the same delay after the same failure. */
  noJitter: false,
  /** core's CircuitBreaker lets every call through, open or not. */
  breakerAlwaysClosed: false,
  /** core's requestFingerprint ignores the body: a key reused for another payload looks like a repeat. */
  fingerprintWithoutBody: false,
  /** core's outcomeUnknown hands back the last failure as it was: a write that may have happened reads as failed. */
  forgetUncertainty: false,
  /** core's Redactor lets the secrets matching this through; undefined hides them all. */
  leak: undefined as ((secret: string) => boolean) | undefined,
};

export type Switches = typeof switches;

/** Runs `body` with the switches set as given, restoring them afterwards whatever happens. */
export async function withSwitches(set: Partial<Switches>, body: () => Promise<void>): Promise<void> {
  const before = { ...switches };
  Object.assign(switches, set);
  try {
    await body();
  } finally {
    Object.assign(switches, before);
  }
}
