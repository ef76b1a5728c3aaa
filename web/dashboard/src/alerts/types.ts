import type { Channel, Role, ScoreType } from '../types.ts';

/** Shapes of the alerts API as the page uses them (see /api/docs, tag "alerts"). */
export type SentimentLabel = 'negative' | 'neutral' | 'positive' | 'mixed';
export type AccountTier = 'strategic' | 'standard' | 'small';
export type SpikeSubject = 'theme' | 'competitor' | 'brand';
export type Severity = 'notable' | 'high' | 'extreme';
export type SpikeDirection = 'rise' | 'fall';

export type Condition =
  | { type: 'score_at_most'; scoreType?: ScoreType; value: number }
  | { type: 'sentiment'; labels: SentimentLabel[] }
  | { type: 'account_tier'; tiers: AccountTier[] }
  | { type: 'theme'; themeIds: string[] }
  | { type: 'keyword'; words: string[] }
  | { type: 'competitor'; entityIds?: string[] }
  | { type: 'mention'; kind: string; entityIds?: string[] }
  | { type: 'touchpoint'; ids: string[] }
  | { type: 'channel'; channels: Channel[] }
  | {
      type: 'spike';
      subjects: SpikeSubject[];
      minSeverity: Severity;
      direction: SpikeDirection | 'any';
    };

export type DestinationKind = 'email' | 'slack' | 'webhook';

export type DestinationInput =
  | { kind: 'email'; addresses: string[]; teamId?: string; roles: Role[] }
  | { kind: 'slack'; url: string }
  | { kind: 'webhook'; url: string };

export interface Destination {
  id: string;
  kind: DestinationKind;
  label: string;
  settings: Record<string, unknown>;
  signed: boolean;
  createdAt: string;
}

export interface AlertRule {
  id: string;
  name: string;
  enabled: boolean;
  kind: 'feedback' | 'spike';
  conditions: Condition[];
  destinations: Destination[];
  createdAt: string;
  updatedAt: string;
}

export interface RuleInput {
  name: string;
  enabled: boolean;
  conditions: Condition[];
  destinations?: DestinationInput[];
}

export interface CreatedRule {
  rule: AlertRule;
  secrets: { destinationId: string; secret: string }[];
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'dead';

export interface Delivery {
  id: string;
  kind: DestinationKind;
  label: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  updatedAt: string;
  sentAt: string | null;
}

export interface Spike {
  id: string;
  subjectKind: 'theme' | 'theme_negative' | 'competitor' | 'brand';
  subjectId: string;
  subjectName: string | null;
  windowStart: string;
  windowEnd: string;
  count: number;
  expected: number;
  ratio: number;
  zScore: number;
  pValue: number;
  direction: SpikeDirection;
  severity: Severity;
  sentence: string;
  series: { days: string[]; counts: number[]; band: { low: number; high: number } };
  detectedAt: string;
}

export interface FiredAlert {
  id: string;
  rule: { id: string; name: string };
  matched: { type: string; detail: string }[];
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  feedback: {
    id: string;
    channel: Channel;
    scoreType: ScoreType | null;
    score: number | null;
    sentimentLabel: SentimentLabel | null;
    text: string;
    receivedAt: string;
    accountName: string | null;
  } | null;
  spike: Spike | null;
  deliveries: Delivery[];
}

export interface AlertFilters {
  acknowledged?: 'true' | 'false';
  ruleId?: string;
  alertId?: string;
}

export interface TestResult {
  destinationId: string;
  kind: DestinationKind;
  ok: boolean;
  detail: string;
}
