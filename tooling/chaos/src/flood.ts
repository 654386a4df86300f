import { Agent, request } from 'node:http';
import { seededRandom, type WebhookEvent } from '@interlock/testkit';
import type { HubProcess } from './hub-process.js';
import type { ChaosProvider } from './provider.js';

/** How one round of deliveries went. */
export interface FloodResult {
  /** HTTP requests made, first tries and tries again after a kill. */
  attempts: number;
  /** Requests that died with the hub (reset or refused): each was sent again to the next life. */
  interrupted: number;
  /** Event ids answered 200, with the answer the hub gave the first time (`accepted` or `duplicate`). */
  acknowledged: Map<string, string>;
  /** SIGKILLs after a gap of acknowledgements (one that found the life frozen mid-apply is the hub process's to count). */
  kills: number;
}

export interface FloodOptions {
  hub: HubProcess;
  provider: ChaosProvider;
  events: readonly WebhookEvent[];
  /** Requests in flight at once. */
  senders: number;
  /** Kill the hub after this many more acknowledgements, one entry per kill; empty for a calm round. */
  killGaps: readonly number[];
}

/**
 * Where the kills fall: `kills` gaps, in acknowledgements, spread at random (seeded) over the first
 * 80 % of the flood, so every kill lands while deliveries and workers are busy and the last one
 * leaves acknowledgements to come.
 */
export function killGaps(kills: number, events: number, seed: number): number[] {
  const random = seededRandom(seed);
  const weights = Array.from({ length: kills }, () => 0.2 + 1.6 * random());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => Math.max(1, Math.floor((weight / total) * 0.8 * events)));
}

/**
 * Where the lives told to freeze stop: at which of their payment movement writes (1 to 8), seeded
 * like the gaps, so that a freeze comes early in a life, while every kind of event is still to come.
 */
export function freezePoints(lives: number, seed: number): number[] {
  const random = seededRandom(seed + 1);
  return Array.from({ length: lives }, () => 1 + Math.floor(random() * 8));
}

function post(agent: Agent, url: string, body: string, headers: Readonly<Record<string, string>>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Delivers every event, `senders` at a time, as a provider does: a delivery that dies with the hub
 * is sent again once the hub is back, until it is answered 200. Meanwhile the hub is killed with
 * SIGKILL after each gap of acknowledgements and started again on the same store (a gap's kill
 * that finds the life frozen mid-apply is one of those, and the gap comes round again). Any answer other
 * than 200, or a failed request while the hub is running, fails the round: the harness expects
 * none, so it reports them rather than retrying them away.
 */
export async function flood(options: FloodOptions): Promise<FloodResult> {
  const { hub, provider, events } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: options.senders });
  const result: FloodResult = { attempts: 0, interrupted: 0, acknowledged: new Map(), kills: 0 };
  let next = 0;
  let sinceStart = 0;
  let restarting: Promise<void> | undefined;

  const restart = async (): Promise<void> => {
    if ((await hub.restart()) === 'anywhere') result.kills += 1;
    sinceStart = 0;
  };
  const acknowledged = (): void => {
    sinceStart += 1;
    const gap = options.killGaps[result.kills];
    if (restarting || gap === undefined || sinceStart < gap) return;
    restarting = restart().then(
      () => {
        restarting = undefined;
      },
      (error: unknown) => hub.abort(error instanceof Error ? error : new Error(String(error))),
    );
  };

  const deliver = async (event: WebhookEvent): Promise<void> => {
    let life = await hub.up();
    for (;;) {
      const { body, headers } = provider.delivery(event);
      result.attempts += 1;
      let answer: { status: number; body: string };
      try {
        answer = await post(agent, `${life.url}/webhooks/${provider.name}`, body, headers);
      } catch (error) {
        if (hub.isRunning(life.generation)) throw error;
        result.interrupted += 1;
        life = await hub.after(life.generation);
        continue;
      }
      if (answer.status !== 200) throw new Error(`The hub answered ${answer.status} ${answer.body} to event ${event.id}`);
      const key = provider.eventKey(event);
      if (!result.acknowledged.has(key)) result.acknowledged.set(key, (JSON.parse(answer.body) as { status: string }).status);
      acknowledged();
      return;
    }
  };
  const sender = async (): Promise<void> => {
    while (next < events.length) await deliver(events[next++] as WebhookEvent);
  };
  try {
    await Promise.all(Array.from({ length: options.senders }, sender));
    await restarting;
  } catch (error) {
    hub.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  } finally {
    agent.destroy();
  }
  return result;
}
