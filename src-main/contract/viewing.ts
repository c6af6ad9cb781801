import { z } from 'zod';
import type { ViewingOverview } from '../engine/viewing';
import { defineCall } from './define';
import { datasetId } from './datasets';

/** A dataset's viewing, in the time zone it was asked for. */
export type ViewingOverviewResult = ViewingOverview & { datasetId: string; timeZone: string };

/** True for a time zone this runtime knows: an IANA name such as 'Europe/Berlin', or 'UTC'. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const viewingCalls = {
  /** When and how much the dataset's person watched, with no metadata needed ("Your viewing"). */
  'viewing/overview': defineCall<ViewingOverviewResult>()(
    z
      .object({
        datasetId,
        timeZone: z
          .string()
          .min(1)
          .max(100)
          .refine(isTimeZone, { message: 'an IANA time zone such as Europe/Berlin, or UTC' }),
      })
      .strict(),
  ),
};
