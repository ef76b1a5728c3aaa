/** Themes as the API returns them (see /api/docs for the full contract). */

export type ThemeStatus = 'active' | 'merged' | 'archived';

/** Figures over a window: every score comes with the number of items or answers behind it. */
export interface ThemeStats {
  volume: number;
  negative: number;
  /** negative / volume, null with no items. */
  negativeShare: number | null;
  sentiment: { average: number | null; n: number };
  nps: { score: number | null; n: number; ciLow: number | null; ciHigh: number | null };
}

export interface Theme {
  id: string;
  name: string;
  /** Staff renamed it: finding themes again keeps the name. */
  nameLocked: boolean;
  pinned: boolean;
  status: ThemeStatus;
  mergedInto: string | null;
  /** A theme that keeps coming back. */
  recurring: boolean;
  recurringSince: string | null;
  /** The heaviest phrases of the theme. */
  phrases: string[];
  staffTerms: { include: string[]; exclude: string[] };
  updatedAt: string;
}

export type ThemeSummary = Theme & ThemeStats;

export interface ThemeList {
  from: string;
  to: string;
  items: ThemeSummary[];
}

export interface Breakdown {
  id: string;
  name: string;
  volume: number;
  negative: number;
}

export interface ThemeQuote {
  feedbackId: string;
  text: string;
  receivedAt: string;
  scoreType: string | null;
  score: number | null;
  sentiment: number | null;
  weight: number;
}

export type Bucket = 'day' | 'week';

export interface ThemeSeriesPoint extends ThemeStats {
  /** YYYY-MM-DD, the first day of the bucket. */
  period: string;
}

export interface ThemeDetail {
  from: string;
  to: string;
  bucket: Bucket;
  theme: ThemeSummary;
  series: ThemeSeriesPoint[];
  touchpoints: Breakdown[];
  accounts: Breakdown[];
  quotes: { positive: ThemeQuote[]; negative: ThemeQuote[] };
}

/** An item's themes, as GET/PUT /feedback/:id/themes return them. */
export interface FeedbackThemes {
  feedbackId: string;
  themes: { themeId: string; name: string; weight: number; source: 'auto' | 'staff' }[];
}
