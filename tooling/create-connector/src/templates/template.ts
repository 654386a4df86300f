import type { ErrorKind, ReadinessCapability } from '@interlock/core';
import type { ConnectorNames } from '../names.js';

/** One file of the generated package: a path relative to its folder (forward slashes) and its text. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/** The third-party packages every template depends on, at the exact versions the workspace pins. */
export interface PinnedVersions {
  readonly zod: string;
}

/** A provider object's fields, as data: fields.ts declares it and the README shows it as a table. */
export interface FieldMappingSpec {
  /** The constant fields.ts exports it as, e.g. `PAYMENT_FIELDS`. */
  readonly constant: string;
  /** Its table's title in the README, e.g. `Payment → Payment`. */
  readonly title: string;
  readonly inbound: Readonly<Record<string, string>>;
  readonly outbound: Readonly<Record<string, string>>;
}

/** A row of RUNBOOK.md's table: what the connector does is known; what a person does is the contributor's to write. */
export interface FailureMode {
  readonly failure: string;
  readonly shows: string;
  readonly connector: string;
  /** The question the contributor answers in the "what a person does" cell. */
  readonly ask: string;
  readonly severity: 'P0' | 'P1' | 'P2' | 'P3';
}

/**
 * What a domain brings to the scaffold. The common templates (package files, client, descriptor,
 * webhooks, errors, pages, README, RUNBOOK, the descriptor and README tests) are the same for
 * every domain and read the domain's data from here; `files` adds the domain's own: its
 * endpoints, wire contracts, transforms, operations, simulation, fixtures and tests.
 *
 * The domain's `src/connector.ts` must export `create<Pascal>Connector(options)` taking
 * `{ apiKeys, webhookSecrets, baseUrl?, clock?, fetch?, telemetry? }`, and its `src/endpoints.ts`
 * `<camel>Endpoints` (each a core `ContractEndpoint` with `rateLimits`) and the
 * `<Pascal>Endpoints` type: the common files are written against those names.
 */
export interface DomainTemplate {
  /** As `--domain` takes it and the domain's plug-in names itself, e.g. `payments`. */
  readonly name: string;
  /** The domain package, its hub plug-in and the connector interface the descriptor creates. */
  readonly plugin: { readonly packageName: string; readonly exportName: string; readonly connectorType: string };
  /** One sentence for package.json and the README. */
  description(names: ConnectorNames): string;
  /** The provider objects' fields, besides the event and error envelopes every domain has. */
  readonly fieldMappings: readonly FieldMappingSpec[];
  /** Query parameters of the list endpoints, besides the page size and cursor. */
  readonly queryParams: Readonly<Record<string, string>>;
  /** The stand-in API's error codes and the kinds they mean. */
  readonly errorKinds: Readonly<Record<string, ErrorKind>>;
  /** The readiness items the generated connector implements and tests. */
  readonly capabilities: readonly ReadinessCapability[];
  /** RUNBOOK.md rows of the domain, after the ones every connector has. */
  readonly failureModes: readonly FailureMode[];
  /** The README's usage section (Markdown). */
  readmeUsage(context: TemplateContext): string;
  files(context: TemplateContext): readonly GeneratedFile[];
}

/** Everything a template is given. */
export interface TemplateContext {
  readonly names: ConnectorNames;
  readonly domain: DomainTemplate;
  readonly versions: PinnedVersions;
}
