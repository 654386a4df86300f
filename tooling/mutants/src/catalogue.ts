import { connectorContractChecks, type ConnectorContractSpec } from '@interlock/testkit';
import { eventQueueChecks, integrityStoreChecks } from '@interlock/testkit/vitest';
// The Razorpay connector's own contract spec and test credentials: the checks run exactly as its contract test runs them.
import { razorpaySpec } from '../../../connectors/razorpay/test/contract/spec.js';
import { KEY_ID, KEY_SECRET } from '../../../connectors/razorpay/test/support.js';
// The chaos test's non-atomic applyEvent: one home for the mutant its mid-apply kill must find.
import { recordFirst } from '../../chaos/src/record-first.js';
import { movementsCheck, orderingCheck } from './checks/applier.js';
import { outageOpensTheCircuit } from './checks/breaker.js';
import { retriesSpreadByJitter } from './checks/jitter.js';
import { keyReuseIsConflict } from './checks/key-reuse.js';
import { razorpayLostRefundIsOutcomeUnknown, razorpayOneOrderPerCallerKey, razorpayOneOrderPerCreate } from './checks/razorpay-create.js';
import { razorpayRefusesForgedWebhook, razorpayRefusesOldWebhook } from './checks/razorpay-webhooks.js';
import { checkNamed, sqliteIntegrityHarness, sqliteQueueHarness } from './checks/stores.js';
import type { Mutant } from './mutant.js';
import { freshKeyPerAttempt, refusingEveryCall, withoutDedupe, withoutEffects } from './mutants/wrappers.js';
import { withSwitches } from './switches.js';

type RazorpayConnector = ReturnType<typeof razorpaySpec.create>;

/** One check of the shared contract suite, run on Razorpay's spec or on the mutant's version of it. */
function razorpayContract(name: string, mutate: (spec: ConnectorContractSpec<RazorpayConnector>) => ConnectorContractSpec<RazorpayConnector>) {
  return (mutated: boolean): Promise<void> => checkNamed(connectorContractChecks(mutated ? mutate(razorpaySpec) : razorpaySpec), name).run();
}

const BASIC_TOKEN = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

