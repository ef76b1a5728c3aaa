import type { Channel } from '../../db/schema/index.ts';
import { normaliseTranscript } from '../calls/normalise-transcript.ts';
import { normaliseMention } from '../connectors/normalise-mention.ts';
import { normaliseSurveyResponse } from '../surveys/normalise-response.ts';
import { normaliseEmail } from '../email-in/normalise-email.ts';
import { normaliseWidgetResponse } from '../widget/normalise-widget.ts';
import type { PendingRawItem } from './ingest.repository.ts';
import { normaliseApiItem, type NormalisedItem, type Normaliser } from './normalise.ts';

/**
 * How each channel's raw items become feedback. A channel module that stores its own raw shape
 * (transcripts, emails, survey responses, mentions...) registers its normaliser here; any other
 * channel stores the public API's item shape.
 */
const normalisers: Partial<Record<Channel, Normaliser>> = {
  call: normaliseTranscript,
  feed: normaliseMention,
  social: normaliseMention,
  survey: normaliseSurveyResponse,
  email: normaliseEmail,
  widget: normaliseWidgetResponse,
};

export function normaliseRawItem(raw: PendingRawItem): NormalisedItem {
  return (normalisers[raw.channel] ?? normaliseApiItem)(raw);
}
