import { sql } from 'drizzle-orm';
import {
  pgTable,
  text,
  timestamp,
  uuid,
  primaryKey,
  index,
  jsonb,
  integer,
  uniqueIndex,
  foreignKey,
} from 'drizzle-orm/pg-core';
import { listeningPosts } from './ingest.ts';
import { workspaceColumn } from './workspaces.ts';

export const RESPONSE_STATES = ['partial', 'complete'] as const;
export type ResponseState = (typeof RESPONSE_STATES)[number];
export const INVITATION_SOURCES = ['manual', 'api', 'event'] as const;
export type InvitationSource = (typeof INVITATION_SOURCES)[number];

/**
 * A survey: its questions, texts in every language and triggers live in `definition` (validated
 * by the surveys module). It listens through a listening post of kind `survey`, so its feedback
 * lands on that post's touchpoint. `public_token` is the unguessable part of its public link.
 */
export const surveys = pgTable(
  'surveys',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    postId: uuid('post_id').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<unknown>().notNull(),
    publicToken: text('public_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.postId],
      foreignColumns: [listeningPosts.workspaceId, listeningPosts.id],
    }).onDelete('cascade'),
    uniqueIndex('surveys_post_key').on(table.workspaceId, table.postId),
    // The public link names no workspace, so its token is looked up across workspaces.
    uniqueIndex('surveys_public_token_key').on(table.publicToken),
  ],
);

/**
 * One person asked to answer one survey. The link's token is stored as is (not hashed): a delayed
 * or repeated email must be able to put it in its links, and it grants no more than answering
 * this one survey as this person.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    /**
     * The contact known by this email when invited (no foreign key: merging or erasing contacts
     * must not delete survey history; the feedback made from the response carries the contact).
     */
    contactId: uuid('contact_id'),
    email: text('email').notNull(),
    name: text('name'),
    externalId: text('external_id'),
    /** The language of the email and the page it opens; the survey's default when unset. */
    language: text('language'),
    token: text('token').notNull(),
    source: text('source', { enum: INVITATION_SOURCES }).notNull(),
    /** For event invitations: the event that caused it, so a re-sent event invites nobody twice. */
    eventKey: text('event_key'),
    sendAt: timestamp('send_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its email was written to the outbox. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.surveyId],
      foreignColumns: [surveys.workspaceId, surveys.id],
    }).onDelete('cascade'),
    uniqueIndex('survey_invitations_token_key').on(table.workspaceId, table.token),
    uniqueIndex('survey_invitations_event_key').on(
      table.workspaceId,
      table.surveyId,
      table.eventKey,
    ),
    index('survey_invitations_survey_idx').on(table.workspaceId, table.surveyId, table.createdAt),
  ],
);

/**
 * One respondent's session with a survey. Each submitted page merges into `answers` (partial
 * answers are kept) and bumps `revision`, which orders the snapshots stored as raw items.
 * `token` is the respondent's handle on it (in their page URLs); the id is never shown to them.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    workspaceId: workspaceColumn(),
    id: uuid('id').notNull().defaultRandom(),
    surveyId: uuid('survey_id').notNull(),
    token: text('token').notNull(),
    invitationId: uuid('invitation_id'),
    contactId: uuid('contact_id'),
    language: text('language').notNull(),
    answers: jsonb('answers')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    state: text('state', { enum: RESPONSE_STATES }).notNull().default('partial'),
    revision: integer('revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({
      columns: [table.workspaceId, table.surveyId],
      foreignColumns: [surveys.workspaceId, surveys.id],
    }).onDelete('cascade'),
    uniqueIndex('survey_responses_token_key').on(table.workspaceId, table.token),
    // One response per invitation: clicking the email twice continues the same response.
    uniqueIndex('survey_responses_invitation_key').on(table.workspaceId, table.invitationId),
    index('survey_responses_survey_idx').on(table.workspaceId, table.surveyId, table.state),
  ],
);
