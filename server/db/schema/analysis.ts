import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { feedback } from './feedback.ts';
import { users } from './identity.ts';
import { MENTION_KINDS, SENTIMENT_LABELS } from '../../modules/analysis/types.ts';
import { workspaceColumn } from './workspaces.ts';

const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * What the analysis learnt about feedback, the directory it matches mentions against, themes and
 * staff corrections. Results live beside `feedback`, not in it, so ingest stays one narrow insert
 * and re-analysis rewrites only these rows.
 */
export const ENTITY_KINDS = ['brand', 'product', 'feature', 'competitor'] as const;

export const feedbackAnalysis = pgTable(
  'feedback_analysis',
  {
    workspaceId: workspaceColumn(),
    feedbackId: uuid('feedback_id').notNull(),
    /** ANALYSIS_VERSION of the analysers that wrote the row; older rows are re-analysed. */
    version: smallint('version').notNull(),
    language: text('language').notNull(),
    languageConfidence: real('language_confidence').notNull(),
    /** Parts that did not run for this language, e.g. ["sentiment","keyPhrases"]. */
    notAnalysed: jsonb('not_analysed')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    truncated: boolean('truncated').notNull().default(false),
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label', { enum: SENTIMENT_LABELS }),
    /** Set when staff corrected the label; re-analysis keeps it. */
    sentimentCorrected: boolean('sentiment_corrected').notNull().default(false),
    sentences: jsonb('sentences')
      .notNull()
      .default(sql`'[]'::jsonb`),
    aspects: jsonb('aspects')
      .notNull()
      .default(sql`'[]'::jsonb`),
    keyPhrases: jsonb('key_phrases')
      .notNull()
      .default(sql`'[]'::jsonb`),
    personalData: jsonb('personal_data')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The earliest earlier item this one nearly repeats (same complaint, or sent again). */
    duplicateOf: uuid('duplicate_of'),
    /**
     * The text's MinHash signature (little-endian uint32s; null for texts too short to compare):
     * candidates are verified against it without re-reading their text, and re-analysis finds
     * the item's old similarity bands from it.
     */
    minhash: bytea('minhash'),
    analysedAt: timestamp('analysed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.feedbackId] }),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
    index('feedback_analysis_label_idx').on(table.workspaceId, table.sentimentLabel),
    index('feedback_analysis_version_idx').on(table.workspaceId, table.version),
    index('feedback_analysis_duplicate_idx').on(table.workspaceId, table.duplicateOf),
  ],
);

/** Locality-sensitive hash bands of a text's MinHash signature: equal band, likely near-duplicate. */
export const textSimilarityBands = pgTable(
  'text_similarity_bands',
  {
    workspaceId: workspaceColumn(),
    /** What the text is: 'feedback' or 'reply' (outgoing replies, for stock answers). */
    subject: text('subject').notNull(),
    subjectId: uuid('subject_id').notNull(),
    band: smallint('band').notNull(),
    hash: bigint('hash', { mode: 'number' }).notNull(),
  },
  // The primary key is the only index: a second one, by subject id, tripled the cost of storing a
  // batch's bands. A subject's bands are found from its signature instead (feedback_analysis
  // .minhash, or the text), and deleted by their keys.
  (table) => [
    primaryKey({
      columns: [table.workspaceId, table.subject, table.band, table.hash, table.subjectId],
    }),
  ],
);

export const staffTeams = pgTable(
  'staff_teams',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    aliases: jsonb('aliases')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The person told when the team is praised or an alert names it. */
    leadEmail: text('lead_email'),
    /** The Hearken user who leads the team: overdue cases escalate to them. */
    leadUserId: uuid('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * When the team works, for business-hour deadlines: `{ timezone, days: { mon: ["09:00",
     * "17:00"], ... } }`; null means the workspace's time zone, Monday to Friday, 09:00–17:00.
     */
    businessHours: jsonb('business_hours').$type<Record<string, unknown>>(),
    /** Dates (YYYY-MM-DD, in the team's time zone) that are not business days. */
    holidays: jsonb('holidays')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const staffPeople = pgTable(
  'staff_people',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    nicknames: jsonb('nicknames')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    teamId: uuid('team_id'),
    email: text('email'),
    /** The Hearken user this person signs in as, if any. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** The brand, its products and features, and competitors, with the other names people use. */
export const trackedEntities = pgTable(
  'tracked_entities',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    name: text('name').notNull(),
    aliases: jsonb('aliases')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

export const mentions = pgTable(
  'mentions',
  {
    workspaceId: workspaceColumn(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    feedbackId: uuid('feedback_id').notNull(),
    kind: text('kind', { enum: MENTION_KINDS }).notNull(),
    entityId: uuid('entity_id').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    text: text('text').notNull(),
    sentimentScore: real('sentiment_score').notNull(),
    sentimentLabel: text('sentiment_label', { enum: SENTIMENT_LABELS }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
    index('mentions_feedback_idx').on(table.workspaceId, table.feedbackId),
    index('mentions_entity_idx').on(
      table.workspaceId,
      table.kind,
      table.entityId,
      table.receivedAt,
    ),
  ],
);

export const THEME_STATUSES = ['active', 'merged', 'archived'] as const;

export const themes = pgTable(
  'themes',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    /** Staff renamed it: re-clustering keeps the name. */
    nameLocked: boolean('name_locked').notNull().default(false),
    /** Staff pinned it: re-clustering keeps it and its phrases even when it would dissolve. */
    pinned: boolean('pinned').notNull().default(false),
    status: text('status', { enum: THEME_STATUSES }).notNull().default('active'),
    mergedInto: uuid('merged_into'),
    /** The phrases that define it, with weights: its centroid for assigning new items. */
    terms: jsonb('terms')
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Phrases staff moved here or out (split): kept across re-clustering. */
    staffTerms: jsonb('staff_terms')
      .$type<{ include: string[]; exclude: string[] }>()
      .notNull()
      .default(sql`'{"include":[],"exclude":[]}'::jsonb`),
    recurring: boolean('recurring').notNull().default(false),
    recurringSince: timestamp('recurring_since', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index('themes_status_idx').on(table.workspaceId, table.status),
  ],
);

export const feedbackThemes = pgTable(
  'feedback_themes',
  {
    workspaceId: workspaceColumn(),
    feedbackId: uuid('feedback_id').notNull(),
    themeId: uuid('theme_id').notNull(),
    weight: real('weight').notNull().default(1),
    /** 'auto' from clustering, 'staff' from a correction (kept across re-clustering). */
    source: text('source', { enum: ['auto', 'staff'] })
      .notNull()
      .default('auto'),
    /** Sentiment of the sentences about this theme (aspect sentiment), when known. */
    sentimentScore: real('sentiment_score'),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.feedbackId, table.themeId] }),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [table.workspaceId, table.themeId],
      foreignColumns: [themes.workspaceId, themes.id],
    }).onDelete('cascade'),
    index('feedback_themes_theme_idx').on(table.workspaceId, table.themeId),
  ],
);

/** Every correction staff make to the analysis, kept for the evaluation. */
export const analysisCorrections = pgTable(
  'analysis_corrections',
  {
    workspaceId: workspaceColumn(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    feedbackId: uuid('feedback_id').notNull(),
    field: text('field', { enum: ['sentiment', 'theme'] }).notNull(),
    previous: jsonb('previous'),
    corrected: jsonb('corrected').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.feedbackId],
      foreignColumns: [feedback.workspaceId, feedback.id],
    }).onDelete('cascade'),
    index('analysis_corrections_feedback_idx').on(table.workspaceId, table.feedbackId),
  ],
);
