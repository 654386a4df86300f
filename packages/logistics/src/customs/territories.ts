/** The parts of an address that decide its customs territory. */
export interface TerritoryAddress {
  readonly country: string;
  readonly postalCode?: string | undefined;
}

/**
 * The 27 member states of the European Union (2025): one customs territory, by the Union Customs
 * Code (Regulation (EU) No 952/2013, Article 4). The UK left it on 1 January 2021.
 */
export const EU_MEMBER_STATES: readonly string[] = Object.freeze(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);

/**
 * Places with an ISO code of their own that lie inside another customs territory: Monaco is in
 * the Union's (UCC Article 4(2)); Åland, and the French outermost regions (Guadeloupe, French
 * Guiana, Martinique, Réunion, Mayotte, Saint-Martin) are part of their member state's; Liechtenstein
 * shares Switzerland's (the 1923 customs treaty).
 */
const CUSTOMS_TERRITORY_OF: Readonly<Record<string, string>> = {
  MC: 'EU',
  AX: 'EU',
  GP: 'EU',
  GF: 'EU',
  MQ: 'EU',
  RE: 'EU',
  YT: 'EU',
  MF: 'EU',
  LI: 'CH',
};

/** A place inside a member state's borders but outside a customs or VAT territory, by postal code. */
interface Enclave {
  readonly country: string;
  /** Postal codes (after removing spaces) that start with one of these. */
  readonly postalPrefixes: readonly string[];
  readonly name: string;
}

/**
 * Outside the Union's customs territory though inside a member state (UCC Article 4(1)):
 * Büsingen am Hochrhein is in Switzerland's; Heligoland, Ceuta, Melilla and Livigno are in none.
 */
const OUTSIDE_EU_CUSTOMS: readonly Enclave[] = [
  { country: 'DE', postalPrefixes: ['78266'], name: 'DE-Büsingen' },
  { country: 'DE', postalPrefixes: ['27498'], name: 'DE-Heligoland' },
  { country: 'ES', postalPrefixes: ['51'], name: 'ES-Ceuta' },
  { country: 'ES', postalPrefixes: ['52'], name: 'ES-Melilla' },
  { country: 'IT', postalPrefixes: ['23041'], name: 'IT-Livigno' },
];

/** Büsingen's goods are cleared as Swiss (the 1964 German-Swiss treaty). */
const ENCLAVE_TERRITORY: Readonly<Record<string, string>> = { 'DE-Büsingen': 'CH' };

/**
 * Inside the Union's customs territory but outside its VAT territory (Directive 2006/112/EC,
 * Article 6): goods crossing that fiscal border travel with a customs declaration like an export,
 * and carriers refuse them without one. The Canary Islands (postal codes 35 and 38), Mount Athos,
 * Campione d'Italia, Åland and the French outermost regions.
 */
const SPECIAL_FISCAL: readonly Enclave[] = [
  { country: 'ES', postalPrefixes: ['35', '38'], name: 'ES-Canary Islands' },
  { country: 'GR', postalPrefixes: ['63086'], name: 'GR-Mount Athos' },
  { country: 'IT', postalPrefixes: ['22061'], name: "IT-Campione d'Italia" },
  { country: 'FI', postalPrefixes: ['22'], name: 'AX' },
  // French addresses in the outermost regions, named by the region's own ISO code; Saint-Martin's
  // 97150 before Guadeloupe's 971, since the first match wins.
  { country: 'FR', postalPrefixes: ['97150'], name: 'MF' },
  { country: 'FR', postalPrefixes: ['971'], name: 'GP' },
  { country: 'FR', postalPrefixes: ['972'], name: 'MQ' },
  { country: 'FR', postalPrefixes: ['973'], name: 'GF' },
  { country: 'FR', postalPrefixes: ['974'], name: 'RE' },
  { country: 'FR', postalPrefixes: ['976'], name: 'YT' },
];
const SPECIAL_FISCAL_COUNTRIES: ReadonlySet<string> = new Set(['AX', 'GP', 'GF', 'MQ', 'RE', 'YT', 'MF']);

const EU: ReadonlySet<string> = new Set(EU_MEMBER_STATES);

function enclaveOf(address: TerritoryAddress, enclaves: readonly Enclave[]): string | undefined {
  const postal = (address.postalCode ?? '').replace(/\s+/g, '');
  return enclaves.find((enclave) => enclave.country === address.country && enclave.postalPrefixes.some((prefix) => postal.startsWith(prefix)))?.name;
}

/**
 * The customs territory an address lies in: `EU` for the Union's, `CH` for Switzerland with
 * Liechtenstein and Büsingen, the enclave's name for one outside every union (`ES-Ceuta`), and the
 * country code for every other country. An address without a postal code is taken to be on the
 * mainland of its country.
 */
export function customsTerritoryOf(address: TerritoryAddress): string {
  const enclave = enclaveOf(address, OUTSIDE_EU_CUSTOMS);
  if (enclave !== undefined) return ENCLAVE_TERRITORY[enclave] ?? enclave;
  if (EU.has(address.country)) return 'EU';
  return CUSTOMS_TERRITORY_OF[address.country] ?? address.country;
}

/** The special fiscal territory an address lies in (see `SPECIAL_FISCAL`), or undefined. */
export function fiscalTerritoryOf(address: TerritoryAddress): string | undefined {
  if (SPECIAL_FISCAL_COUNTRIES.has(address.country)) return address.country;
  return enclaveOf(address, SPECIAL_FISCAL);
}

/**
 * Whether goods sent from `from` to `to` need a customs declaration: they cross a customs border
 * (Germany to Switzerland; Germany to Heligoland), or the fiscal border between the Union's VAT
 * territory and a special territory inside its customs territory (Spain to the Canary Islands).
 * France to Monaco, Poland to Germany or Madrid to Barcelona need none.
 */
export function crossesCustomsBorder(from: TerritoryAddress, to: TerritoryAddress): boolean {
  return customsTerritoryOf(from) !== customsTerritoryOf(to) || fiscalTerritoryOf(from) !== fiscalTerritoryOf(to);
}
