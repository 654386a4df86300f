import { systemClock } from '@interlock/core';
import { findProblems, readStore, unfinished, type Findings } from './check.js';
import { openRunEngines, storeConfig, type EngineName } from './engines.js';
import { allocateEngine, type Servers } from './places.js';
import { flood, freezePoints, killGaps } from './flood.js';
import { HubProcess } from './hub-process.js';
import { startChaosProvider } from './provider.js';

export interface ChaosSettings {
  engine: EngineName;
  /** Seeds the payments, refunds and kill points; printed, so a failing run can be repeated. */
  seed: number;
  kills: number;
  /** Lives frozen and killed in the middle of applying an event (between its record write and its movement), before the gap kills. */
  midApplyKills: number;
  /** Run the hub with a non-atomic apply (record first, the rest after): the mutant the mid-apply kills must find. */
  recordFirst?: boolean;
  payments: number;
  /** Share of payments refunded after capture. */
  refundShare: number;
  /** Deliveries in flight at once. */
  senders: number;
  /** The hub's worker concurrency. */
  workers: number;
  /** How long a killed worker's events stay invisible before they are handed out again. */
  leaseMs: number;
  /** Bound on the wait for the hub to finish every event after the last delivery. */
  drainTimeoutMs: number;
  servers: Servers;
}

/** What one run on one engine sent, what the hub answered, and what the store shows afterwards. */
export interface ChaosReport {
  engine: EngineName;
  seed: number;
  kills: number;
  midApplyKills: number;
  /** Distinct webhook events the provider raised, each delivered until acknowledged, then once more. */
  events: number;
  deliveries: number;
  /** Deliveries that died with a killed hub and were sent again. */
  interrupted: number;
  acknowledged: number;
  /** Acknowledged events with no decision, or answered `accepted` again at the redelivery: forgotten. */
  lost: number;
  appliedTwice: number;
  movementsMissing: number;
  movementsDoubled: number;
  auditMissing: number;
  wrongState: number;
  /** Events decided that were never acknowledged, and payments recorded that the provider never made. */
  unexpected: number;
  /** Events still queued or in a worker's hands, and dead ones, when the hub was stopped. */
  pending: number;
  dead: number;
  reconciliationDifferences: number;
  /** A few ids per finding, to start looking from. */
  examples: Partial<Record<keyof Findings, string[]>>;
  seconds: number;
}

const EXAMPLES = 5;

/** Waits until the hub has nothing queued or in hand, polling its health endpoint, within a bound; a life that froze mid-apply meanwhile is followed by the next. */
async function drained(hub: HubProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const life = await hub.up();
    let health: { events: Record<string, number> };
    try {
      health = (await (await fetch(`${life.url}/health`)).json()) as typeof health;
    } catch (error) {
      if (hub.isRunning(life.generation)) throw error;
      continue;
    }
    if ((health.events['queued'] ?? 0) + (health.events['processing'] ?? 0) === 0) return;
    last = JSON.stringify(health.events);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The hub did not finish its events within ${timeoutMs} ms: ${last}`);
}

/**
 * One chaos run on one engine: the provider raises its webhooks; they are flooded at the hub while
 * it is killed with SIGKILL `kills` times and started again on the same store, the first
 * `midApplyKills` lives each killed in the middle of applying an event; every event is then
 * delivered once more, the hub finishes its work and stops, and the store is checked directly,
 * ending with the payments reconciliation against the provider's settlement.
 */
export async function runChaos(settings: ChaosSettings): Promise<ChaosReport> {
  const started = Date.now();
  const provider = await startChaosProvider({ payments: settings.payments, refundShare: settings.refundShare, seed: settings.seed });
  const place = allocateEngine(settings.engine, settings.servers);
  const hub = new HubProcess(
    {
      config: {
        port: 0,
        ...storeConfig(place.spec),
        // Kills hand events out again and an event ahead of a missing step waits a second per
        // attempt: the default five attempts would dead-letter events for the kills' sake.
        workers: { concurrency: settings.workers, maxAttempts: 50 },
        // Only webhooks move the records, so the checks see what the event path did.
        polling: { enabled: false },
        reconciliation: { enabled: false },
        providers: [provider.config],
      },
      engine: place.spec,
      leaseMs: settings.leaseMs,
      ...(settings.recordFirst ? { recordFirst: true } : {}),
    },
    provider.env,
    freezePoints(settings.midApplyKills, settings.seed),
  );
  try {
    await hub.start();
    const chaos = await flood({ hub, provider, events: provider.events, senders: settings.senders, killGaps: killGaps(settings.kills, provider.events.length, settings.seed) });
    const again = await flood({ hub, provider, events: provider.events, senders: settings.senders, killGaps: [] });
    await drained(hub, settings.drainTimeoutMs);
    await hub.stop();

    const engines = await openRunEngines(place.spec, systemClock);
    try {
      const findings = findProblems(await readStore(engines.integrity, provider.name), chaos.acknowledged.keys(), provider.expected);
      const forgotten = [...again.acknowledged].filter(([, answer]) => answer !== 'duplicate').map(([eventId]) => eventId);
      const lost = new Set([...findings.lost, ...forgotten]);
      const { pending, dead } = await unfinished(engines.queue);
      const reconciliation = await provider.settleAndReconcile(engines.integrity, { from: started - 60_000, to: Date.now() + 60_000 });
      const examples: ChaosReport['examples'] = {};
      for (const [name, ids] of Object.entries({ ...findings, lost: [...lost] }) as [keyof Findings, string[]][]) if (ids.length > 0) examples[name] = ids.slice(0, EXAMPLES);
      return {
        engine: settings.engine,
        seed: settings.seed,
        kills: chaos.kills,
        midApplyKills: hub.midApplyKills,
        events: provider.events.length,
        deliveries: chaos.attempts + again.attempts,
        interrupted: chaos.interrupted,
        acknowledged: chaos.acknowledged.size,
        lost: lost.size,
        appliedTwice: findings.appliedTwice.length,
        movementsMissing: findings.movementsMissing.length,
        movementsDoubled: findings.movementsDoubled.length,
        auditMissing: findings.auditMissing.length,
        wrongState: findings.wrongState.length,
        unexpected: findings.unexpected.length,
        pending,
        dead,
        reconciliationDifferences: reconciliation.differences,
        examples,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      };
    } finally {
      await engines.close();
    }
  } finally {
    await hub.close();
    await provider.close();
    await place.remove();
  }
}

/** The report as the lines a person reads: the counts first, then where to look. */
export function formatReport(report: ChaosReport): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  const line =
    `chaos ${report.engine} seed ${report.seed}: kills ${count(report.kills)} (and ${count(report.midApplyKills)} mid-apply), events sent ${count(report.events)} ` +
    `(${count(report.deliveries)} deliveries, ${count(report.interrupted)} cut by a kill), acknowledged ${count(report.acknowledged)}, ` +
    `lost ${count(report.lost)}, applied twice ${count(report.appliedTwice)}, movements missing ${count(report.movementsMissing)}, ` +
    `movements doubled ${count(report.movementsDoubled)}, audit missing ${count(report.auditMissing)}, wrong state ${count(report.wrongState)}, unexpected ${count(report.unexpected)}, ` +
    `pending ${count(report.pending)}, dead ${count(report.dead)}, reconciliation differences ${count(report.reconciliationDifferences)} (${report.seconds} s)`;
  const examples = Object.entries(report.examples).map(([name, ids]) => `  ${name}: ${ids.join(', ')}`);
  return [line, ...examples].join('\n');
}
