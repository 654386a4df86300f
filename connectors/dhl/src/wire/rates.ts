import { z } from 'zod';
import { expressContract } from './common.js';
import { CURRENCY_TYPE, UNIT_OF_MEASUREMENT } from './express-enums.js';

/*
 * POST /rates, 200 (MyDHL API 2.7.0, `supermodelIoLogisticsExpressRates`). Every product member
 * is listed; the price breakdowns, service rules and capabilities the connector does not read are
 * kept as DHL sends them (`unknown`), so they are neither drift nor parsed.
 */

const price = z.object({ currencyType: CURRENCY_TYPE.schema.optional(), priceCurrency: z.string().optional(), price: z.number() });

export const wireRateProduct = z.object({
  productName: z.string().optional(),
  productCode: z.string().optional(),
  localProductCode: z.string().optional(),
  localProductCountryCode: z.string().optional(),
  networkTypeCode: z.string().optional(),
  isCustomerAgreement: z.boolean().optional(),
  weight: z.object({ volumetric: z.number().optional(), provided: z.number().optional(), unitOfMeasurement: UNIT_OF_MEASUREMENT.schema.optional() }),
  totalPrice: z.array(price),
  totalPriceBreakdown: z.array(z.unknown()).optional(),
  detailedPriceBreakdown: z.array(z.unknown()).optional(),
  serviceCodeMutuallyExclusiveGroups: z.array(z.unknown()).optional(),
  serviceCodeDependencyRuleGroups: z.array(z.unknown()).optional(),
  pickupCapabilities: z.unknown().optional(),
  deliveryCapabilities: z
    .object({
      deliveryTypeCode: z.string().optional(),
      estimatedDeliveryDateAndTime: z.string().optional(),
      destinationServiceAreaCode: z.string().optional(),
      destinationFacilityAreaCode: z.string().optional(),
      deliveryAdditionalDays: z.number().optional(),
      deliveryDayOfWeek: z.number().optional(),
      totalTransitDays: z.number().optional(),
    })
    .optional(),
  items: z.array(z.unknown()).optional(),
  pricingDate: z.string().optional(),
});

export const wireRates = z.object({
  products: z.array(wireRateProduct),
  exchangeRates: z.array(z.object({ currentExchangeRate: z.number(), currency: z.string(), baseCurrency: z.string() })).optional(),
  warnings: z.array(z.string()).optional(),
});

export type WireRateProduct = z.output<typeof wireRateProduct>;
export type WireRates = z.output<typeof wireRates>;
export type WirePrice = z.output<typeof price>;

export const ratesContract = expressContract('rates', wireRates);
