import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineStateMachine } from '../../src/state/index.js';
import { FakeClock } from '../../src/testing.js';
import {
  defineConnector,
  envList,
  isConnectorDescriptor,
  isReadinessCapability,
  READINESS_CAPABILITIES,
  requireEnvList,
  type ConnectorDescriptor,
  type DomainPlugin,
} from '../../src/connectors/index.js';
import { hubSignature256Scheme } from '../../src/webhooks/index.js';

const machine = defineStateMachine({ name: 'thing', initial: ['new'], transitions: { new: ['done'], done: [] } });
const domain: DomainPlugin<{ id: string }> = { name: 'things', recordTypes: ['thing'], machine, interpreter: () => ({ machine }) };

function spec(overrides: Partial<ConnectorDescriptor<{ id: string }>> = {}): ConnectorDescriptor<{ id: string }> {
  return {
    id: 'acme-things',
    domain,
    config: z.object({ keyEnv: z.string().default('ACME_KEYS') }),
    create: (config: { keyEnv: string }, context) => ({ id: requireEnvList(context.env, config.keyEnv, 'acme-things')[0] as string }),
    webhooks: {
      verification: { kind: 'signature', scheme: hubSignature256Scheme },
      secretsEnv: 'ACME_WEBHOOK_SECRETS',
      eventId: [{ from: 'body', path: 'id' }],
      eventType: { from: 'body', path: 'type' },
      signed: { eventId: true, eventType: true, occurredAt: false },
    },
    reportingLagMs: () => 0,
    limits: { getThing: [{ limit: 10, windowMs: 1_000 }] },
    capabilities: ['limits.per-endpoint'],
    ...overrides,
  };
}

describe('defineConnector', () => {
  it('returns the descriptor frozen, and it is recognised as one', () => {
    const descriptor = defineConnector(spec());
    expect(Object.isFrozen(descriptor)).toBe(true);
    expect(isConnectorDescriptor(descriptor)).toBe(true);
    expect(descriptor.create(descriptor.config.parse({}), { env: { ACME_KEYS: ' k1 , k2 ' }, clock: new FakeClock(), telemetry: [], webhookSecrets: [] })).toEqual({ id: 'k1' });
  });

  it('refuses a bad id, an unknown capability, no event id field and a non-positive limit', () => {
    expect(() => defineConnector(spec({ id: 'Acme' }))).toThrow(/lowercase/);
    expect(() => defineConnector(spec({ capabilities: ['limits.made-up' as never] }))).toThrow(/unknown readiness capability "limits.made-up"/);
    expect(() => defineConnector(spec({ webhooks: { ...spec().webhooks, eventId: [] } }))).toThrow(/eventId/);
    expect(() => defineConnector(spec({ limits: { getThing: [{ limit: 0, windowMs: 1_000 }] } }))).toThrow(/getThing/);
    expect(() => defineConnector(spec({ webhooks: { ...spec().webhooks, eventType: { from: 'body', path: 'data..type' } } }))).toThrow(/empty segment/);
  });

  it('tells a descriptor from other exports', () => {
    expect(isConnectorDescriptor(undefined)).toBe(false);
    expect(isConnectorDescriptor({ id: 'x', create: () => 1 })).toBe(false);
    expect(isConnectorDescriptor({ ...spec(), domain: null })).toBe(false);
  });
});

describe('environment and readiness', () => {
  it('reads comma-separated lists and names a missing variable, never a value', () => {
    expect(envList({ A: 'x, y,,z ' }, 'A')).toEqual(['x', 'y', 'z']);
    expect(envList({}, 'A')).toEqual([]);
    expect(() => requireEnvList({ A: ' , ' }, 'A', 'acme')).toThrow('acme: environment variable A is not set');
  });

  it('knows the 30 scorecard items', () => {
    expect(READINESS_CAPABILITIES).toHaveLength(30);
    expect(new Set(READINESS_CAPABILITIES).size).toBe(30);
    expect(isReadinessCapability('webhooks.dedupe')).toBe(true);
    expect(isReadinessCapability('webhooks.magic')).toBe(false);
  });
});
