import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
  smallint,
} from 'drizzle-orm/pg-core';
import { SPIKE_DIRECTIONS, SPIKE_SEVERITIES } from '../../modules/analysis/spikes.ts';
import { feedback } from './feedback.ts';
import { users } from './identity.ts';
import { workspaceColumn } from './workspaces.ts';

/**
 * Alerts: rules that watch new feedback (or detected spikes), where they send, what fired and
 * how each delivery went, and the spikes found in theme, competitor and brand volume.
 */
export const ALERT_RULE_KINDS = ['feedback', 'spike'] as const;
export const DESTINATION_KINDS = ['email', 'slack', 'webhook'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];
/** `failed`: the last attempt failed and another is scheduled; `dead`: no more attempts. */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
/** `theme_negative` counts only the theme's negative items: a complaint wave inside a busy theme. */
export const SPIKE_SUBJECT_KINDS = ['theme', 'theme_negative', 'competitor', 'brand'] as const;
export type SpikeSubjectKind = (typeof SPIKE_SUBJECT_KINDS)[number];

export const alertRules = pgTable(
  'alert_rules',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** `spike` rules watch detected spikes; `feedback` rules watch each analysed item. */
    kind: text('kind', { enum: ALERT_RULE_KINDS }).notNull(),
    /** All must hold; validated by the alerts module's Zod schema before it is written. */
    conditions: jsonb('conditions').$type<unknown[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('alert_rules_kind_idx').on(table.workspaceId, table.kind, table.enabled),
  ],
);

export const alertDestinations = pgTable(
  'alert_destinations',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    ruleId: uuid('rule_id').notNull(),
    kind: text('kind', { enum: DESTINATION_KINDS }).notNull(),
    /** Email: { addresses, teamId, roles }. Nothing secret lives here; it is shown to admins. */
    settings: jsonb('settings')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** What lists show: addresses, or a URL cut to its host and path (Slack URLs carry a token). */
    label: text('label').notNull(),
    /** Slack and webhook URL: never returned after creation. */
    url: text('url'),
    /** HMAC key of a signed webhook, shown once when created; kept as is to sign with. */
    secret: text('secret'),
    /** Order within the rule: destinations added together share created_at. */
    position: smallint('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.ruleId],
      foreignColumns: [alertRules.workspaceId, alertRules.id],
    }).onDelete('cascade'),
    index('alert_destinations_rule_idx').on(table.workspaceId, table.ruleId),
  ],
);

export const spikes = pgTable(
  'spikes',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    subjectKind: text('subject_kind', { enum: SPIKE_SUBJECT_KINDS }).notNull(),
    /** A theme or tracked entity id. */
    subjectId: uuid('subject_id').notNull(),
    /** Midnight of the day in the workspace's time zone: one spike per subject and day. */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** Where counting stopped: the hour the detection ran, or the next midnight. */
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
    expected: real('expected').notNull(),
    ratio: real('ratio').notNull(),
    zScore: real('z_score').notNull(),
    pValue: doublePrecision('p_value').notNull(),
    direction: text('direction', { enum: SPIKE_DIRECTIONS }).notNull(),
    severity: text('severity', { enum: SPIKE_SEVERITIES }).notNull(),
    sentence: text('sentence').notNull(),
    /** The daily counts the decision used, oldest first, the window last: the page's chart. */
    series: jsonb('series')
      .$type<{ days: string[]; counts: number[]; band: { low: number; high: number } }>()
      .notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex('spikes_subject_window_key').on(
      table.workspaceId,
      table.subjectKind,
      table.subjectId,
      table.windowStart,
    ),
    index('spikes_window_idx').on(table.workspaceId, table.windowStart),
  ],
);

export const alerts = pgTable(
  'alerts',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    ruleId: uuid('rule_id').notNull(),
    /** What fired it: one feedback item, or one spike. */
    feedbackId: uuid('feedback_id'),
    spikeId: uuid('spike_id'),
    /** The conditions that held, described: [{ type, detail }]. */
    matched: jsonb('matched')
      .$type<Array<{ type: string; detail: string }>>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.ruleId],
      foreignColumns: [alertRules.workspaceId, alertRules.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.spikeId],
      foreignColumns: [spikes.workspaceId, spikes.id],
    }).onDelete('cascade'),
    // One alert per rule and item however often evaluation runs (NULLs never collide).
    uniqueIndex('alerts_rule_feedback_key').on(table.workspaceId, table.ruleId, table.feedbackId),
    uniqueIndex('alerts_rule_spike_key').on(table.workspaceId, table.ruleId, table.spikeId),
    index('alerts_created_idx').on(table.workspaceId, table.createdAt),
  ],
);

export const alertDeliveries = pgTable(
  'alert_deliveries',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    alertId: uuid('alert_id').notNull(),
    /** No foreign key: a removed destination leaves its delivery history (then marked dead). */
    destinationId: uuid('destination_id').notNull(),
    kind: text('kind', { enum: DESTINATION_KINDS }).notNull(),
    label: text('label').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    responseStatus: integer('response_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.alertId],
      foreignColumns: [alerts.workspaceId, alerts.id],
    }).onDelete('cascade'),
    uniqueIndex('alert_deliveries_alert_destination_key').on(
      table.workspaceId,
      table.alertId,
      table.destinationId,
    ),
    index('alert_deliveries_status_idx').on(table.workspaceId, table.status),
  ],
);
