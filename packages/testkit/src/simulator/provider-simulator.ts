import type { Clock } from '@interlock/core';
import { FaultServer, type FaultReply, type RecordedRequest } from '@interlock/core/testing';
import { applyDrift, FaultInjector, type FaultScenario } from './faults.js';
import { seededRandom } from './random.js';
import { parseRequestBody } from './request-body.js';
import { ResourceState, type ResourceEvent, type ResourceSpec, type SimObject } from './resources.js';
import { Router, type PathParams } from './router.js';
import { deliverWebhooks, type DeliveryRecord, type WebhookEvent, type WebhookPlan } from './webhooks.js';

/** A request as a simulator route sees it. */
export interface SimulatorRequest extends RecordedRequest {
  params: PathParams;
  searchParams: URLSearchParams;
  parsedBody: Readonly<Record<string, unknown>>;
}

export type SimulatorHandler = (request: SimulatorRequest) => FaultReply | Promise<FaultReply>;

/** One fault the simulator injected: when (its clock), by which rule (its name, else the fault's type), on which route. */
export interface FaultInjection {
  at: number;
  rule: string;
  route: string;
}

export interface ProviderSimulatorOptions {
  /** Shared with the client under test: outages and delays run in virtual time. */
  clock: Clock;
  resources?: readonly ResourceSpec[];
  scenario?: FaultScenario;
  /** Header the provider dedupes creates by (`false`: the provider has none). Default `idempotency-key`. */
  idempotencyHeader?: string | false;
  /** What a key reused with another payload gets (Stripe answers 400 `idempotency_error`). */
  idempotencyConflict?: FaultReply;
  seed?: number;
}

interface StoredIdempotentReply {
  fingerprint: string;
  reply: FaultReply;
}

/**
 * A provider on 127.0.0.1: stateful resources shaped like the provider's, routes for anything
 * else, and a fault scenario (429 with Retry-After, 5xx, latency, timeouts, resets, lost
 * responses, outage windows, schema drift) decided per request. It counts requests per route so
 * tests can assert limits and retries where the provider would.
 */
export class ProviderSimulator {
  readonly events: ResourceEvent[] = [];
  /** Requests per route, keyed `METHOD /pattern`. */
  readonly routeCounts = new Map<string, number>();
  /** Creates answered from the provider's idempotency store instead of running again. */
  idempotentReplays = 0;
  /** Every fault injected, in order: what a run measures its fault share and outage window from. */
  readonly injections: FaultInjection[] = [];
  // Faults by route and rule, so a benchmark can tell the calls a fault forced from the ones a client wasted.
  private readonly faultsByRoute = new Map<string, number>();
  // Routes a test adds win over the resources' generic ones.
  private readonly customRoutes = new Router<SimulatorHandler>();
  private readonly router = new Router<SimulatorHandler>();
  private readonly resources = new Map<string, ResourceState>();
  private readonly idempotency = new Map<string, StoredIdempotentReply>();
  private readonly injector: FaultInjector;
  private readonly startedAt: number;
  private eventSequence = 0;

  private constructor(
    private readonly server: FaultServer,
    private readonly options: ProviderSimulatorOptions,
  ) {
    this.startedAt = options.clock.now();
    this.injector = new FaultInjector(options.scenario ?? { rules: [] }, seededRandom(options.seed ?? 7));
    for (const spec of options.resources ?? []) this.addResource(spec);
    server.onUnrouted((request) => this.handle(request));
  }

  static async start(options: ProviderSimulatorOptions): Promise<ProviderSimulator> {
    return new ProviderSimulator(await FaultServer.start(options.clock), options);
  }

  get url(): string {
    return this.server.url;
  }

  get requests(): readonly RecordedRequest[] {
    return this.server.requests;
  }

  get faultsInjected(): ReadonlyMap<string, number> {
    return this.injector.injected;
  }

  /** Faults injected on a route pattern, by one rule (its name) or by all when `rule` is omitted. */
  faultsOn(method: string, pattern: string, rule?: string): number {
    const prefix = `${method.toUpperCase()} ${pattern}\u0000`;
    let total = 0;
    for (const [key, count] of this.faultsByRoute) {
      if (key.startsWith(prefix) && (rule === undefined || key === `${prefix}${rule}`)) total += count;
    }
    return total;
  }

  /** Requests that reached a route pattern, e.g. `count('POST', '/v1/refunds')`. */
  count(method: string, pattern: string): number {
    return this.routeCounts.get(`${method.toUpperCase()} ${pattern}`) ?? 0;
  }

  route(method: string, pattern: string, handler: SimulatorHandler): this {
    this.customRoutes.add(method, pattern, handler);
    return this;
  }

