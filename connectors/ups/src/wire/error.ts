import { z } from 'zod';
import { wireContract } from './common.js';

/** `Response` in Tracking.yaml and `ErrorMessage` in UPSTrackAlert.yaml: `{response: {errors: [{code, message}]}}`. */
export const wireError = z.object({
  response: z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() })) }),
});

export type WireError = z.output<typeof wireError>;

export const errorContract = wireContract('error', wireError);
