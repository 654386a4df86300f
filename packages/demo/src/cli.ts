import { parseArgs } from 'node:util';
import { runDemo } from './run-demo.js';

const USAGE = `node packages/demo/dist/main.js [--port n] [--batches n] [--config file]

  --port n       where the hub answers (default 8787; 0 for any free port)
  --batches n    stop after n batches (default: run until Ctrl-C)
  --config file  a hub config (JSON) for the store, port, queue and workers; the providers are
                 always the simulated Stripe, Razorpay, Sendcloud, UPS and DHL, and the demo
                 sets the polling schedule to its own pace`;

interface CliOptions {
  help: boolean;
  configPath: string | undefined;
  port: number | undefined;
  batches: number | undefined;
}

function whole(text: string | undefined, flag: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new TypeError(`--${flag} must be a whole number of at least ${min}, not ${text}`);
  return value;
}

function parse(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string' }, batches: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean' } },
  });
  return { help: values.help ?? false, configPath: values.config, port: whole(values.port, 'port', 0), batches: whole(values.batches, 'batches', 1) };
}

/**
 * The demo's command line; resolves with the exit code. The first SIGINT or SIGTERM (Ctrl-C) ends
 * the demo after the batch in flight and closes the hub and the simulations; a second one, with
 * the listeners gone, kills the process as usual.
 */
export async function runDemoCli(argv: readonly string[], out: (line: string) => void = (line) => console.log(line)): Promise<number> {
  let options: CliOptions;
  try {
    options = parse(argv);
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  if (options.help) {
    out(USAGE);
    return 0;
  }
  const stop = new AbortController();
  const interrupt = (): void => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    stop.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    await runDemo({ configPath: options.configPath, port: options.port, batches: options.batches, signal: stop.signal, out });
    return 0;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
