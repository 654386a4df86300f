/** The environment a connector reads its credentials from: variable name -> value. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * A comma-separated list in one variable (two keys or secrets during a rotation), trimmed, empty
 * items dropped; `[]` when the variable is unset.
 */
export function envList(env: Environment, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * The list in a variable that must be set. The error names the variable and the provider, never
 * a value, so it can be logged.
 */
export function requireEnvList(env: Environment, name: string, provider: string): string[] {
  const values = envList(env, name);
  if (values.length === 0) throw new TypeError(`${provider}: environment variable ${name} is not set`);
  return values;
}
