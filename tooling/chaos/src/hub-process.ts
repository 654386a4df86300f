import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { HubConfigInput } from '@interlock/hub';
import type { EngineSpec } from './engines.js';
import { FROZEN_LINE } from './freeze-mid-apply.js';

/** The variable the child reads its spec from. */
export const CHILD_SPEC_ENV = 'INTERLOCK_CHAOS_SPEC';

/** What the child needs to run the hub: no secrets (those travel in the environment the config names). */
export interface ChildSpec {
  config: HubConfigInput;
  engine: EngineSpec;
  leaseMs: number;
  /** Apply with the record written on its own before the rest (the mutant the mid-apply kill must find). */
  recordFirst?: boolean;
}

/** What one life is told as it starts. */
export interface LifeOrders {
  /** Freeze as the engine is about to write this life's nth payment movement, for the parent to kill it there. */
  freezeAtMovement?: number;
}

/** One life of the hub: its URL, and which life it is. */
export interface HubLife {
  url: string;
  generation: number;
}

/** A child process: loaded, and once told to go, listening. */
interface Spawned {
  child: ChildProcess;
  exited: Promise<void>;
  /** The URL it printed once it listened; rejects if it exits first. */
  listening: Promise<string>;
  /** Resolves when it printed FROZEN_LINE. */
  frozen: Promise<void>;
  /** Whether it froze mid-apply (printed FROZEN_LINE). */
  hasFrozen(): boolean;
}

/** What a kill ended: a life frozen in the middle of applying an event, or one at any other point. */
export type KillKind = 'mid-apply' | 'anywhere';

const CHILD_SCRIPT = fileURLToPath(new URL('../dist/child.js', import.meta.url));
const STDERR_KEPT = 16_384;

/**
 * The hub in a child process that the run kills with SIGKILL and starts again on the same store.
 * The next life is always loaded and waiting, so a restart costs opening the store, not loading
 * the hub. Senders ask `up()` for the current life; a sender whose request failed waits for a
 * later life than the one it used with `after(generation)`. The first lives are told to freeze
 * mid-apply, one entry of `freezes` each (the movement write to freeze at): a life that froze is
 * killed and followed by the next at once, whenever in the run it froze, and a freeze a life was
 * killed before reaching goes to the next life.
 */
export class HubProcess {
  private current: Spawned | undefined;
  private standby: Spawned | undefined;
  private life: HubLife | undefined;
  private generation = 0;
  private waiters: { after: number; resolve: (life: HubLife) => void; reject: (error: Error) => void }[] = [];
  private stderr = '';
  private failure: Error | undefined;

  private readonly freezes: number[];
  /** The freeze the running life was told, until it froze. */
  private pendingFreeze: number | undefined;
  /** Restarts run one after another, whoever asks. */
  private restarts: Promise<unknown> = Promise.resolve();
  /** Lives killed while frozen mid-apply. */
  midApplyKills = 0;

  constructor(
    private readonly spec: ChildSpec,
    private readonly env: NodeJS.ProcessEnv,
    freezes: readonly number[] = [],
    private readonly startTimeoutMs = 30_000,
  ) {
    this.freezes = [...freezes];
  }

