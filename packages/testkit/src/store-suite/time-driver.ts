import type { Clock } from '@interlock/core';
import type { FakeClock } from '@interlock/core/testing';

/** How time passes for a check: a fake clock is stepped by the suite, a real one is waited on. */
export interface TimeDriver {
  /** True when the engine runs on a FakeClock, so timings can be asserted exactly. */
  readonly fake: boolean;
  now(): number;
  /** Lets `ms` of the queue's time go by in fake steps of `stepMs` (default 50), giving real I/O a chance to run along the way. */
  pass(ms: number, stepMs?: number): Promise<void>;
  /** Retries `check` while time goes by, until it stops throwing; rethrows its last error after `withinMs`. */
  eventually(check: () => void | Promise<void>, options?: EventuallyOptions): Promise<void>;
  /** Waits for `promise` while time goes by (a consumer's stop may be waiting on the clock). */
  settle<T>(promise: Promise<T>, withinMs?: number): Promise<T>;
}

/** Limits of {@link TimeDriver.eventually}. */
export interface EventuallyOptions {
  /**
   * Queue time allowed before giving up, default 10 s: fake time on a FakeClock (however much real
   * time its steps take; the test's timeout bounds a check that hangs), real time otherwise.
   */
  withinMs?: number;
  /** Fake time moved between tries. Default 50 ms. */
  stepMs?: number;
}

const REAL_POLL_MS = 5;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isFakeClock(clock: FakeClock | Clock): clock is FakeClock {
  return typeof (clock as Partial<FakeClock>).advance === 'function';
}

/** A driver for the harness's clock. */
export function timeDriver(clock: FakeClock | Clock): TimeDriver {
  const fake = isFakeClock(clock);
  // A fake step also yields a real millisecond: engines on a network (PostgreSQL, Redis) need it.
  const step = async (ms: number): Promise<void> => {
    if (isFakeClock(clock)) {
      await clock.advance(ms);
      await realSleep(1);
    } else {
      await realSleep(ms);
    }
  };

  const driver: TimeDriver = {
    fake,
    now: () => clock.now(),
    async pass(ms, stepMs = 50) {
      if (!fake) return realSleep(ms);
      const until = clock.now() + ms;
      while (clock.now() < until) await step(Math.min(stepMs, until - clock.now()));
    },
    async eventually(check, options = {}) {
      const withinMs = options.withinMs ?? 10_000;
      const stepMs = fake ? (options.stepMs ?? 50) : REAL_POLL_MS;
      const end = clock.now() + withinMs;
      for (;;) {
        try {
          await check();
          return;
        } catch (error) {
          if (clock.now() >= end) throw error;
        }
        await step(stepMs);
      }
    },
    async settle(promise, withinMs = 10_000) {
      let settled = false;
      const watched = promise.finally(() => {
        settled = true;
      });
      // A rejection is reported by the await below, not as an unhandled one if the wait gives up first.
      watched.catch(() => undefined);
      await driver.eventually(() => {
        if (!settled) throw new Error(`still waiting after ${withinMs} ms of queue time`);
      }, { withinMs });
      return watched;
    },
  };
  return driver;
}
