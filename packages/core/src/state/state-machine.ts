/**
 * A domain's lifecycle: which status may follow which. Core holds the mechanism; each domain
 * package (payments, logistics, kyc) defines its machine with `defineStateMachine`.
 */
export interface StateMachine<S extends string> {
  readonly name: string;
  readonly states: readonly S[];
  /** Where a record's life normally begins (documentation, and checked against the transitions). */
  readonly initial: readonly S[];
  /** States with no way out (`succeeded`, `refunded`, `delivered`). */
  readonly terminal: readonly S[];
  /** True when `to` may follow `from`; a status always may follow itself (re-delivery). */
  canTransition(from: S, to: S): boolean;
  /** True when `status` is one of this machine's states: provider text is checked before it is trusted as `S`. */
  isState(status: string): status is S;
}

/** The data a machine is defined from: for every state, the states that may follow it. */
export interface StateMachineSpec<S extends string> {
  name: string;
  transitions: { readonly [K in S]: readonly S[] };
  initial: readonly S[];
}

function invalid(machine: string, problem: string): TypeError {
  return new TypeError(`Invalid state machine ${JSON.stringify(machine)}: ${problem}`);
}

/**
 * Builds a machine from its transitions and checks it once, here, so that a typo in a domain's
 * table fails at import rather than as a refused event in production: every target must be a
 * declared state and `initial` must name at least one declared state. Terminal states are the
 * ones with no outgoing transition to another state.
 */
export function defineStateMachine<const S extends string>(spec: StateMachineSpec<S>): StateMachine<S> {
  const { name } = spec;
  if (name === '') throw invalid(name, 'a name is required');
  const states = Object.keys(spec.transitions) as S[];
  if (states.length === 0) throw invalid(name, 'at least one state is required');
  const known = new Set<string>(states);
  const next = new Map<string, ReadonlySet<string>>();
  for (const from of states) {
    const targets = spec.transitions[from];
    for (const to of targets) {
      if (!known.has(to)) throw invalid(name, `${from} -> ${to} leads to an undeclared state`);
    }
    next.set(from, new Set(targets));
  }
  if (spec.initial.length === 0) throw invalid(name, 'at least one initial state is required');
  for (const state of spec.initial) {
    if (!known.has(state)) throw invalid(name, `initial state ${state} is not declared`);
  }
  const terminal = states.filter((state) => spec.transitions[state].every((to) => to === state));
  const isState = (status: string): status is S => known.has(status);
  return Object.freeze({
    name,
    states: Object.freeze(states),
    initial: Object.freeze([...spec.initial]),
    terminal: Object.freeze(terminal),
    isState,
    canTransition: (from: S, to: S): boolean => (from === to ? known.has(from) : next.get(from)?.has(to) === true),
  });
}
