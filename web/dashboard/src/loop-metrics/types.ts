/** The loop-metrics API's shapes (server/modules/loop-metrics/loop-metrics.schemas.ts). */
export interface Share {
  count: number;
  n: number;
  rate: number | null;
  low: number;
  high: number;
}

export interface Figures {
  opened: number;
  closed: number;
  closureRate: Share;
  firstResponse: { n: number; medianHours: number | null; p90Hours: number | null };
  timeToClose: { n: number; medianHours: number | null };
  overdue: Share;
  stockReplies: Share;
  detractorsWonBack: Share;
}

export type Dimension = 'team' | 'owner' | 'touchpoint' | 'month';

export interface LoopMetrics {
  from: string;
  to: string;
  timezone: string;
  by: Dimension;
  kind: 'case' | 'thank_you';
  overall: Figures;
  groups: Array<Figures & { key: string | null; label: string | null }>;
  themes: Array<{
    themeId: string;
    name: string;
    loopsClosed: number;
    wonBack: number;
    actions: number;
    actionsShipped: number;
  }>;
}