/** Every mutant, each with the guarantee it breaks and the check that must kill it. */
export const MUTANTS: readonly Mutant[] = [
  {
    name: 'fresh idempotency key per retry',
    guarantee: 'every attempt of a write carries the operation’s one idempotency key (core request path)',
    killedBy: 'contract suite (Razorpay refund): keeps one idempotency key across every retry of a write',
    reason: /the idempotency key changed between attempts/,
    check: razorpayContract('keeps one idempotency key across every retry of a write', (spec) => ({
      ...spec,
      create: (env) => spec.create({ ...env, fetch: freshKeyPerAttempt(env.fetch) }),
    })),
  },
  {
    name: 'a 400 retried',
    guarantee: 'a permanent failure is sent once, never retried (core retry policy)',
    killedBy: 'contract suite (Razorpay): never retries a permanent failure',
    reason: /is permanent but was sent [2-9] times/,
    check: (mutated) => withSwitches({ retryA400: mutated }, () => checkNamed(connectorContractChecks(razorpaySpec), 'never retries a permanent failure').run()),
  },
  {
    name: 'jitter turned off',
    guarantee: 'retries of the same failure are spread by jitter, not sent in lockstep (core backoff)',
    killedBy: 'retriesSpreadByJitter: six Razorpay reads each retried after one 503',
    reason: /all waited \d+ ms: retries in lockstep/,
    check: (mutated) => withSwitches({ noJitter: mutated }, retriesSpreadByJitter),
  },
  {
    name: 'circuit breaker that never opens',
    guarantee: 'a provider seen to be down is not sent every call (core circuit breaker)',
    killedBy: 'outageOpensTheCircuit: twenty Razorpay reads through a 503 outage',
    reason: /no read was refused by an open circuit/,
    check: (mutated) => withSwitches({ breakerAlwaysClosed: mutated }, outageOpensTheCircuit),
  },
  {
    name: 'a POST without a key retried',
    guarantee: 'a write that may have reached the provider is never repeated without a key (core safe-retry rule)',
    killedBy: 'razorpayOneOrderPerCreate: a lost answer, then one order for the reference',
    reason: /Razorpay holds 2 orders for one create whose answer was lost/,
    check: (mutated) => withSwitches({ retryUnsafe: mutated }, razorpayOneOrderPerCreate),
  },
  {
    name: 'Razorpay create without the receipt lookup',
    guarantee: 'an order create whose answer was lost makes one order at Razorpay (createOrFind)',
    killedBy: 'razorpayOneOrderPerCreate: a lost answer, then one order for the reference',
    reason: /Razorpay holds 2 orders for one create whose answer was lost/,
    check: (mutated) => withSwitches({ createWithoutLookup: mutated }, razorpayOneOrderPerCreate),
  },
  {
    name: 'Razorpay create skips the lookup for a key begun before',
    guarantee: 'a caller repeating a create whose answer was lost gets the order already made, not a second one (createOrFind with a record)',
    killedBy: 'razorpayOneOrderPerCallerKey: a lost answer and a failed lookup, then the caller repeats with its key',
    reason: /Razorpay holds 2 orders for one caller key repeated after a lost answer/,
    check: (mutated) => withSwitches({ forgetBegunCreates: mutated }, razorpayOneOrderPerCallerKey),
  },
  {
    name: 'fingerprint without the body',
    guarantee: 'an idempotency key reused with another payload is a conflict, not a replay (core idempotency)',
    // Razorpay's refunds catch a reused key themselves (by the refunds' notes), so a Razorpay refund
    // would not tell this mutant from the real code: the check is core's own.
    killedBy: 'keyReuseIsConflict: a charge of 500, then 900 under the same key, through core’s client',
    reason: /a key reused with another payload was answered from replay/,
    check: (mutated) => withSwitches({ fingerprintWithoutBody: mutated }, keyReuseIsConflict),
  },
  {
    name: 'a lost write reported as failed',
    guarantee: 'a write with no caller key that may have happened ends as outcome_unknown, never as a failure to retry (core)',
    killedBy: 'razorpayLostRefundIsOutcomeUnknown: a refund whose every answer is lost, then its lookup',
    reason: /a refund whose every answer was lost ended as network/,
    check: (mutated) => withSwitches({ forgetUncertainty: mutated }, razorpayLostRefundIsOutcomeUnknown),
  },
  {
    name: 'stale guard removed',
    guarantee: 'a late webhook never overwrites a newer state (core guardTransition in the hub applier)',
    killedBy: 'orderingCheck: the hub applier on SQLite with the payments domain',
    reason: /a late delivery of an older snapshot was applied, not discarded as stale/,
    check: (mutated) => withSwitches({ applyStale: mutated }, () => orderingCheck()),
  },
  {
    name: 'ordering guard removed',
    guarantee: 'a transition the state machine refuses is discarded (core guardTransition in the hub applier)',
    killedBy: 'orderingCheck: the hub applier on SQLite with the payments domain',
    reason: /pending after succeeded was applied, not discarded as backward_transition/,
    check: (mutated) => withSwitches({ applyBackward: mutated }, () => orderingCheck()),
  },
  {
    name: 'dedupe removed (event queue accept)',
    guarantee: 'a webhook delivered twice is queued once (EventQueue.accept)',
    killedBy: "event queue suite (SQLite): accept answers 'accepted', then 'duplicate'",
    reason: /expected 'accepted' to be 'duplicate'/,
    check: (mutated) => checkNamed(eventQueueChecks(sqliteQueueHarness(mutated ? withoutDedupe : undefined)), 'accept answers').run(),
  },
  {
    name: 'connector refusing every call',
    guarantee: 'a connector keeps to its documented limits by waiting, not by sending nothing',
    killedBy: 'contract suite (Razorpay): respects its documented rate limits',
    reason: /0 of \d+ calls reached the provider/,
    check: razorpayContract('respects its documented rate limits', (spec) => ({ ...spec, create: (env) => refusingEveryCall(spec.create(env), spec.provider) })),
  },
  {
    name: 'rate limiter that never waits',
    guarantee: 'no more requests reach the provider in any window than its documented limit (core rate limiter)',
    killedBy: 'contract suite (Razorpay): respects its documented rate limits',
    reason: /\d+ requests reached the provider within \d+ ms; the limit is \d+/,
    check: (mutated) => withSwitches({ limiterNeverWaits: mutated }, () => checkNamed(connectorContractChecks(razorpaySpec), 'respects its documented rate limits').run()),
  },
  {
    name: 'webhook verifier accepting a forged body',
    guarantee: 'a webhook is acted on only when its signature matches its raw body (core verifyWebhook)',
    killedBy: 'razorpayRefusesForgedWebhook: parseWebhook on a body changed after signing',
    reason: /a body changed after signing was accepted/,
    check: (mutated) => withSwitches({ acceptForged: mutated }, razorpayRefusesForgedWebhook),
  },
  {
    name: 'replay window removed',
    guarantee: 'a genuine delivery signed longer ago than the replay window is refused (core webhook intake)',
    killedBy: 'razorpayRefusesOldWebhook: parseWebhook on a delivery created beyond the window',
    reason: /a genuine delivery older than the replay window was accepted/,
    check: (mutated) => withSwitches({ noReplayWindow: mutated }, razorpayRefusesOldWebhook),
  },
  {
    name: 'drift passed through silently',
    guarantee: 'a response whose shape drifted is reported as contract.drift (core parseContract)',
    killedBy: 'contract suite (Razorpay): reports contract drift instead of passing it through silently',
    reason: /a drifted response raised no contract.drift event/,
    check: (mutated) => withSwitches({ silentDrift: mutated }, () => checkNamed(connectorContractChecks(razorpaySpec), 'reports contract drift').run()),
  },
  {
    name: 'unknown value alerted on every sighting',
    guarantee: 'an unknown enum value is kept raw, reported each time and alerted once (core UnknownValueTracker)',
    killedBy: 'contract suite (Razorpay): maps an unknown enum value to unknown, keeps it raw and alerts once',
    reason: /the first sighting must alert exactly once/,
    check: (mutated) => withSwitches({ forgetSightings: mutated }, () => checkNamed(connectorContractChecks(razorpaySpec), 'maps an unknown enum value').run()),
  },
  {
    name: 'redactor lets the Basic credential through',
    guarantee: 'no credential appears in an error or a telemetry event (core redaction)',
    killedBy: 'contract suite (Razorpay): never leaks a credential into errors or telemetry',
    reason: /a credential appeared in an error or a telemetry event/,
    // The Basic credential in every form the redactor is given (the token, and `Basic <token>`). The key
    // id and the key secret never travel alone, only inside that token: a redactor forgetting either
    // alone changes no output, so those mutants are equivalent to the real code, not survivors.
    check: (mutated) =>
      withSwitches(mutated ? { leak: (secret) => secret.includes(BASIC_TOKEN) } : {}, () =>
        checkNamed(connectorContractChecks(razorpaySpec), 'never leaks a credential').run(),
      ),
  },
  {
    name: 'applyEvent writes the record but not its effects',
    guarantee: 'an event’s record, effects, audit entry and applied mark are written together (IntegrityStore.applyEvent)',
    killedBy: 'integrity store suite (SQLite): applyEvent writes the record, its effects, its audit entry and the applied mark',
    reason: /expected undefined to match object/,
    check: (mutated) => checkNamed(integrityStoreChecks(sqliteIntegrityHarness(mutated ? withoutEffects : undefined)), 'applyEvent writes the record').run(),
  },
  {
    name: 'applyEvent writes the record before the rest',
    guarantee: 'an application that fails part-way leaves nothing behind (IntegrityStore.applyEvent)',
    killedBy: 'integrity store suite (SQLite): an application that fails part-way leaves nothing behind',
    reason: /to be undefined/,
    check: (mutated) => checkNamed(integrityStoreChecks(sqliteIntegrityHarness(mutated ? recordFirst : undefined)), 'an application that fails part-way').run(),
  },
  {
    name: 'applier writes the record but not the movement',
    guarantee: 'each payment’s movements add up to the money its record shows (hub event applier)',
    killedBy: 'movementsCheck: the chaos test’s findProblems after the hub applier on SQLite',
    reason: /movementsMissing: pay_1/,
    check: (mutated) => movementsCheck(mutated ? withoutEffects : undefined),
  },
];
