import { IntegrationError, sortableId, type EventQueue, type IntegrityStore } from '@interlock/core';

/** `real` with some of its members replaced; every other method still runs on `real` itself (private fields included). */
function overriding<T extends object>(real: T, replace: (property: string | symbol) => unknown): T {
  return new Proxy(real, {
    get(target, property) {
      const replaced = replace(property);
      if (replaced !== undefined) return replaced;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A fetch that gives every attempt a fresh idempotency key, as connectors that make the key per
 * attempt do: whatever header names an idempotency key gets a new value on each request.
 */
export function freshKeyPerAttempt(real: typeof fetch): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    for (const [name] of request.headers) {
      if (/idempotency/i.test(name)) request.headers.set(name, `fresh-${sortableId()}`);
    }
    return real(request);
  };
}

/** What a refused call gives back, in both shapes a connector's methods answer in: a promise and an async iterable. */
function refused(refusal: () => Error): PromiseLike<never> & AsyncIterable<never> {
  return {
    then: (onFulfilled, onRejected) => Promise.reject(refusal()).then(onFulfilled, onRejected),
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(refusal()) }),
  };
}

/**
 * A connector that refuses every call before sending it, with the refusal a connector waiting on
 * its limits gives: nothing it sends can exceed a limit, since it sends nothing.
 */
export function refusingEveryCall<C extends object>(real: C, provider: string): C {
  return overriding(real, (property) => {
    if (typeof Reflect.get(real, property) !== 'function') return undefined;
    const refusal = (): Error =>
      new IntegrationError('rate_limited', `${provider} refused the call before sending it`, {
        provider,
        endpoint: String(property),
        reason: 'rate_limit_wait_exceeds_budget',
        requestMayHaveReachedProvider: false,
      });
    return () => refused(refusal);
  });
}

/** An event queue that forgets dedupe: a repeated delivery is stored as another event and reported accepted. */
export function withoutDedupe(real: EventQueue): EventQueue {
  let copies = 0;
  const accept: EventQueue['accept'] = async (event) => {
    const answer = await real.accept(event);
    // The engine still keys on (provider, event id); without dedupe the copy goes in under its own.
    return answer === 'duplicate' ? real.accept({ ...event, eventId: `${event.eventId}#copy-${++copies}` }) : answer;
  };
  return overriding(real, (property) => (property === 'accept' ? accept : undefined));
}

/** An integrity store whose applyEvent writes the record, its audit entry and the applied mark, but none of its effects (the movements). */
export function withoutEffects(real: IntegrityStore): IntegrityStore {
  const applyEvent: IntegrityStore['applyEvent'] = (application) => real.applyEvent({ ...application, effects: [] });
  return overriding(real, (property) => (property === 'applyEvent' ? applyEvent : undefined));
}
