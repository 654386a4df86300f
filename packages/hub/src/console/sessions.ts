import { randomBytes } from 'node:crypto';
import type { Clock } from '@interlock/core';
import type { ConsoleOperator } from './operators.js';

/** A signed-in operator: the cookie carries only `id`; the CSRF token goes in every form they post. */
export interface ConsoleSession {
  id: string;
  csrf: string;
  operator: ConsoleOperator;
  expiresAt: number;
}

const randomToken = (): string => randomBytes(32).toString('base64url');

/** Sessions held in the hub's memory, ending on the hub's clock; a restart signs everyone out. */
export class ConsoleSessions {
  private readonly sessions = new Map<string, ConsoleSession>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  open(operator: ConsoleOperator): ConsoleSession {
    this.forgetExpired();
    const session = { id: randomToken(), csrf: randomToken(), operator, expiresAt: this.clock.now() + this.ttlMs };
    this.sessions.set(session.id, session);
    return session;
  }

  /** The live session `id` names; an expired one is forgotten. */
  get(id: string | undefined): ConsoleSession | undefined {
    if (id === undefined) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= this.clock.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  private forgetExpired(): void {
    const now = this.clock.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}
