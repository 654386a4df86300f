/**
 * Every form of a connector's name the templates write, derived once from the name given on the
 * command line, so no template spells a case conversion of its own.
 */
export interface ConnectorNames {
  /** The connector's id, folder and provider name in records and telemetry: `acme-pay`. */
  readonly id: string;
  /** `@interlock/acme-pay`. */
  readonly packageName: string;
  /** Types and factories: `AcmePay` (`createAcmePayConnector`). */
  readonly pascal: string;
  /** Values: `acmePay`. */
  readonly camel: string;
  /** Constants and environment variables: `ACME_PAY` (`ACME_PAY_API_KEYS`). */
  readonly constant: string;
  /** Ids and sample credentials: `acme_pay` (`sk_test_acme_pay_…`). */
  readonly snake: string;
  /** Prose: `Acme Pay`. */
  readonly title: string;
}

/**
 * Lowercase words of letters and digits joined by single dashes, starting with a letter: the
 * shape core's `defineConnector` accepts as an id, and one whose PascalCase is an identifier.
 */
const NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Long enough for any provider's name; the constant form also prefixes environment variables. */
const MAX_LENGTH = 40;

/** Why a name cannot be a connector's, or undefined when it can. */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > MAX_LENGTH) return `the name is longer than ${MAX_LENGTH} characters`;
  if (!NAME.test(name)) return 'use lowercase letters, digits and single dashes, starting with a letter (e.g. acme-pay)';
  return undefined;
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The name's forms; throws a TypeError saying what is wrong with an invalid name. */
export function connectorNames(name: string): ConnectorNames {
  const problem = nameProblem(name);
  if (problem !== undefined) throw new TypeError(`Invalid connector name "${name}": ${problem}`);
  const words = name.split('-');
  const pascal = words.map(capitalise).join('');
  return {
    id: name,
    packageName: `@interlock/${name}`,
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
    constant: words.join('_').toUpperCase(),
    snake: words.join('_'),
    title: words.map(capitalise).join(' '),
  };
}
