import { fieldReader } from '@interlock/core';
import type { Address } from '@interlock/logistics';
import { ADDRESS_FIELDS } from '../fields.js';
import type { WireAddress } from '../wire/address.js';

/**
 * Sendcloud's `state_province_code` is ISO 3166-2, the country in front ("IT-RM", components.schemas
 * address); the canonical `stateCode` is the part after it.
 */
function subdivision(code: string | undefined, country: string): string | undefined {
  const prefix = country + '-';
  return code?.startsWith(prefix) === true ? code.slice(prefix.length) : code;
}

/** The carrier's address as the canonical one; text is taken exactly as the carrier sent it, an empty field as absent. */
export function toAddress(wire: WireAddress): Address {
  const read = fieldReader(ADDRESS_FIELDS, wire);
  const second = read.text('line2');
  const country = read.get('country');
  return {
    name: read.get('name'),
    company: read.text('company'),
    lines: second === undefined ? [read.get('line1')] : [read.get('line1'), second],
    houseNumber: read.text('houseNumber'),
    postalCode: read.text('postalCode'),
    city: read.get('city'),
    stateCode: subdivision(read.text('stateCode'), country),
    country,
    phone: read.text('phone'),
    email: read.text('email'),
  };
}

/**
 * The canonical address as Sendcloud takes it. Sendcloud has two street lines, so a third
 * canonical line joins the second rather than being dropped.
 */
export function toWireAddress(address: Address): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  ADDRESS_FIELDS.write(body, 'name', address.name);
  ADDRESS_FIELDS.write(body, 'company', address.company);
  ADDRESS_FIELDS.write(body, 'line1', address.lines[0]);
  ADDRESS_FIELDS.write(body, 'line2', address.lines.slice(1).join(', ') || undefined);
  ADDRESS_FIELDS.write(body, 'houseNumber', address.houseNumber);
  ADDRESS_FIELDS.write(body, 'postalCode', address.postalCode);
  ADDRESS_FIELDS.write(body, 'city', address.city);
  ADDRESS_FIELDS.write(body, 'stateCode', address.stateCode === undefined ? undefined : `${address.country}-${address.stateCode}`);
  ADDRESS_FIELDS.write(body, 'country', address.country);
  ADDRESS_FIELDS.write(body, 'phone', address.phone);
  ADDRESS_FIELDS.write(body, 'email', address.email);
  return body;
}
