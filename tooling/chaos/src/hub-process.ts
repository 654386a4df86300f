import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { HubConfigInput } from '@interlock/hub';
import type { EngineSpec } from './engines.js';

/** The variable the child reads its spec from. */
export const CHILD_SPEC_ENV = 'INTERLOCK_CHAOS_SPEC';

/** What the child needs to run the hub: no secrets (those travel in the environment the config names). */
export interface ChildSpec {
  config: HubConfigInput;
  engine: EngineSpec;
  leaseMs: number;
}

/** One life of the hub: its URL, and which life it is. */
export interface HubLife {
  url: string;
  generation: number;
}

const CHILD_SCRIPT = fileURLToPath(new URL('../dist/child.js', import.meta.url));
const STDERR_KEPT = 16_384;

/**
 * The hub in a child process that the run kills with SIGKILL and starts again on the same store.
 * Senders ask `up()` for the current life; a sender whose request failed waits for a later life
 * than the one it used with `after(generation)`.
 */
export class HubProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private life: HubLife | undefined;
  private generation = 0;
  private waiters: { after: number; resolve: (life: HubLife) => void; reject: (error: Error) => void }[] = [];
  private stderr = '';
  private failure: Error | undefined;

  constructor(
    private readonly spec: ChildSpec,
    private readonly env: NodeJS.ProcessEnv,
    private readonly startTimeoutMs = 30_000,
  ) {}

  /** Starts the first life, or the next one after a kill; resolves once it listens. */
  async start(): Promise<HubLife> {
    if (!existsSync(CHILD_SCRIPT)) throw new Error(`${CHILD_SCRIPT} is missing: build the package first (pnpm turbo run build --filter @interlock/chaos)`);
    const child = spawn(process.execPath, [CHILD_SCRIPT], {
      env: { ...this.env, [CHILD_SPEC_ENV]: JSON.stringify(this.spec) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(this.died(`did not listen within ${this.startTimeoutMs} ms`)), this.startTimeoutMs);
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (line) => {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { url: string }).url);
      });
      void this.exited.then(() => {
        clearTimeout(timer);
        reject(this.died('exited before it listened'));
      });
    });
    this.generation += 1;
    const life = { url, generation: this.generation };
    this.life = life;
    for (const waiter of this.waiters.splice(0)) {
      if (life.generation > waiter.after) waiter.resolve(life);
      else this.waiters.push(waiter);
    }
    return life;
  }

  /** SIGKILL, as a crash or an OOM kill would: nothing of the hub runs after it. */
  async kill(): Promise<void> {
    this.life = undefined;
    this.child?.kill('SIGKILL');
    await this.exited;
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
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.life = undefined;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    const outcome = await Promise.race([this.exited.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      await this.kill();
      throw this.died(`did not stop within ${timeoutMs} ms of SIGTERM`);
    }
  }

  private died(what: string): Error {
    return new Error(`The hub's process ${what}; its stderr:\n${this.stderr}`);
  }
}
