/**
 * The stand-in carrier's objects the generated fixtures, webhook bodies and tests are made of,
 * typed so that a fixture and the test reading it cannot disagree. 2026-01-05T09:00:00Z, in the
 * carrier's seconds; its local times are in Amsterdam (UTC+1 in January).
 */
export const CREATED_AT = Date.UTC(2026, 0, 5, 9) / 1000;
export const HOUR = 3_600;
export const DAY = 24 * HOUR;

/** The zone the stand-in carrier writes its zone-less tracking times in. */
export const SAMPLE_ZONE = 'Europe/Amsterdam';

const sampleId = (prefix: string, n: number): string => `${prefix}_${String(n).padStart(14, '0')}`;

const address = (overrides: Record<string, string | null>) => ({
  name: 'Test Sender',
  company: 'Müller GmbH',
  address_line_1: 'Teststraat',
  address_line_2: null,
  house_number: '1',
  postal_code: '1011 AB',
  city: 'Amsterdam',
  state_code: null,
  country_code: 'NL',
  phone: '+31201234567',
  email: 'sender@example.com',
  ...overrides,
});

export const FROM = address({});
export const TO = address({ name: 'Test Receiver', company: null, address_line_1: 'Zakładowa', house_number: '7', postal_code: '90-001', city: 'Łódź', country_code: 'PL', phone: null, email: null });

/** What `createShipment` is called with in the generated tests: 500 g, sent as "0.500" kg. */
export const CREATE_INPUT = { reference: 'order-1042', service: 'standard', weightGrams: 500 };

export const CREATED = {
  id: sampleId('shp', 1),
  object: 'shipment',
  reference: CREATE_INPUT.reference,
  carrier: 'stand-in',
  service: CREATE_INPUT.service,
  status: 'created',
  tracking_numbers: ['TRK00000000000001'],
  from_address: FROM,
  to_address: TO,
  parcels: [{ weight: '0.500', weight_unit: 'kg' }],
  label: { format: 'pdf', url: 'https://labels.example/shp_00000000000001.pdf' },
  price: { amount: 495, currency: 'EUR' },
  created_at: CREATED_AT,
  updated_at: CREATED_AT,
};

export const DELIVERED = { ...CREATED, status: 'delivered', updated_at: CREATED_AT + DAY };
export const SECOND = { ...CREATED, id: sampleId('shp', 2), reference: 'order-1043', tracking_numbers: ['TRK00000000000002'] };
export const CANCELED = { ...CREATED, status: 'cancelled', updated_at: CREATED_AT + HOUR };

export const RATES = [
  { id: 'rate_standard', object: 'rate', carrier: 'stand-in', service: 'standard', service_name: 'Standard', amount: 495, currency: 'EUR', transit_days: 2, valid_until: CREATED_AT + DAY },
  { id: 'rate_express', object: 'rate', carrier: 'stand-in', service: 'express', service_name: 'Express', amount: 990, currency: 'EUR', transit_days: 1, valid_until: CREATED_AT + DAY },
];

/** A delivered parcel's scans, in local Amsterdam time without an offset, as many carriers send them. */
export const TRACKING = {
  tracking_number: CREATED.tracking_numbers[0],
  found: true,
  events: [
    { code: 'in_transit', description: 'Sorted at the hub', location: { city: 'Utrecht', postal_code: null, country_code: 'NL' }, occurred_at: '2026-01-05T18:00:00' },
    { code: 'out_for_delivery', description: 'With the courier', location: null, occurred_at: '2026-01-06T08:10:00' },
    { code: 'delivered', description: 'Delivered', location: { city: 'Łódź', postal_code: '90-001', country_code: 'PL' }, occurred_at: '2026-01-06T10:00:00' },
  ],
};
export const UNKNOWN_NUMBER = { tracking_number: 'TRK99999999999999', found: false, events: [] };

/** A webhook event as the stand-in carrier sends it. */
export function sampleEvent(n: number, type: string, object: unknown, createdAt: number) {
  return { id: sampleId('evt', n), object: 'event', type, created_at: createdAt, data: { object } };
}
