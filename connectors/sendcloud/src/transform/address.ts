import { fieldReader } from '@interlock/core';
import type { Address } from '@interlock/logistics';
import { ADDRESS_FIELDS } from '../fields.js';
import type { WireAddress } from '../wire/address.js';

/** The carrier's address as the canonical one; text is taken exactly as the carrier sent it. */
export function toAddress(wire: WireAddress): Address {
  const read = fieldReader(ADDRESS_FIELDS, wire);
  const second = read.text('line2');
  return {
    name: read.get('name'),
    company: read.text('company'),
    lines: second === undefined ? [read.get('line1')] : [read.get('line1'), second],
    houseNumber: read.text('houseNumber'),
    postalCode: read.text('postalCode'),
    city: read.get('city'),
    stateCode: read.text('stateCode'),
    country: read.get('country'),
    phone: read.text('phone'),
    email: read.text('email'),
  };
}

/** The canonical address as the carrier takes it. Template value: a carrier with fewer lines joins the rest here. */
export function toWireAddress(address: Address): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  ADDRESS_FIELDS.write(body, 'name', address.name);
  ADDRESS_FIELDS.write(body, 'company', address.company);
  ADDRESS_FIELDS.write(body, 'line1', address.lines[0]);
  ADDRESS_FIELDS.write(body, 'line2', address.lines.slice(1).join(', ') || undefined);
  ADDRESS_FIELDS.write(body, 'houseNumber', address.houseNumber);
  ADDRESS_FIELDS.write(body, 'postalCode', address.postalCode);
  ADDRESS_FIELDS.write(body, 'city', address.city);
  ADDRESS_FIELDS.write(body, 'stateCode', address.stateCode);
  ADDRESS_FIELDS.write(body, 'country', address.country);
  ADDRESS_FIELDS.write(body, 'phone', address.phone);
  ADDRESS_FIELDS.write(body, 'email', address.email);
  return body;
}
