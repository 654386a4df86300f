import { randomBytes } from 'node:crypto';
import { systemClock, weight, type ConnectorDescriptor } from '@interlock/core';
import { descriptor as dhlDescriptor } from '@interlock/dhl';
import { createDhlSimulation } from '@interlock/dhl/testing';
import type { HubConfigInput, KnownDescriptors } from '@interlock/hub';
import type { CreateShipmentInput, LogisticsConnector, Shipment } from '@interlock/logistics';
import type { LogisticsSimulation } from '@interlock/logistics/testing';
import { transientFaultScenario } from '@interlock/payments/testing';
import { descriptor as sendcloudDescriptor } from '@interlock/sendcloud';
import { createSendcloudSimulation } from '@interlock/sendcloud/testing';
import { descriptor as upsDescriptor } from '@interlock/ups';
import { createUpsSimulation } from '@interlock/ups/testing';

type ProviderInput = NonNullable<HubConfigInput['providers']>[number];

/** One simulated carrier of the demo, with the hub config that points at it. */
export interface DemoCarrier {
  name: 'sendcloud' | 'ups' | 'dhl';
  simulation: LogisticsSimulation;
  descriptor: ConnectorDescriptor<LogisticsConnector>;
  config: ProviderInput;
  /** The carrier's service code the demo's labels ask for. */
  service: string;
  /** Labels per batch that ships. */
  shipmentsPerBatch: number;
  /** Ship on every this many batches (the first included). Default 1. */
  shipEvery?: number;
  /**
   * A label bought outside the connector (the carrier's own portal or shipping API), as the
   * simulation issues it: what the demo tracks when the connector refuses to buy labels.
   */
  shipElsewhere?(input: CreateShipmentInput): Shipment;
}

/** Environment variable names the demo sets in its copy for the carriers; their values are made up at start. */
export const CARRIER_ENV = {
  sendcloudKeys: 'INTERLOCK_DEMO_SENDCLOUD_KEYS',
  sendcloudWebhookSecrets: 'INTERLOCK_DEMO_SENDCLOUD_WEBHOOK_SECRETS',
  upsClient: 'INTERLOCK_DEMO_UPS_CLIENT',
  upsAlertCredentials: 'INTERLOCK_DEMO_UPS_ALERT_CREDENTIALS',
  dhlKeys: 'INTERLOCK_DEMO_DHL_KEYS',
  dhlExpressUser: 'INTERLOCK_DEMO_DHL_EXPRESS_USERNAME',
  dhlExpressPassword: 'INTERLOCK_DEMO_DHL_EXPRESS_PASSWORD',
  dhlExpressAccount: 'INTERLOCK_DEMO_DHL_EXPRESS_ACCOUNT',
} as const;

export interface DemoCarriers {
  carriers: readonly DemoCarrier[];
  /** The carriers' throwaway credentials, by the variable names in {@link CARRIER_ENV}. */
  env: Readonly<Record<string, string>>;
  descriptors: KnownDescriptors;
  close(): Promise<void>;
}

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/**
 * Sendcloud, UPS and DHL as the demo runs them: the connectors' own simulations on 127.0.0.1, each
 * failing 5% of requests transiently, with throwaway credentials. Sendcloud and DHL (through
 * DHL Express) buy labels through their connectors; UPS only tracks (its labels are bought
 * elsewhere). Sendcloud signs its webhooks, UPS pushes Track Alerts with a credential, and DHL
 * sends no webhooks at all, so the hub is given no webhook secret for it and its poller carries it alone.
 */
