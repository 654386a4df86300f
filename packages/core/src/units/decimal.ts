// Exact decimal arithmetic on BigInt coefficients. Amounts and measures pass through here instead
// of through binary floating point, where 0.1 + 0.2 is not 0.3 and 1.005 * 100 is not 100.5.

/** The value `(negative ? -1 : 1) * coefficient / 10^scale`; zero is never negative. */
export interface Decimal {
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly scale: number;
}

/**
 * How digits beyond the target scale are dropped: `half_even` (ties to the even neighbour),
 * `half_up` (ties away from zero), `down` (towards zero) and `floor` (towards negative infinity).
 */
export type RoundingMode = 'half_even' | 'half_up' | 'down' | 'floor';

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
// String(n) for a finite number: plain digits, or scientific notation below 1e-6 and from 1e21.
const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function decimal(negative: boolean, coefficient: bigint, scale: number): Decimal {
  return { negative: negative && coefficient !== 0n, coefficient, scale };
}

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Reads plain decimal text (`-3.2`, `+10.50`, `1000`); anything else, exponents included, is undefined. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = PLAIN.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = ''] = match;
  return decimal(sign === '-', BigInt(whole + fraction), fraction.length);
}

/** A decimal constant written as plain text (a conversion factor); malformed text is a RangeError. */
export function decimalLiteral(text: string): Decimal {
  const parsed = parseDecimal(text);
  if (parsed === undefined) throw new RangeError(`Not a plain decimal: ${text}`);
  return parsed;
}

/**
 * The exact decimal a finite number stands for, read from its shortest round-tripping text
 * (`String(0.1)` is `"0.1"`), so no binary approximation leaks in. Non-finite numbers are undefined.
 */
export function decimalFromNumber(value: number): Decimal | undefined {
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  return shiftPoint(decimal(sign === '-', BigInt(whole + fraction), fraction.length), Number(exponent));
}

/** A safe integer as a decimal of scale 0. */
export function decimalFromSafeInteger(value: number): Decimal {
  const big = BigInt(value);
  return decimal(big < 0n, big < 0n ? -big : big, 0);
}

/** Multiplies by 10^places (divides when negative) by moving the decimal point; always exact. */
export function shiftPoint(value: Decimal, places: number): Decimal {
  if (places <= value.scale) return decimal(value.negative, value.coefficient, value.scale - places);
  return decimal(value.negative, value.coefficient * pow10(places - value.scale), 0);
}

/** The exact product. */
export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return decimal(a.negative !== b.negative, a.coefficient * b.coefficient, a.scale + b.scale);
}

function awayFromZero(mode: RoundingMode, negative: boolean, quotient: bigint, twiceRemainder: bigint, divisor: bigint): boolean {
  switch (mode) {
    case 'down':
      return false;
    case 'floor':
      return negative;
    case 'half_up':
      return twiceRemainder >= divisor;
    case 'half_even':
      return twiceRemainder > divisor || (twiceRemainder === divisor && quotient % 2n === 1n);
  }
}

function quotientAtScale(
  negative: boolean,
  numerator: bigint,
  divisor: bigint,
  scale: number,
  mode: RoundingMode,
): { value: Decimal; exact: boolean } {
  const quotient = numerator / divisor;
  const remainder = numerator % divisor;
  const rounded = remainder !== 0n && awayFromZero(mode, negative, quotient, remainder * 2n, divisor);
  return { value: decimal(negative, rounded ? quotient + 1n : quotient, scale), exact: remainder === 0n };
}

/** `a / b` rounded to `scale` fraction digits. `b` must not be zero. */
export function divideDecimals(a: Decimal, b: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (b.coefficient === 0n) throw new RangeError('Division by zero');
  const numerator = a.coefficient * pow10(scale + b.scale);
  return quotientAtScale(a.negative !== b.negative, numerator, b.coefficient * pow10(a.scale), scale, mode).value;
}

/**
 * The value with exactly `scale` fraction digits. With `reject`, undefined when that would drop a
 * non-zero digit: the caller decides what losing precision means.
 */
export function roundToScale(value: Decimal, scale: number, mode: RoundingMode): Decimal;
export function roundToScale(value: Decimal, scale: number, mode: RoundingMode | 'reject'): Decimal | undefined;
export function roundToScale(value: Decimal, scale: number, mode: RoundingMode | 'reject'): Decimal | undefined {
  if (value.scale <= scale) return decimal(value.negative, value.coefficient * pow10(scale - value.scale), scale);
  const divisor = pow10(value.scale - scale);
  const { value: rounded, exact } = quotientAtScale(value.negative, value.coefficient, divisor, scale, mode === 'reject' ? 'down' : mode);
  return mode === 'reject' && !exact ? undefined : rounded;
}

/** The integer value when it has no fraction digits and is a safe integer; otherwise undefined. */
export function decimalToSafeInteger(value: Decimal): number | undefined {
  if (value.scale !== 0 || value.coefficient > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(value.negative ? -value.coefficient : value.coefficient);
}

/** Plain text with exactly `scale` fraction digits, trailing zeros kept (`10.50`). */
export function decimalToString(value: Decimal): string {
  const digits = value.coefficient.toString().padStart(value.scale + 1, '0');
  const split = digits.length - value.scale;
  const fraction = value.scale > 0 ? `.${digits.slice(split)}` : '';
  return `${value.negative ? '-' : ''}${digits.slice(0, split)}${fraction}`;
}

/** The nearest number, read from the decimal's text rather than computed in binary. */
export function decimalToNumber(value: Decimal): number {
  return Number(decimalToString(value));
}
