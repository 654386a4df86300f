import { openEnum } from '@interlock/core';

/**
 * The activity status `type`, from UPSTrackAlert.yaml (TrackingEventRequest.activityStatus.type
 * and the FAQ): D delivery, I in progress, M manifest, MV manifest void, U updated delivery date,
 * X exception. Tracking.yaml types the same field as a free string, so a type UPS adds is kept
 * raw and alerted on.
 */
export const STATUS_TYPE = openEnum('ups.status_type', ['D', 'I', 'M', 'MV', 'U', 'X']);
