import { z } from 'zod';

/*
 * What the simulated MyDHL API requires of a request, from the 2.7.0 spec's `required` lists and
 * bounds (supermodelIoLogisticsExpressRateRequest, ...CreateShipmentRequest): a request the real
 * API would refuse is refused here too, with a 422 shaped like the spec's validation example.
 */

const unitSystem = z.enum(['metric', 'imperial']);

// The spec's examples write it with and without the space before GMT; both are taken.
const plannedTime = z.string().max(29).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2} ?GMT[+-]\d{2}:\d{2}$/, 'not a date and time with its GMT offset');
const measure = (min: number) => z.number().min(min).multipleOf(0.001);

const wirePackage = z.object({
  weight: measure(0.001),
  dimensions: z.object({ length: measure(1), width: measure(1), height: measure(1) }),
});

const rateAddress = z.object({ postalCode: z.string().max(12), cityName: z.string().min(1).max(45), countryCode: z.string().length(2) });

const account = z.object({ typeCode: z.enum(['shipper', 'payer', 'duties-taxes']), number: z.string().min(1).max(12) });

export const simRateRequest = z.object({
  customerDetails: z.object({ shipperDetails: rateAddress, receiverDetails: rateAddress }),
  accounts: z.array(account).max(2).optional(),
  plannedShippingDateAndTime: plannedTime,
  unitOfMeasurement: unitSystem,
  isCustomsDeclarable: z.boolean(),
  packages: z.array(wirePackage).min(1).max(999),
});

const party = z.object({
  postalAddress: rateAddress.extend({ addressLine1: z.string().min(1).max(45) }),
  contactInformation: z.object({ phone: z.string().min(1).max(70), companyName: z.string().min(1).max(100), fullName: z.string().min(1).max(255) }),
});

const lineItem = z.object({
  number: z.number().int().min(1).max(999),
  description: z.string().min(1).max(512),
  price: z.number().min(0),
  quantity: z.object({ value: z.number().int().min(1), unitOfMeasurement: z.string() }),
  manufacturerCountry: z.string().length(2),
  weight: z.object({ netValue: z.number().min(0), grossValue: z.number().min(0) }),
});

export const simShipmentRequest = z.object({
  plannedShippingDateAndTime: plannedTime,
  pickup: z.object({ isRequested: z.boolean() }),
  productCode: z.string().min(1).max(6),
  accounts: z.array(account).min(1).max(3),
  customerReferences: z.array(z.object({ value: z.string().min(1).max(35), typeCode: z.string().optional() })).max(999).optional(),
  customerDetails: z.object({ shipperDetails: party, receiverDetails: party }),
  content: z.object({
    packages: z.array(wirePackage).min(1).max(999),
    isCustomsDeclarable: z.boolean(),
    exportDeclaration: z.object({ lineItems: z.array(lineItem).min(1).max(999) }).optional(),
    description: z.string().min(1).max(70),
    incoterm: z.string().length(3),
    unitOfMeasurement: unitSystem,
  }),
});

export type SimRateRequest = z.output<typeof simRateRequest>;
export type SimShipmentRequest = z.output<typeof simShipmentRequest>;

/** The first problem with a request as MyDHL words it (`#/content/packages/0/weight: …`), or undefined when it is acceptable. */
export function validationProblem(schema: z.ZodTypeAny, body: unknown): string | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return undefined;
  const [issue] = parsed.error.issues;
  return issue === undefined ? 'invalid request' : `#/${issue.path.join('/')}: ${issue.message}`;
}
