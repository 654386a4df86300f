import { contractViolation, describeValue, type CoercionContext } from './coercion-error.js';

/** An ISO 4217 alphabetic code in upper case, known to the currency table. */
export type CurrencyCode = string;

// Active ISO 4217 codes that have a minor unit, grouped by exponent. Codes whose minor unit is
// "N.A." (XAU, XDR, XTS, XXX, ...) are left out: an amount in them cannot be held in minor units.
// ANG stays alongside its successor XCG because providers still report historical ANG amounts.
const BY_EXPONENT: Readonly<Record<number, string>> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP ' +
    'GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP ' +
    'LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN ' +
    'SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ' +
    'ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
  4: 'CLF UYW',
};

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.entries(BY_EXPONENT).flatMap(([exponent, codes]) => codes.split(' ').map((code) => [code, Number(exponent)] as const)),
);

function lookUp(code: unknown, ctx: CoercionContext | undefined): readonly [CurrencyCode, number] {
  const upper = typeof code === 'string' ? code.toUpperCase() : '';
  const exponent = EXPONENTS.get(upper);
  if (exponent === undefined) {
    throw contractViolation('unknown_currency', `Unknown ISO 4217 currency ${describeValue(code)}`, ctx);
  }
  return [upper, exponent];
}

/**
 * The upper-case code for a currency given in any case (Stripe sends `inr`). An unknown code is a
 * `contract_violation` with reason `unknown_currency`.
 */
export function normaliseCurrency(code: unknown, ctx?: CoercionContext): CurrencyCode {
  return lookUp(code, ctx)[0];
}

/**
 * How many decimal places the currency's minor unit has: 0 for JPY, 2 for INR, 3 for KWD, 4 for
 * CLF. An unknown code is a `contract_violation` with reason `unknown_currency`.
 */
export function currencyExponent(code: string, ctx?: CoercionContext): number {
  return lookUp(code, ctx)[1];
}

/** Whether core knows the currency's exponent: a yes-or-no for schemas and simulators. */
export function isKnownCurrency(code: string): boolean {
  try {
    currencyExponent(code);
    return true;
  } catch {
    return false;
  }
}