  /** Starts the first life, or the next one after a kill; resolves once it listens. */
  async start(): Promise<HubLife> {
    const next = this.standby ?? this.spawn();
    this.standby = undefined;
    this.current = next;
    const freezeAtMovement = this.freezes.shift();
    this.pendingFreeze = freezeAtMovement;
    const orders: LifeOrders = freezeAtMovement === undefined ? {} : { freezeAtMovement };
    next.child.stdin?.write(`${JSON.stringify(orders)}\n`);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(this.died(`did not listen within ${this.startTimeoutMs} ms`)), this.startTimeoutMs)));
    const url = await Promise.race([next.listening, late]).finally(() => clearTimeout(timer));
    this.standby = this.spawn();
    this.generation += 1;
    const life = { url, generation: this.generation };
    this.life = life;
    void next.frozen.then(() => this.restartIf(life.generation).catch((error: unknown) => this.abort(error instanceof Error ? error : new Error(String(error)))));
    for (const waiter of this.waiters.splice(0)) {
      if (life.generation > waiter.after) waiter.resolve(life);
      else this.waiters.push(waiter);
    }
    return life;
  }

  /** SIGKILL, as a crash or an OOM kill would: nothing of the hub runs after it. Says whether the life had frozen mid-apply. */
  async kill(): Promise<KillKind> {
    this.life = undefined;
    const current = this.current;
    current?.child.kill('SIGKILL');
    // Once closed, every line it printed has been read, FROZEN_LINE included.
    await current?.exited;
    const frozen = current?.hasFrozen() === true;
    if (frozen) this.midApplyKills += 1;
    else if (this.pendingFreeze !== undefined) this.freezes.unshift(this.pendingFreeze);
    this.pendingFreeze = undefined;
    return frozen ? 'mid-apply' : 'anywhere';
  }

  /** Kills the running life and starts the next, after any restart already asked for. Says what the kill ended. */
  restart(): Promise<KillKind> {
    return this.restartIf(undefined);
  }

  /** A restart, unless `generation` names a life that is no longer the running one by the restart's turn. */
  private restartIf(generation: number | undefined): Promise<KillKind> {
    const turn = this.restarts.then(async (): Promise<KillKind> => {
      if (generation !== undefined && !this.isRunning(generation)) return 'anywhere';
      const kind = await this.kill();
      await this.start();
      return kind;
    });
    this.restarts = turn.catch(() => undefined);
    return turn;
  }

  /** The current life, or the next one when the hub is down. */
  up(): Promise<HubLife> {
    return this.after(0);
  }

  /** The first life later than `generation`: a request that failed on one life is sent again on the next. */
  after(generation: number): Promise<HubLife> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.life && this.life.generation > generation) return Promise.resolve(this.life);
    return new Promise((resolve, reject) => this.waiters.push({ after: generation, resolve, reject }));
  }

  /** Whether `generation` is still the running life (a failed request on it is not a kill's doing). */
  isRunning(generation: number): boolean {
    return this.life?.generation === generation;
  }

  /** Fails every waiting sender: the run is over. */
  abort(error: Error): void {
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  /** SIGTERM: the hub closes its server, workers and engines, then exits; SIGKILL if it does not within the bound. */
  async stop(timeoutMs = 30_000): Promise<void> {
    const current = this.current;
    if (!current || current.child.exitCode !== null || current.child.signalCode !== null) return;
    this.life = undefined;
    current.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([current.exited.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      await this.kill();
      throw this.died(`did not stop within ${timeoutMs} ms of SIGTERM`);
    }
  }

  /** Ends every process this started: the running life, if any, and the waiting one. */
  async close(): Promise<void> {
    await this.kill();
    this.standby?.child.kill('SIGKILL');
    await this.standby?.exited;
    this.standby = undefined;
  }

  private spawn(): Spawned {
    if (!existsSync(CHILD_SCRIPT)) throw new Error(`${CHILD_SCRIPT} is missing: build the package first (pnpm turbo run build --filter @interlock/chaos)`);
    const child = spawn(process.execPath, [CHILD_SCRIPT], {
      env: { ...this.env, [CHILD_SPEC_ENV]: JSON.stringify(this.spec) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    // A life killed while its stdin write is still buffered: nothing to report.
    child.stdin?.on('error', () => undefined);
    // 'close', not 'exit': by then its output is read to the end.
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const listening = new Promise<string>((resolve, reject) => {
      lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
      void exited.then(() => reject(this.died('exited before it listened')));
    });
    let froze = false;
    const frozen = new Promise<void>((resolve) =>
      lines.on('line', (line) => {
        if (line !== FROZEN_LINE) return;
        froze = true;
        resolve();
      }),
    );
    // A standby killed at the end of the run never listens; only a life being started is awaited.
    listening.catch(() => undefined);
    return { child, exited, listening, frozen, hasFrozen: () => froze };
  }

  private died(what: string): Error {
    return new Error(`The hub's process ${what}; its stderr:\n${this.stderr}`);
  }
}
