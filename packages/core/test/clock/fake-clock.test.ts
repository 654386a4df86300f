import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/index.js';
import { FakeClock, FaultServer } from '../../src/testing.js';

describe('FakeClock', () => {
  it('fires timers in order when advanced, and not before', async () => {
    const clock = new FakeClock({ start: 0 });
    const fired: string[] = [];
    void clock.sleep(300).then(() => fired.push('300'));
    void clock.sleep(100).then(() => fired.push('100'));
    await clock.advance(99);
    expect(fired).toEqual([]);
    await clock.advance(1);
    expect(fired).toEqual(['100']);
    await clock.advance(1_000);
    expect(fired).toEqual(['100', '300']);
    expect(clock.now()).toBe(1_100);
  });

  it('runs chained sleeps inside one advance', async () => {
    const clock = new FakeClock({ start: 0 });
    let done = false;
    void (async () => {
      await clock.sleep(10);
      await clock.sleep(10);
      done = true;
    })();
    await clock.advance(20);
    expect(done).toBe(true);
  });

  it('rejects a sleep when its signal aborts, before or during', async () => {
    const clock = new FakeClock();
    const aborted = new AbortController();
    aborted.abort(new Error('already'));
    await expect(clock.sleep(10, aborted.signal)).rejects.toThrow('already');
    const later = new AbortController();
    const pending = clock.sleep(10_000, later.signal);
    later.abort(new Error('later'));
    await expect(pending).rejects.toThrow('later');
    expect(clock.pendingTimers).toBe(0);
  });

  it('auto-advances only when nothing real is in flight', async () => {
    const clock = new FakeClock({ start: 0, autoAdvance: true });
    const hold = clock.hold();
    let woke = false;
    void clock.sleep(60_000).then(() => (woke = true));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(woke).toBe(false);
    clock.release(hold);
    // The advance runs in the check phase queued by release; an immediate queued after it runs later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(woke).toBe(true);
    expect(clock.now()).toBe(60_000);
  });

  it('lets a server sharing the clock wait in virtual time while a tracked request is held', async () => {
    const clock = new FakeClock({ start: 0, autoAdvance: true });
    const server = await FaultServer.start(clock);
    try {
      server.route('GET', '/slow', () => ({ status: 200, body: { ok: true }, delayMs: 120_000 }));
      const response = await clock.trackFetch()(`${server.url}/slow`);
      expect(await response.json()).toEqual({ ok: true });
      expect(clock.now()).toBe(120_000);
    } finally {
      await server.close();
    }
  });
});

describe('FakeClock.trackFetch and response bodies', () => {
  it('keeps time still until the whole body has arrived, not only the headers', async () => {
    const clock = new FakeClock({ start: 0, autoAdvance: true });
    let woke = false;
    void clock.sleep(30_000).then(() => (woke = true));
    // Headers at once, the body a few event-loop turns later, like a large page still streaming.
    const slowBody = async (): Promise<Response> => {
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
          controller.enqueue(new TextEncoder().encode('{"page":2}'));
          controller.close();
        },
      });
      return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const response = await clock.trackFetch(slowBody)('http://127.0.0.1/never-called');
    expect(await response.json()).toEqual({ page: 2 });
    expect(woke).toBe(false);
    expect(clock.now()).toBe(0);
    expect((await clock.trackFetch(async () => new Response(null, { status: 204 }))('http://127.0.0.1/empty')).status).toBe(204);
  });
});

describe('systemClock', () => {
  it('reads real time and sleeps abortably', async () => {
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(50);
    await systemClock.sleep(0);
    const controller = new AbortController();
    const pending = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    const aborted = new AbortController();
    aborted.abort();
    await expect(systemClock.sleep(1, aborted.signal)).rejects.toThrow();
  });
});

describe('Clock.setTimer', () => {
  it('fires on the fake clock unless cancelled first', async () => {
    const clock = new FakeClock({ start: 0 });
    const fired: string[] = [];
    clock.setTimer(100, () => fired.push('kept'));
    const cancel = clock.setTimer(50, () => fired.push('cancelled'));
    cancel();
    cancel();
    await clock.advance(100);
    expect(fired).toEqual(['kept']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires on the system clock unless cancelled first', async () => {
    const fired: string[] = [];
    const done = new Promise<void>((resolve) => systemClock.setTimer(0, resolve));
    systemClock.setTimer(0, () => fired.push('cancelled'))();
    await done;
    expect(fired).toEqual([]);
  });
});
