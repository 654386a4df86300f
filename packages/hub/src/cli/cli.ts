import { parseArgs } from 'node:util';
import { systemClock } from '@interlock/core';
import { configDir, loadConfig } from '../config/config.js';
import { openEngines } from '../engines.js';
import { reconcileCommand } from './reconcile-command.js';
import { runService } from './run-service.js';

const USAGE = `interlock <command>

  start [--config file] [--port n]                           run the hub for the providers in the config
  dlq list [--provider name] [--config file]                 dead-lettered events
  dlq replay <event id> [--config file]                      put a dead event back in the queue
  dlq reject <event id> --reason "..." [--config file]       give up on a dead event (kept for audit)
  events show <event id> [--config file]                     one event, its status and its audit trail
  reconcile --provider name [--from t] [--to t] [--config file]
                                                             compare our records with the provider's now (t: ISO 8601
                                                             or epoch ms; default the scheduled window); exit 1 on differences`;

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: readonly string[], out: (line: string) => void = (line) => console.log(line)): Promise<number> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      provider: { type: 'string' },
      reason: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, sub, id] = positionals;
  if (values.help || command === undefined) {
    out(USAGE);
    return command === undefined && !values.help ? 1 : 0;
  }
  if (command === 'start') return runService({ configPath: values.config, port: values.port === undefined ? undefined : Number(values.port), out });
  const config = loadConfig(values.config);
  const engines = await openEngines(config, systemClock);
  try {
    if (command === 'reconcile') return await reconcileCommand(config, engines, values, out, configDir(values.config));
    if (command === 'dlq' && sub === 'list') {
      const dead = await engines.queue.listDead({ provider: values.provider });
      if (dead.length === 0) out('no dead letters');
      for (const event of dead) out(`${event.id}  ${event.provider}  ${event.type}  attempts ${event.attempts}  ${event.reason ?? ''}`);
      return 0;
    }
    if (command === 'dlq' && sub === 'replay' && id) {
      const replayed = await engines.queue.replay(id);
      out(replayed ? `${id} is queued again` : `${id} is not a dead letter`);
      return replayed ? 0 : 1;
    }
    if (command === 'dlq' && sub === 'reject' && id) {
      if (!values.reason) {
        out('dlq reject needs --reason: it is kept in the audit trail');
        return 1;
      }
      const rejected = await engines.queue.reject(id, values.reason);
      await engines.integrity.appendAudit({ at: systemClock.now(), actor: 'cli', action: 'reject dead letter', provider: 'unknown', eventId: id, outcome: rejected ? 'rejected' : 'not_dead', detail: values.reason });
      out(rejected ? `${id} rejected` : `${id} is not a dead letter`);
      return rejected ? 0 : 1;
    }
    if (command === 'events' && sub === 'show' && id) {
      const event = await engines.queue.get(id);
      if (!event) {
        out(`no event ${id}`);
        return 1;
      }
      out(JSON.stringify({ ...event, payload: `${event.payload.length} bytes` }, null, 2));
      for (const entry of await engines.integrity.listAudit({ eventId: event.eventId })) out(`${new Date(entry.at).toISOString()}  ${entry.actor}  ${entry.action}  ${entry.outcome}  ${entry.detail ?? ''}`);
      return 0;
    }
    out(USAGE);
    return 1;
  } finally {
    await engines.close();
  }
}