export async function startDemoCarriers(seed: number): Promise<DemoCarriers> {
  const env = {
    [CARRIER_ENV.sendcloudKeys]: `pk_demo_${hex(8)}:sk_demo_${hex(16)}`,
    [CARRIER_ENV.sendcloudWebhookSecrets]: `whsec_demo_${hex(24)}`,
    [CARRIER_ENV.upsClient]: `demo${hex(8)}:${hex(20)}`,
    [CARRIER_ENV.upsAlertCredentials]: `ups_alert_demo_${hex(16)}`,
    [CARRIER_ENV.dhlKeys]: `dhl_demo_${hex(16)}`,
    [CARRIER_ENV.dhlExpressUser]: `demo${hex(6)}`,
    [CARRIER_ENV.dhlExpressPassword]: hex(16),
    // A DHL Express account number is nine digits.
    [CARRIER_ENV.dhlExpressAccount]: String(100_000_000 + (randomBytes(4).readUInt32BE() % 900_000_000)),
  };
  const sendcloud = await createSendcloudSimulation({ clock: systemClock, webhookSecret: env[CARRIER_ENV.sendcloudWebhookSecrets], seed });
  const ups = await createUpsSimulation({ clock: systemClock, credential: env[CARRIER_ENV.upsAlertCredentials], seed });
  const dhl = await createDhlSimulation({ clock: systemClock, seed });
  for (const simulation of [sendcloud, ups, dhl]) simulation.simulator.setScenario(transientFaultScenario(0.05, { outage: false }));
  const carriers: DemoCarrier[] = [
    {
      name: 'sendcloud',
      simulation: sendcloud,
      descriptor: sendcloudDescriptor,
      // A Sendcloud shipping option code, as its v3 spec's examples name one: carrier, then product.
      service: 'postnl:standard',
      shipmentsPerBatch: 3,
      config: {
        name: 'sendcloud',
        connector: '@interlock/sendcloud',
        options: { apiKeysEnv: CARRIER_ENV.sendcloudKeys, baseUrl: sendcloud.simulator.url },
        webhookSecretsEnv: CARRIER_ENV.sendcloudWebhookSecrets,
      },
    },
    {
      name: 'ups',
      simulation: ups,
      descriptor: upsDescriptor,
      service: '003',
      // UPS allows 20 tracking reads a minute per client, and each parcel is read until it is
      // final (a push only says to read): one parcel every fifth batch.
      shipmentsPerBatch: 1,
      shipEvery: 5,
      shipElsewhere: (input) => ups.ship({ reference: input.reference, weight: input.parcels[0]?.weight ?? weight(500, 'g') }),
      config: {
        name: 'ups',
        connector: '@interlock/ups',
        options: { clientEnv: CARRIER_ENV.upsClient, baseUrl: ups.simulator.url },
        webhookSecretsEnv: CARRIER_ENV.upsAlertCredentials,
      },
    },
    {
      name: 'dhl',
      simulation: dhl,
      descriptor: dhlDescriptor,
      // DHL Express Worldwide: the demo ships from the Netherlands to Poland.
      service: 'P',
      // DHL's free plan allows 20 tracking reads a minute and 250 a day per key, and each parcel
      // is read until it is delivered: one parcel every fifth batch.
      shipmentsPerBatch: 1,
      shipEvery: 5,
      // No webhook secret: DHL's descriptor says it takes no webhooks.
      config: {
        name: 'dhl',
        connector: '@interlock/dhl',
        options: {
          apiKeysEnv: CARRIER_ENV.dhlKeys,
          baseUrl: dhl.simulator.url,
          expressBaseUrl: dhl.expressBaseUrl,
          expressUsernameEnv: CARRIER_ENV.dhlExpressUser,
          expressPasswordEnv: CARRIER_ENV.dhlExpressPassword,
          expressAccountEnv: CARRIER_ENV.dhlExpressAccount,
        },
      },
    },
  ];
  return {
    carriers,
    env,
    descriptors: { '@interlock/sendcloud': sendcloudDescriptor, '@interlock/ups': upsDescriptor, '@interlock/dhl': dhlDescriptor },
    close: async () => {
      for (const carrier of carriers) await carrier.simulation.simulator.close();
    },
  };
}
