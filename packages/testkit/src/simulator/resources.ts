import type { FaultReply } from '@interlock/core/testing';

export type SimObject = Record<string, unknown>;

/** An action on a stored object (refund, cancel, capture): the new object, or an error reply. */
export type ResourceAction = (object: SimObject, body: Readonly<Record<string, unknown>>, now: number) => SimObject | { error: FaultReply };

/**
 * A provider resource the simulator keeps state for: created objects can be read back, listed
 * with pagination and changed by actions (`POST {path}/:id/{action}`).
 */
export interface ResourceSpec {
  name: string;
  /** Collection path, e.g. `/v1/payment_intents`. */
  path: string;
  idPrefix: string;
  /**
   * Names a new object; the default is `idPrefix` and a sequence that starts again with every
   * simulator. A provider that never reuses an id (a simulation rerun against the same store must
   * not either) names its own.
   */
  newId?(): string;
  /** Builds a stored object from the create request (shape it from the provider's fixtures). */
  create?(input: { id: string; body: Readonly<Record<string, unknown>>; now: number }): SimObject;
  actions?: Readonly<Record<string, ResourceAction>>;
  /** Renders one page of a list; the default is cursor style (`limit`, `starting_after` -> `data`, `has_more`). */
  listPage?(objects: readonly SimObject[], query: URLSearchParams): unknown;
  /** Status code of a successful create (200 unless the provider says otherwise). */
  createdStatus?: number;
}

/** What happened to a resource, in order: what webhooks are made from. */
export interface ResourceEvent {
  id: string;
  type: string;
  resource: string;
  object: SimObject;
  at: number;
}

function cursorPage(objects: readonly SimObject[], query: URLSearchParams): unknown {
  const limit = Number(query.get('limit') ?? 10);
  const after = query.get('starting_after');
  const start = after === null ? 0 : objects.findIndex((object) => object['id'] === after) + 1;
  const data = objects.slice(start, start + limit);
  return { object: 'list', data, has_more: start + limit < objects.length };
}

/** The objects of one resource, in creation order. */
export class ResourceState {
  private readonly objects = new Map<string, SimObject>();
  private sequence = 0;
  /** Creates and actions actually executed: what a duplicate charge would show up in. */
  sideEffects = 0;

  constructor(
    readonly spec: ResourceSpec,
    private readonly onEvent: (type: string, object: SimObject) => void,
  ) {}

  create(body: Readonly<Record<string, unknown>>, now: number): SimObject {
    this.sequence++;
    const id = this.spec.newId?.() ?? `${this.spec.idPrefix}${String(this.sequence).padStart(14, '0')}`;
    const object = this.spec.create ? this.spec.create({ id, body, now }) : { id, ...body, created: Math.floor(now / 1000) };
    this.objects.set(id, object);
    this.sideEffects++;
    this.onEvent(`${this.spec.name}.created`, object);
    return object;
  }

  read(id: string): SimObject | undefined {
    return this.objects.get(id);
  }

  act(id: string, action: string, body: Readonly<Record<string, unknown>>, now: number): SimObject | { error: FaultReply } | undefined {
    const object = this.objects.get(id);
    const run = this.spec.actions?.[action];
    if (!object || !run) return undefined;
    const result = run(object, body, now);
    if ('error' in result && Object.keys(result).length === 1) return result;
    const updated = result as SimObject;
    this.objects.set(id, updated);
    this.sideEffects++;
    this.onEvent(`${this.spec.name}.${action}`, updated);
    return updated;
  }

  /** Replaces a stored object, for scenarios that change state behind the API (a settlement going missing). */
  put(object: SimObject): void {
    this.objects.set(String(object['id']), object);
  }

  delete(id: string): boolean {
    return this.objects.delete(id);
  }

  list(): SimObject[] {
    return [...this.objects.values()];
  }

  listPage(query: URLSearchParams): unknown {
    return (this.spec.listPage ?? cursorPage)(this.list(), query);
  }
}
