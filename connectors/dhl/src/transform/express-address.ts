import type { Address } from '@interlock/logistics';
import { EXPRESS_ADDRESS_FIELDS, PARTY_FIELDS } from '../fields.js';
import { refused } from './refused.js';

/**
 * An address as MyDHL takes it, text exactly as given: the house number, when kept apart, follows
 * the first street line, as addresses are written where it is kept apart. MyDHL requires a postal
 * code field even where a country has none, and takes it empty then. The spec documents no
 * character set and offers transliterated answers, so text goes as given; the create refuses only
 * what no label can print.
 */
export function toWireAddress(address: Address): Record<string, unknown> {
  const [first, second, third] = address.lines;
  const body: Record<string, unknown> = {};
  EXPRESS_ADDRESS_FIELDS.write(body, 'line1', address.houseNumber === undefined ? first : `${first} ${address.houseNumber}`);
  EXPRESS_ADDRESS_FIELDS.write(body, 'line2', second);
  EXPRESS_ADDRESS_FIELDS.write(body, 'line3', third);
  EXPRESS_ADDRESS_FIELDS.write(body, 'postalCode', address.postalCode ?? '');
  EXPRESS_ADDRESS_FIELDS.write(body, 'city', address.city);
  EXPRESS_ADDRESS_FIELDS.write(body, 'stateCode', address.stateCode);
  EXPRESS_ADDRESS_FIELDS.write(body, 'country', address.country);
  return body;
}

/**
 * A shipper or receiver of a shipment. MyDHL requires a phone and a company name: a party without
 * a phone is refused before any call, and a private person's own name stands as the company. An
 * EORI goes as a registration number of type `EOR`, issued where its first two letters say.
 */
export function toWireParty(address: Address, eori: string | undefined, endpoint: string): Record<string, unknown> {
  if (address.phone === undefined) throw refused(endpoint, 'phone_required', 'DHL Express requires a phone number for the shipper and the receiver');
  const body: Record<string, unknown> = {};
  PARTY_FIELDS.write(body, 'address', toWireAddress(address));
  PARTY_FIELDS.write(body, 'name', address.name);
  PARTY_FIELDS.write(body, 'company', address.company ?? address.name);
  PARTY_FIELDS.write(body, 'phone', address.phone);
  PARTY_FIELDS.write(body, 'email', address.email);
  PARTY_FIELDS.write(body, 'eori', eori === undefined ? undefined : [{ typeCode: 'EOR', number: eori, issuerCountryCode: eori.slice(0, 2) }]);
  return body;
}
