// A separate process for the crash tests: it opens the store on the file named in argv, does
// one job, reports on stdout (synchronous for pipes on Linux, so a printed line was acknowledged
// first) and then waits to be killed with SIGKILL.
import { openSqliteStore } from '../../src/index.js';

const [path, mode, argument] = process.argv.slice(2);
if (!path || !mode) throw new Error('usage: crash-child <db path> <claim|accept-stream> [lease ms]');
const store = openSqliteStore({ path, idlePollMs: 10 });
const say = (message: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(message)}\n`);

if (mode === 'claim') {
  // Takes one event and never finishes it, as a worker that hangs and is then killed.
  store.events.consume(
    (event) => {
      say({ claimed: event.id, attempts: event.attempts });
      return new Promise(() => undefined);
    },
    { leaseMs: Number(argument), workerId: 'crash-child' },
  );
} else if (mode === 'accept-stream') {
  // Accepts batches for as long as it lives, printing each id once its accept resolved.
  let sequence = 0;
  const batch = async (): Promise<void> => {
    const events = Array.from({ length: 64 }, () => {
      sequence++;
      return { id: `child-${sequence}`, provider: 'acme', eventId: `evt_child_${sequence}`, type: 'payment.updated', receivedAt: Date.now(), payload: `{"n":${sequence},"name":"Müller GmbH"}` };
    });
    await Promise.all(
      events.map(async (event) => {
        const answer = await store.events.accept(event);
        say({ acknowledged: event.id, answer });
      }),
    );
    setImmediate(() => void batch());
  };
  void batch();
} else {
  throw new Error(`unknown mode ${mode}`);
}
say({ ready: true });
setInterval(() => undefined, 60_000);
