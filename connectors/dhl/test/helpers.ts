import { MemoryTelemetrySink, type IdempotencyStore } from '@interlock/core';
import { FakeClock } from '@interlock/core/testing';
import type { Address, CreateShipmentInput, LogisticsConnector } from '@interlock/logistics';
import { createDhlConnector } from '../src/index.js';
import { createDhlSimulation, type DhlSimulation } from '../testing/index.js';

export const API_KEY = 'Zq4vN8kT2mW6yR1pX5sB9dH3jL7cF0aG';

/** MyDHL API credentials shaped like DHL's (a user name of letters and digits, a password with symbols), and an account number. */
export const EXPRESS = { username: 'apQ4kR7tW2mZ9x', password: 'V!3rT$8nK@5qJ^2w', accountNumber: '123456789' } as const;

export const FROM: Address = { name: 'Test Sender', company: 'Müller GmbH', lines: ['Teststraße'], houseNumber: '1', postalCode: '53113', city: 'Bonn', country: 'DE', phone: '+4922800000' };
export const TO: Address = { name: 'Test Receiver', lines: ['Oderweg'], houseNumber: '2', postalCode: '1043 AG', city: 'Amsterdam', country: 'NL', phone: '+31200000000' };

export const shipInput = (index: number, parcel: CreateShipmentInput['parcels'][number]): CreateShipmentInput => ({ from: FROM, to: TO, parcels: [parcel], service: 'U', reference: `order-${index}` });

/** A simulation on a fake clock that advances by itself, closed when `run` ends. */
export async function onSimulation<T>(run: (clock: FakeClock, simulation: DhlSimulation) => Promise<T>, start = Date.UTC(2026, 0, 5, 9)): Promise<T> {
  const clock = new FakeClock({ autoAdvance: true, start });
  const simulation = await createDhlSimulation({ clock });
  try {
    return await run(clock, simulation);
  } finally {
    await simulation.simulator.close();
  }
}

export function connectorFor(
  clock: FakeClock,
  simulation: DhlSimulation,
  options: { telemetry?: MemoryTelemetrySink; fetch?: typeof fetch; express?: boolean; idempotencyStore?: IdempotencyStore } = {},
): LogisticsConnector {
  const express = options.express === true ? { express: { ...EXPRESS, baseUrl: simulation.expressBaseUrl, ...(options.idempotencyStore ? { idempotencyStore: options.idempotencyStore } : {}) } } : {};
  return createDhlConnector({
    baseUrl: simulation.simulator.url,
    apiKeys: [API_KEY],
    ...express,
    clock,
    fetch: options.fetch ?? clock.trackFetch(),
    telemetry: [options.telemetry ?? new MemoryTelemetrySink()],
  });
}

/** What `run` throws, for asserting on its fields. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
