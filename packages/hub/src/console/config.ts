import { z } from 'zod';

/** What an operator may do: a viewer reads; an operator also replays, rejects and corrects; an admin may do all of it. */
export const CONSOLE_ROLES = ['viewer', 'operator', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

const operatorSchema = z.object({
  /** Who signs in with this token: the audit trail's actor is `console:<name>`. */
  name: z.string().regex(/^[A-Za-z0-9._@-]+$/, 'operator names are letters, digits and . _ @ -'),
  /** The environment variable holding the token: never the token itself. */
  tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'name the environment variable holding the token, not the token'),
  role: z.enum(CONSOLE_ROLES),
});

export const consoleConfigSchema = z.object({
  enabled: z.boolean().default(true),
  operators: z.array(operatorSchema).default([]),
  /** A session ends this long after sign-in. */
  sessionMinutes: z.number().positive().default(480),
  /** Mark the session cookie `Secure`: set it when the hub is reached over HTTPS (a proxy in front). */
  secureCookie: z.boolean().default(false),
});

export type ConsoleConfig = z.output<typeof consoleConfigSchema>;
export type ConsoleOperatorConfig = ConsoleConfig['operators'][number];
