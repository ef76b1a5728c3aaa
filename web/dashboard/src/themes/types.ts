/** Themes as the API returns them (see /api/docs for the full contract). */
import type { SentimentLabel } from '../types.ts';

export type ThemeStatus = 'active' | 'merged' | 'archived';

export interface ThemeSummary {
  id: string;
  name: string;
  status: ThemeStatus;
  pinned: boolean;
  nameLocked: boolean;
  /** A theme that keeps coming back. */
  recurring: boolean;
  /** Items in the theme (over the period the list covers). */
  count: number;
  /** Mean sentiment of its items, −1..1, null when none was scored. */
  sentiment: number | null;
  /** The phrases that define it, most weighty first. */
  terms: string[];
  updatedAt: string;
}

export interface CountedRef {
  id: string | null;
  name: string;
  count: number;
}

export interface ThemeDetail extends ThemeSummary {
  touchpoints: CountedRef[];
  accounts: CountedRef[];
  mergedInto: string | null;
}

export interface ThemeTrendPoint {
  period: string;
  count: number;
  sentiment: number | null;
  sentimentLow: number | null;
  sentimentHigh: number | null;
  npsResponses: number;
  nps: number | null;
  npsLow: number | null;
  npsHigh: number | null;
}

export interface ThemeQuote {
  feedbackId: string;
  text: string;
  /** The part of the text about the theme, when known. */
  start: number | null;
  end: number | null;
  sentimentLabel: SentimentLabel | null;
  sentimentScore: number | null;
  receivedAt: string;
  contactName: string | null;
  accountName: string | null;
  touchpointName: string | null;
}