  resource(name: string): ResourceState {
    const state = this.resources.get(name);
    if (!state) throw new TypeError(`The simulator has no resource "${name}"`);
    return state;
  }

  setScenario(scenario: FaultScenario): void {
    this.injector.replace(scenario);
  }

  /** Sends webhooks (by default, one per resource event so far) to `target` as `plan` says. */
  deliverWebhooks(target: string, plan: WebhookPlan, events?: readonly WebhookEvent[], fetchImpl?: typeof fetch): Promise<DeliveryRecord[]> {
    const toSend =
      events ?? this.events.map((event) => ({ id: event.id, type: event.type, payload: { id: event.id, type: event.type, data: event.object }, occurredAt: event.at }));
    return deliverWebhooks(target, toSend, plan, { clock: this.options.clock, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private addResource(spec: ResourceSpec): void {
    const state = new ResourceState(spec, (type, object) => this.recordEvent(type, spec.name, object));
    this.resources.set(spec.name, state);
    const notFound = (id: string): FaultReply => ({ status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${spec.name}: ${id}` } } });
    this.router.add('POST', spec.path, (request) => ({ status: spec.createdStatus ?? 200, body: state.create(request.parsedBody, this.options.clock.now()) }));
    this.router.add('GET', spec.path, (request) => ({ status: 200, body: state.listPage(request.searchParams) }));
    this.router.add('GET', `${spec.path}/:id`, (request) => {
      const id = request.params['id'] as string;
      const object = state.read(id);
      return object ? { status: 200, body: object } : notFound(id);
    });
    this.router.add('POST', `${spec.path}/:id/:action`, (request) => {
      const id = request.params['id'] as string;
      const result = state.act(id, request.params['action'] as string, request.parsedBody, this.options.clock.now());
      if (result === undefined) return notFound(id);
      return 'error' in result && Object.keys(result).length === 1 ? (result.error as FaultReply) : { status: 200, body: result };
    });
  }

  private recordEvent(type: string, resource: string, object: SimObject): void {
    this.eventSequence++;
    this.events.push({ id: `evt_${String(this.eventSequence).padStart(14, '0')}`, type, resource, object: structuredClone(object), at: this.options.clock.now() });
  }

  private async handle(recorded: RecordedRequest): Promise<FaultReply> {
    const match = this.customRoutes.match(recorded.method, recorded.path) ?? this.router.match(recorded.method, recorded.path);
    const label = `${recorded.method} ${match?.pattern ?? recorded.path}`;
    this.routeCounts.set(label, (this.routeCounts.get(label) ?? 0) + 1);
    const decision = this.injector.decide(recorded, this.options.clock.now() - this.startedAt);
    if (decision) {
      const rule = decision.rule.name ?? decision.rule.fault.type;
      const key = `${label}\u0000${rule}`;
      this.faultsByRoute.set(key, (this.faultsByRoute.get(key) ?? 0) + 1);
      this.injections.push({ at: recorded.at, rule, route: label });
    }
    const delay = decision?.delayMs === undefined ? {} : { delayMs: decision.delayMs };
    if (decision?.replacement) return { ...decision.replacement, ...delay };
    if (!match) return { status: 404, body: { error: { message: `No route for ${label}` } }, ...delay };
    const request: SimulatorRequest = {
      ...recorded,
      params: match.params,
      searchParams: new URLSearchParams(recorded.query),
      parsedBody: parseRequestBody(recorded.body, recorded.headers['content-type']),
    };
    let reply = await this.idempotent(request, match.handler);
    if (decision?.drift && 'status' in reply && (reply.status ?? 200) < 300) reply = { ...reply, body: applyDrift(reply.body, decision.drift) };
    if (decision?.loseResponse) return { reset: true, ...delay };
    return { ...reply, ...delay };
  }

  /** Runs a create or action once per idempotency key, as the provider would, and replays it after. */
  private async idempotent(request: SimulatorRequest, handler: SimulatorHandler): Promise<FaultReply> {
    const header = this.options.idempotencyHeader ?? 'idempotency-key';
    const key = header === false || request.method !== 'POST' ? undefined : request.headers[header.toLowerCase()];
    if (key === undefined) return handler(request);
    const fingerprint = `${request.path}\n${request.body}`;
    const stored = this.idempotency.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return this.options.idempotencyConflict ?? { status: 409, body: { error: { message: 'Keys for idempotent requests can only be used with the same parameters they were first used with.' } } };
      }
      this.idempotentReplays++;
      return stored.reply;
    }
    const reply = await handler(request);
    // Like real providers, a server error is not remembered: the retry runs the request again.
    if ('reset' in reply || (reply.status ?? 200) < 500) this.idempotency.set(key, { fingerprint, reply });
    return reply;
  }
}
