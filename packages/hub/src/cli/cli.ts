import type { EventStatus } from '@interlock/core';
import { Command, CommanderError, Option } from 'commander';
import { instantArgument, port, positiveWhole } from './arguments.js';
import { dlqCorrect, dlqList, dlqReject, dlqReplay, type CorrectOptions } from './dlq-commands.js';
import { EVENT_STATUSES, eventsList, eventsShow, type EventsShowOptions } from './events-commands.js';
import { CannotRun, EXIT } from './exit-codes.js';
import { CONFIG_ENV, DEFAULT_CONFIG_FILE } from './hub-source.js';
import { reconcileCommand, type ReconcileOptions } from './reconcile-command.js';
import { recordsShow } from './records-command.js';
import { runService } from './run-service.js';
import { cliActor, withStore, type CliContext, type StoreSession } from './session.js';

/** Where a CLI run prints and runs; the process's by default (tests pass their own). */
export interface CliOptions {
  /** Errors and warnings; default stderr. */
  err?: (line: string) => void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** What `--version` prints; the bin passes its package's. */
  version?: string;
}

const AFTER_HELP = `
The hub's config is --config <file>, else $${CONFIG_ENV}, else ./${DEFAULT_CONFIG_FILE}; a relative
SQLite path in it is relative to the config file. Without any config, the default database
./.interlock/hub.db is used only when it exists: no command makes an empty one.

Times (--since, --until, --from, --to): ISO 8601, epoch milliseconds, or a duration ago (30m, 2h, 7d).

Exit codes: 0 done; 1 differences found, or the action refused (not found, not dead, no reason);
2 could not run (bad arguments or config, no database, store or provider unreachable).`;

/** The commands, each ending by handing its exit code to `done`. */
function program(context: CliContext, version: string, done: (code: number) => void): Command {
  const root = new Command('interlock')
    .description('Interlock hub: run it, and look after its events, dead letters and records')
    .version(version, '-V, --version', 'print the hub version')
    .option('-c, --config <file>', `the hub config (JSON); default $${CONFIG_ENV} or ./${DEFAULT_CONFIG_FILE}`)
    .helpCommand(true)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => context.out(text.trimEnd()), writeErr: (text) => context.err(text.trimEnd()) })
    .addHelpText('after', AFTER_HELP);
  const configPath = (): string | undefined => root.opts<{ config?: string }>().config;
  const onStore = (body: (session: StoreSession) => Promise<number>) => async (): Promise<void> => done(await withStore(configPath(), context, body));

  root
    .command('start')
    .description('run the hub for the providers in the config, until interrupted')
    .addOption(new Option('-p, --port <n>', 'listen on this port instead of the config’s').argParser(port))
    .action(async (options: { port?: number }) => done(await runService({ configPath: configPath(), port: options.port, out: context.out, cwd: context.cwd, env: context.env })));

  const events = root.command('events').description('events as received, and what became of them');
  events
    .command('list')
    .description('events newest first, a page at a time')
    .option('--provider <name>', 'only this provider’s')
    .addOption(new Option('--status <status>', 'only events in this status').choices(EVENT_STATUSES))
    .option('--reason <prefix>', 'only events whose reason starts with this: an error kind (unavailable, invalid) or a whole reason')
    .addOption(new Option('--since <time>', 'received at or after').argParser(instantArgument))
    .addOption(new Option('--until <time>', 'received before').argParser(instantArgument))
    .addOption(new Option('--limit <n>', 'at most this many').argParser(positiveWhole).default(50))
    .option('--after <event id>', 'the next page: events after this one (the last of the previous page)')
    .option('--json', 'as JSON, with payloads')
    .action(async (options: { provider?: string; status?: EventStatus; reason?: string; since?: number; until?: number; limit: number; after?: string; json?: boolean }) =>
      onStore((session) => eventsList(session, context, options))(),
    );
  events
    .command('show')
    .description('one event, by our id or the provider’s event id, with its audit trail in order')
    .argument('<id>', 'our event id, or the provider’s event id')
    .option('--provider <name>', '<id> is this provider’s event id')
    .option('--json', 'as JSON')
    .option('--payload', 'print only the payload, as received (or corrected)')
    .action(async (id: string, options: EventsShowOptions) => onStore((session) => eventsShow(session, context, id, options))());

  const records = root.command('records').description('provider records as the hub last applied them');
  records
    .command('show')
    .description('one record’s state and its audit trail in order')
    .argument('<provider>', 'the provider’s name in the config')
    .argument('<type>', 'the record type, as the provider descriptor names it')
    .argument('<id>', 'the provider’s record id')
    .option('--json', 'as JSON')
    .action(async (provider: string, recordType: string, recordId: string, options: { json?: boolean }) =>
      onStore((session) => recordsShow(session, context, { provider, recordType, recordId }, options.json))(),
    );

  const dlq = root.command('dlq').description('dead letters: events the workers gave up on, waiting for a person');
  dlq
    .command('list')
    .description('dead letters, longest dead first')
    .option('--provider <name>', 'only this provider’s')
    .addOption(new Option('--limit <n>', 'at most this many').argParser(positiveWhole))
    .option('--json', 'as JSON, with payloads')
    .action(async (options: { provider?: string; limit?: number; json?: boolean }) => onStore((session) => dlqList(session, context, options))());
  dlq
    .command('replay')
    .description('put a dead letter back in the queue, its attempts reset (audited)')
    .argument('<id>', 'our event id')
    .action(async (id: string) => onStore((session) => dlqReplay(session, context, id))());
  dlq
    .command('reject')
    .description('give up on a dead letter for good; it stays for audit')
    .argument('<id>', 'our event id')
    .option('--reason <text>', 'why (required: it is kept in the audit trail)')
    .action(async (id: string, options: { reason?: string }) => onStore((session) => dlqReject(session, context, id, options.reason))());
  dlq
    .command('correct')
    .description('replace a dead letter’s payload (audited with both digests), then replay it')
    .argument('<id>', 'our event id')
    .option('--payload-file <file>', 'the corrected payload (`interlock events show <id> --payload` prints the current one)')
    .option('--payload <text>', 'the corrected payload itself')
    .option('--reason <text>', 'why (required: it is kept in the audit trail)')
    .option('--replay', 'replay it at once')
    .action(async (id: string, options: CorrectOptions) => onStore((session) => dlqCorrect(session, context, id, options))());

  root
    .command('reconcile')
    .description('compare our records with the provider’s now, audited like a scheduled run; exit 1 on differences')
    .option('--provider <name>', 'the configured provider to reconcile (required)')
    .addOption(new Option('--from <time>', 'window start; default the scheduled window').argParser(instantArgument))
    .addOption(new Option('--to <time>', 'window end').argParser(instantArgument))
    .action(async (options: ReconcileOptions) => onStore((session) => reconcileCommand(session, context, options))());
  return root;
}

/**
 * Runs one CLI command (`interlock …` without the program name); resolves with the exit code:
 * 0 done, 1 differences or a refused action, 2 could not run.
 */
export async function runCli(argv: readonly string[], out: (line: string) => void = (line) => console.log(line), options: CliOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const context: CliContext = { out, err: options.err ?? ((line) => console.error(line)), cwd: options.cwd ?? process.cwd(), env, actor: cliActor(env) };
  let code: number = EXIT.ok;
  try {
    await program(context, options.version ?? 'unknown', (result) => (code = result)).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    // Commander has printed the help, the version or the usage error already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.cannotRun;
    context.err(error instanceof CannotRun ? error.message : `interlock could not run: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.cannotRun;
  }
}
