import { z } from 'zod';

/** A survey post's settings: which survey it listens for (set by the surveys module). */
export const surveyPostSettings = z.strictObject({ surveyId: z.uuid().optional() });
