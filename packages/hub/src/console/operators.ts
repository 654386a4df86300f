import { createHash, timingSafeEqual } from 'node:crypto';
import type { ConsoleOperatorConfig, ConsoleRole } from './config.js';

/** Someone signed in to the console: the config's name for their token, and its role. */
export interface ConsoleOperator {
  name: string;
  role: ConsoleRole;
}

// Shorter tokens could be guessed by trying; the check refuses them at start instead.
const MIN_TOKEN_LENGTH = 24;

interface KnownToken extends ConsoleOperator {
  digest: Buffer;
}

const digestOf = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Equal without saying how much of it matched: both sides are digested to one length first. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digestOf(a), digestOf(b));
}

/** The operators' tokens, read once from the variables the config names; the tokens are kept only as digests. */
export class OperatorTokens {
  private readonly known: readonly KnownToken[];

  constructor(operators: readonly ConsoleOperatorConfig[], env: NodeJS.ProcessEnv) {
    this.known = operators.map((operator) => {
      const token = env[operator.tokenEnv];
      if (token === undefined || token.length < MIN_TOKEN_LENGTH) {
        throw new TypeError(`Console operator ${operator.name}: environment variable ${operator.tokenEnv} must hold a token of at least ${MIN_TOKEN_LENGTH} characters`);
      }
      return { name: operator.name, role: operator.role, digest: digestOf(token) };
    });
  }

  /** The operator whose token this is; every known token is compared, so the time taken says nothing. */
  identify(token: string): ConsoleOperator | undefined {
    const offered = digestOf(token);
    let found: ConsoleOperator | undefined;
    for (const known of this.known) if (timingSafeEqual(offered, known.digest) && !found) found = { name: known.name, role: known.role };
    return found;
  }
}

/** Whether the role may replay, reject and correct. */
export function mayAct(role: ConsoleRole): boolean {
  return role === 'operator' || role === 'admin';
}
