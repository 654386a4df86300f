import type { SecretSink } from '../redaction/redactor.js';
import type { TelemetryEvent } from '../telemetry/events.js';
import type { Emit } from '../telemetry/telemetry.js';

/** What a client hands to the auth components it is given: its telemetry and its redactor. */
export interface AuthObserverContext {
  emit: Emit;
  secrets: SecretSink;
}

/**
 * Where an auth component reports its events and the secrets it comes to hold. A ring or token
 * manager is usually made before the client that uses it, so the client attaches its own
 * telemetry and redactor later; secrets already known are handed over on attach.
 */
export class AuthObservers implements SecretSink {
  private readonly emits: Emit[] = [];
  private readonly sinks: SecretSink[] = [];
  private readonly known = new Set<string>();

  constructor(emit?: Emit, secrets?: SecretSink) {
    if (emit) this.emits.push(emit);
    if (secrets) this.sinks.push(secrets);
  }

  attach(context: AuthObserverContext): void {
    if (!this.emits.includes(context.emit)) this.emits.push(context.emit);
    if (this.sinks.includes(context.secrets)) return;
    this.sinks.push(context.secrets);
    for (const secret of this.known) context.secrets.addSecret(secret);
  }

  emit(event: TelemetryEvent): void {
    for (const emit of this.emits) emit(event);
  }

  addSecret(secret: string): void {
    this.known.add(secret);
    for (const sink of this.sinks) sink.addSecret(secret);
  }
}
